package net.multihome.daemon.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerAccessTest {

    @TempDir
    Path dir;

    private PeerAccess access;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("group"), "root:x:0:\nnogroup:x:65534:\nmultihome:x:990:alice\n");
        Files.createDirectories(dir.resolve("proc/4242"));
        Files.writeString(dir.resolve("proc/4242/status"), "Name:\tmultihome\nUid:\t1000\t1000\t1000\t1000\n"
                + "Gid:\t1000\t1000\t1000\t1000\nGroups:\t24 990 1000 \n");
        Files.createDirectories(dir.resolve("proc/4343"));
        Files.writeString(dir.resolve("proc/4343/status"), "Name:\tcat\nGroups:\t1000\n");
        access = new PeerAccess(dir.resolve("group"), dir.resolve("proc"));
    }

    @Test
    void rootMayRead() {
        assertEquals(Optional.empty(), access.refusal(1, 0, 0));
    }

    @Test
    void thePrimaryGroupOrASupplementaryOneMayRead() {
        assertEquals(Optional.empty(), access.refusal(1, 1000, 990));
        assertEquals(Optional.empty(), access.refusal(4242, 1000, 1000));
    }

    @Test
    void anyoneElseGetsOneLine() {
        Optional<String> refusal = access.refusal(4343, 65534, 65534);
        assertEquals(Optional.of("multihome: permission denied: uid 65534 is neither root nor in group multihome"),
                refusal);
        assertTrue(access.refusal(9999, 1000, 1000).isPresent(), "a peer gone from /proc has only its gid");
    }

    @Test
    void withoutTheGroupOnlyRootMayRead() throws Exception {
        Files.writeString(dir.resolve("group"), "root:x:0:\n");
        assertTrue(access.refusal(4242, 1000, 990).isPresent());
        assertEquals(Optional.empty(), access.refusal(4242, 0, 0));
    }
}
