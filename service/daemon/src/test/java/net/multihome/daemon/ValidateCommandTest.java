package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-providers.xml", "seed-management.xml"})
    void examplesPrintOk(String example) {
        Result result = run("validate", "../../packaging/examples/" + example);
        assertEquals(new Result(0, "OK\n", ""), result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.multihome.core.config.InvalidConfigs#cases")
    void invalidConfigPrintsPathAndMessageAndExitsOne(String name, String xml, String path, String message)
            throws Exception {
        Path file = dir.resolve("config.xml");
        Files.writeString(file, xml);
        Result result = run("validate", file.toString());
        assertEquals(1, result.status(), result.toString());
        assertTrue(result.out().contains(file + ": " + path + ": "), result.out());
        assertTrue(result.out().contains(message), result.out());
    }

    @Test
    void missingFileIsAUsageErrorNamingTheFile() {
        Result result = run("validate", dir.resolve("nope.xml").toString());
        assertEquals(2, result.status());
        assertTrue(result.err().contains("cannot read " + dir.resolve("nope.xml")), result.err());
    }

    @Test
    void unknownCommandPrintsUsage() {
        Result result = run("frobnicate");
        assertEquals(2, result.status());
        assertTrue(result.err().contains("unknown command 'frobnicate'"));
        assertTrue(result.err().contains("validate FILE"));
    }
}
