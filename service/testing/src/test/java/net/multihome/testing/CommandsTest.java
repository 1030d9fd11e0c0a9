package net.multihome.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void aCommandThatOverrunsItsTimeoutIsKilledAndFailsTheTest() {
        long start = System.nanoTime();
        assertThrows(AssertionError.class, () -> Commands.run(List.of("sleep", "30"), Map.of(), Duration.ofMillis(200)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
    }

    @Test
    void outputAndExitCodeAreCapturedAndAFailureNamesTheCommand() {
        CommandResult result = Commands.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Map.of("GREETING", "hi"), Commands.TIMEOUT);
        assertEquals(3, result.exitCode());
        assertEquals("out\nerr\n", result.output());
        AssertionError failed = assertThrows(AssertionError.class, result::orFail);
        assertTrue(failed.getMessage().startsWith("sh -c echo out"), failed.getMessage());
        assertEquals("hi\n", Commands.run(List.of("sh", "-c", "echo $GREETING"), Map.of("GREETING", "hi"),
                Commands.TIMEOUT).orFail());
    }
}
