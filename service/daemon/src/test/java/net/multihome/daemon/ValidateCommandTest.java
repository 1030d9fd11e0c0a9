package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"seed-providers.xml", "seed-management.xml"})
    void examplesPrintOk(String example) {
        CommandRun result = CommandRun.of("validate", "../../packaging/examples/" + example);
        assertEquals(new CommandRun(0, "OK\n", ""), result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.multihome.core.config.InvalidConfigs#cases")
    void invalidConfigPrintsPathAndMessageAndExitsOne(String name, String xml, String path, String message)
            throws Exception {
        Path file = dir.resolve("config.xml");
        Files.writeString(file, xml);
        CommandRun result = CommandRun.of("validate", file.toString());
        assertEquals(1, result.status(), result.toString());
        assertTrue(result.out().contains(file + ": " + path + ": "), result.out());
        assertTrue(result.out().contains(message), result.out());
    }

    @Test
    void missingFileIsAUsageErrorNamingTheFile() {
        CommandRun result = CommandRun.of("validate", dir.resolve("nope.xml").toString());
        assertEquals(2, result.status());
        assertTrue(result.err().contains("cannot read " + dir.resolve("nope.xml")), result.err());
    }

    @Test
    void unknownCommandPrintsUsage() {
        CommandRun result = CommandRun.of("frobnicate");
        assertEquals(2, result.status());
        assertTrue(result.err().contains("unknown command 'frobnicate'"));
        assertTrue(result.err().contains("validate FILE"));
    }
}
