package net.multihome.daemon.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard in packaging/grafana is JSON, and every metric it queries is one we serve. */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("../../packaging/grafana/multihome-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("multihome_[a-z_]+");

    @Test
    void dashboardParsesAndQueriesServedMetrics() throws IOException {
        JsonObject dashboard = JsonParser.parseString(Files.readString(DASHBOARD)).getAsJsonObject();
        assertFalse(dashboard.get("title").getAsString().isBlank());
        List<String> titles = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            titles.add(panel.getAsJsonObject().get("title").getAsString());
            for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                exprs.add(target.getAsJsonObject().get("expr").getAsString());
            }
        }
        for (String shown : List.of("Providers", "Round-trip time", "Probe loss", "Share of the default route",
                "Transitions")) {
            assertTrue(titles.stream().anyMatch(t -> t.startsWith(shown)), () -> shown + " missing from " + titles);
        }
        String served = MetricsCollectorTest.render();
        for (String expr : exprs) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                String name = m.group();
                assertTrue(served.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")),
                        () -> name + " of '" + expr + "' is not served");
            }
        }
    }
}
