package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import net.multihome.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each failure mode of a provider, with three providers and the default health settings: the
 * provider leaves the main default route, traffic to the Internet host goes on over the others,
 * and the provider comes back once the fault is mended.
 */
@Tag("netns")
class FailoverIT {

    private static final String GROUP = "1296564225";
    private static final String ISP2_MEMBER = "1296564242";
    /** Detection at the defaults takes about 0.9 s; the deadline leaves room for a loaded machine. */
    private static final Duration WITHDRAWN = Duration.ofSeconds(5);
    /** Coming back needs five good rounds (1 s) plus the detection of the mended link. */
    private static final Duration RETURNED = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Lab lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    private boolean isp2InDefault() {
        return lab.ip("nexthop", "show", "id", GROUP).contains(ISP2_MEMBER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway", "upstream", "link", "farside", "admin"})
    void failedProviderLeavesTheDefaultTrafficContinuesAndItComesBack(String mode) {
        lab = Lab.up(dir, Lab.THREE);
        assertTrue(Await.within(Duration.ofSeconds(5), this::isp2InDefault), "isp2 starts in the default route");

        lab.lab("fail", "isp2", mode);
        assertTrue(Await.within(WITHDRAWN, () -> !isp2InDefault()),
                () -> "isp2 still in the default route after " + mode + " failed:\n" + lab.daemonLog());
        String ping = lab.in("lan", "ping", "-c", "3", "-i", "0.2", "-W", "1", "192.0.2.1");
        assertTrue(ping.contains(" 0% packet loss"), ping);

        lab.lab("restore", "isp2");
        assertTrue(Await.within(RETURNED, this::isp2InDefault),
                () -> "isp2 did not come back after " + mode + " was mended:\n" + lab.daemonLog());
    }
}
