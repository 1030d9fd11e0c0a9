package net.multihome.netconf.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Sha512CryptTest {
    private static final String ADMIN =
            "$6$mhdemo0123$3YYhmckfgui/YbIoRrLZCX2gtc6Y2jQPDoPZRVvBDHpuzHfNNLtiQYTR2RNBNkYLDJZrXw74w1aWjIJJ8q7Wn0";

    @Test
    void projectVectorVerifies() {
        assertTrue(Sha512Crypt.verify("admin", ADMIN));
        assertFalse(Sha512Crypt.verify("Admin", ADMIN));
        assertFalse(Sha512Crypt.verify("admin ", ADMIN));
    }

    /** Vectors from glibc crypt(3) via Python's crypt module. */
    @Test
    void matchesGlibc() {
        assertEquals("$6$salt$AkOOBO38SQQ8T8Q46KuCONe.8zg41nvCDKDq7pVQd2n2hy8sf8aR3G89VY.57up0eSIa/69odCCcLT4hx7FpW/",
                Sha512Crypt.crypt("pw", "$6$salt$"));
        assertEquals("$6$abc$mJP3a6FyA8uCnzRtlnNypPwjnvpi5TP9qOrInzrfDmwxUQG38PkpCPdqfTb8JQfAngapMxeim4AZ..hSdRRzD.",
                Sha512Crypt.crypt("", "$6$abc$"));
    }

    @Test
    void roundsAndLongSaltsAndLongPasswordsMatchGlibc() {
        assertEquals("$6$rounds=1000$saltsaltsaltsalt$uaDJrWn39/UgfsZDU4c.sO4euYYyCpJsY5mLu68rxDodC.ZDfX4FeuZHLwILYCNcihzfwsQmzvbph5nwE5wb41",
                Sha512Crypt.crypt("a much longer password that exceeds sixty four bytes in total length for sure yes",
                        "$6$rounds=1000$saltsaltsaltsaltEXTRA$"));
        assertTrue(Sha512Crypt.verify("pässwörd",
                "$6$rounds=12345$x$YV9cbCG.yF2xLuc6gdojNWfk9O3/0ZIFytHteFGszRviy9nMwOFqbmjUm/3Q8sAZ4fmqa46feScuD3BRCpFlT/"));
    }

    /** Drepper's specification test vectors. */
    @Test
    void matchesSpecificationVectors() {
        assertEquals("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                Sha512Crypt.crypt("Hello world!", "$6$saltstring"));
        assertEquals("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
                Sha512Crypt.crypt("Hello world!", "$6$rounds=10000$saltstringsaltstring"));
        assertEquals("$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.",
                Sha512Crypt.crypt("the minimum number is still observed", "$6$rounds=10$roundstoolow"));
    }

    @Test
    void garbageHashesNeverVerify() {
        assertFalse(Sha512Crypt.verify("admin", ""));
        assertFalse(Sha512Crypt.verify("admin", "$1$abc$def"));
        assertFalse(Sha512Crypt.verify("admin", "$6$rounds=x$salt$hash"));
        assertFalse(Sha512Crypt.verify("admin", "$6$rounds=999999999$salt$hash"));
        assertFalse(Sha512Crypt.verify("admin", "*"));
    }
}
