package net.multihome.daemon.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivePagesTest {

    private static final String SMAPS = """
            7f0000001000-7f00017b4000 rw-p 00001000 fe:00 5310127                    /var/cache/multihome/multihome.aot
            Size:              24268 kB
            Rss:               24268 kB
            Anonymous:         23972 kB
            VmFlags: rd wr mr mw me ac sd
            7f00017b4000-7f000352f000 r--p 017b4000 fe:00 5310127                    /var/cache/multihome/multihome.aot
            Size:              30188 kB
            Rss:               26280 kB
            Anonymous:             0 kB
            VmFlags: rd mr mw me ac sd
            7f000352f000-7f0003600000 r--p 0352f000 fe:00 5310127                    /var/cache/multihome/multihome.aot
            Rss:                 400 kB
            Anonymous:            12 kB
            7f0004000000-7f0004100000 r--p 00000000 fe:00 4000001                    /var/cache/multihome/multihome.aot (deleted)
            Rss:                1024 kB
            Anonymous:             0 kB
            7f0005000000-7f0005100000 r--p 00000000 fe:00 5310127                    /usr/lib/other.so
            Rss:                1024 kB
            Anonymous:             0 kB
            7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0                          [stack]
            Rss:                  16 kB
            Anonymous:            16 kB
            """;

    @TempDir
    Path dir;

    @Test
    void smapsGivesEachMappingWithItsResidentAndAnonymousKilobytes() {
        List<Region> regions = Region.parseSmaps(SMAPS.lines().toList());

        assertEquals(6, regions.size());
        Region readOnly = regions.get(1);
        assertEquals(new Mapping(0x7f00017b4000L, 0x7f000352f000L, "r--p", 0x017b4000L, 5310127L,
                "/var/cache/multihome/multihome.aot"), readOnly.mapping());
        assertEquals(26280, readOnly.residentKb());
        assertEquals(0, readOnly.anonymousKb());
        assertEquals("/var/cache/multihome/multihome.aot (deleted)", regions.get(3).mapping().file());
        assertEquals("[stack]", regions.get(5).mapping().file());
        assertEquals(16, regions.get(5).anonymousKb());
    }

    @Test
    void onlyTheCachesReadOnlyMappingsAreFound() {
        List<Region> found = ArchivePages.readOnlyMappingsOf(Path.of("/var/cache/multihome/multihome.aot"),
                5310127L, Region.parseSmaps(SMAPS.lines().toList()));

        // Not the read-write region, not a replaced cache, not another file; one with private copies is
        // found, for the daemon to leave the cache alone.
        assertEquals(List.of(0x7f00017b4000L, 0x7f000352f000L), found.stream().map(r -> r.mapping().start()).toList());
        assertEquals(List.of(0L, 12L), found.stream().map(Region::anonymousKb).toList());
    }

    @Test
    void theCacheIsTheLastAotCacheFlagOfTheCommandLine() {
        assertEquals(Optional.of(Path.of("/var/cache/multihome/multihome.aot")), ArchivePages.cacheFile(List.of(
                "java", "-XX:AOTCache=/tmp/old.aot", "-XX:AOTCache=/var/cache/multihome/multihome.aot", "-m", "x")));
        assertEquals(Optional.empty(), ArchivePages.cacheFile(List.of("java", "-XX:AOTCache=", "-XX:AOTMode=off")));
    }

    @Test
    void statusFieldsAreReadByName() {
        List<String> status = List.of("Name:\tjava", "Uid:\t0\t998\t998\t998", "VmRSS:\t   99588 kB");

        assertEquals(998, ArchivePages.statusField(status, "Uid:", 1));
        assertEquals(99588, ArchivePages.statusField(status, "VmRSS:", 0));
    }

    @Test
    void aMappingPagedOutIsNoLongerResidentAndReadsTheSameBytesAgain() throws Exception {
        Path file = dir.resolve("cache");
        byte[] bytes = new byte[8 << 20];
        new Random(7).nextBytes(bytes);
        // Written through: a dirty page is unmapped by the page-out but stays cached until written back.
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, bytes.length, arena);
            long sum = 0;
            for (long offset = 0; offset < bytes.length; offset += 4096) {
                sum += mapped.get(ValueLayout.JAVA_BYTE, offset);
            }
            Mapping mapping = regionAt(mapped.address()).mapping();
            assertTrue(regionAt(mapped.address()).residentKb() >= 8000, "all of it read: " + sum);

            assertEquals("", ArchivePages.pageOut(mapping, file));

            assertTrue(regionAt(mapped.address()).residentKb() < 1024,
                    "resident after the page-out: " + regionAt(mapped.address()).residentKb() + " kB");
            assertEquals(bytes[5 << 20], mapped.get(ValueLayout.JAVA_BYTE, 5 << 20));
            assertTrue(regionAt(mapped.address()).residentKb() <= 64,
                    "a page read again comes back without its neighbours: "
                            + regionAt(mapped.address()).residentKb() + " kB");
        }
    }

    private static Region regionAt(long address) throws Exception {
        return Region.parseSmaps(Files.readAllLines(Path.of("/proc/self/smaps"))).stream()
                .filter(r -> r.mapping().start() == address).findFirst().orElseThrow();
    }
}
