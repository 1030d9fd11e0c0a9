package net.multihome.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fixture itself, in namespaces of its own; needs root, skipped otherwise. */
@Tag("netns")
class NamespaceTest {

    private static boolean listed(String name) {
        return Commands.check("ip", "netns", "list").lines().anyMatch(l -> l.split(" ")[0].equals(name));
    }

    @Test
    void twoNamespacesJoinedByAVethPairReachEachOtherAndAreGoneAfterClose() {
        String a;
        String b;
        try (Namespaces namespaces = new Namespaces()) {
            Namespace left = namespaces.create("fx-a");
            Namespace right = namespaces.create("fx-b");
            a = left.name();
            b = right.name();
            assertNotEquals(a, b);
            assertTrue(a.startsWith("mht-fx-a-" + ProcessHandle.current().pid() + "-"), a);
            assertTrue(Files.exists(left.path()));
            left.veth("v0", right, "v1");
            left.address("v0", "192.0.2.1/24");
            right.address("v1", "192.0.2.2/24");
            String ping = left.exec("ping", "-c", "1", "-W", "2", "192.0.2.2");
            assertTrue(ping.contains("1 received"), ping);
            assertFalse(right.tryExec("ping", "-c", "1", "-W", "1", "198.51.100.1").succeeded(), "no route there");
        }
        assertFalse(listed(a), a + " deleted");
        assertFalse(listed(b), b + " deleted");
    }

    @Test
    void aNamespaceWhoseSetupFailsIsDeletedAgain() {
        String[] name = new String[1];
        AssertionError failed = assertThrows(AssertionError.class, () -> Namespace.create("fx-bad", ns -> {
            name[0] = ns.name();
            ns.ip("link", "set", "no-such-device", "up");
        }));
        assertTrue(failed.getMessage().contains("no-such-device"), failed.getMessage());
        assertFalse(listed(name[0]), name[0] + " deleted after the failed setup");
    }
}
