package net.multihome.snmp.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderIndexStoreTest {

    @TempDir
    Path state;

    @Test
    void indexesSurviveARestartAndAreNeverReused() {
        ProviderIndexStore first = ProviderIndexStore.open(state);
        assertEquals(1, first.indexOf("isp-a"));
        assertEquals(2, first.indexOf("isp-b"));
        assertEquals(1, first.indexOf("isp-a"));

        ProviderIndexStore restarted = ProviderIndexStore.open(state);
        assertEquals(2, restarted.indexOf("isp-b"), "known name keeps its index");
        assertEquals(3, restarted.indexOf("isp-c"), "new name gets the next index");
        assertEquals(1, restarted.indexOf("isp-a"));
    }

    @Test
    void namesWithSpecialCharactersRoundTrip() {
        ProviderIndexStore.open(state).indexOf("fibre = main: #1");
        assertEquals(1, ProviderIndexStore.open(state).indexOf("fibre = main: #1"));
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws Exception {
        ProviderIndexStore.open(state).indexOf("isp-a");
        try (var files = Files.list(state)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }
}
