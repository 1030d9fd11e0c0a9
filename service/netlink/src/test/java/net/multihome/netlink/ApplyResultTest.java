package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.multihome.netlink.socket.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplyResultTest {

    @ParameterizedTest
    @ValueSource(strings = {"EINTR", "EAGAIN", "ENOMEM", "EBUSY", "ENOBUFS", "ENETDOWN"})
    void passingConditionsAreRetryable(String name) {
        assertTrue(failed(name).retryable(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPERM", "ENOENT", "ESRCH", "EEXIST", "ENODEV", "EINVAL", "ERANGE", "EOPNOTSUPP",
        "EAFNOSUPPORT", "ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL"})
    void refusalsOfTheRequestItselfAreNot(String name) {
        assertFalse(failed(name).retryable(), name);
    }

    @Test
    void messageIsTheErrnoNameAndTheKernelsTextOrStrerror() {
        ApplyResult.Failed withAck = new ApplyResult.Failed(Errno.EINVAL, Optional.of("Nexthop id does not exist"));
        assertEquals("EINVAL: Nexthop id does not exist", withAck.message());
        assertEquals("EINVAL", withAck.errnoName());
        assertEquals(22, withAck.errno());
        assertEquals("EEXIST: File exists", new ApplyResult.Failed(Errno.EEXIST, Optional.empty()).message());
        assertEquals("E200: errno 200", new ApplyResult.Failed(200, Optional.empty()).message());
    }

    @Test
    void appliedIsNotAFailureAndAFailureNeedsAnErrno() {
        assertTrue(ApplyResult.APPLIED.applied());
        assertFalse(failed("EBUSY").applied());
        assertThrows(IllegalArgumentException.class, () -> new ApplyResult.Failed(0, Optional.empty()));
    }

    @Test
    void exceptionCarriesTheSameFailure() {
        NetlinkException e = new NetlinkException(Errno.ENOBUFS, null, "route add Route[...]");
        assertEquals("ENOBUFS: No buffer space available", e.getMessage());
        assertEquals(new ApplyResult.Failed(Errno.ENOBUFS, Optional.empty()), e.failure());
        assertTrue(e.retryable());
    }

    private static ApplyResult.Failed failed(String name) {
        for (int errno = 1; errno < 256; errno++) {
            if (Errno.name(errno).equals(name)) {
                return new ApplyResult.Failed(errno, Optional.empty());
            }
        }
        throw new AssertionError("no errno named " + name);
    }
}
