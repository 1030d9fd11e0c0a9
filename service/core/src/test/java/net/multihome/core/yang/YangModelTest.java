package net.multihome.core.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class YangModelTest {

    private static final Path YANG_DIR = Path.of("../../yang");

    @Test
    void yangtoolsParsesTheModule() {
        YangSchema schema = YangSchema.load();
        assertNotNull(schema.context().dataChildByName(YangSchema.qname("multihome")));
    }

    @Test
    void packedModulesAreTheFilesUnderYang() throws IOException {
        for (YangSchema.ModuleFile module : YangSchema.MODULES) {
            assertEquals(Files.readString(YANG_DIR.resolve(module.fileName())), module.text());
        }
    }

    @Test
    void packedStatementTreesAreThoseOfTheFilesUnderYang() throws Exception {
        for (YangSchema.ModuleFile module : YangSchema.MODULES) {
            assertEquals(ModuleCompiler.compile(module, YANG_DIR.resolve(module.fileName())),
                    module.compiled().statement(), module.fileName());
        }
    }

    @Test
    void yanglintAcceptsTheModuleWithoutWarnings() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/yanglint")),
                "yanglint is not installed (Debian libyang2-tools); .ci/run installs it");
        List<String> command = new ArrayList<>(List.of("/usr/bin/yanglint", "-p", YANG_DIR.toString()));
        command.add(YANG_DIR.resolve(YangSchema.MODULES.getFirst().fileName()).toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "yanglint did not finish in 60 s");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("", output.strip(), "yanglint printed findings");
        assertEquals(0, process.exitValue());
    }

    @Test
    void yanglintAcceptsTheExamples() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/yanglint")), "yanglint is not installed");
        for (String example : List.of("seed-providers.xml", "seed-management.xml")) {
            String xml = Files.readString(Path.of("../../packaging/examples", example));
            String data = xml.substring(xml.indexOf('\n', xml.indexOf("<config")) + 1, xml.lastIndexOf("</config>"));
            Path file = Files.createTempFile("mh-example", ".xml");
            try {
                Files.writeString(file, data);
                Process process = new ProcessBuilder("/usr/bin/yanglint", "-t", "config", "-p", YANG_DIR.toString(),
                        YANG_DIR.resolve(YangSchema.MODULES.getFirst().fileName()).toString(), file.toString())
                        .redirectErrorStream(true).start();
                assertEquals(true, process.waitFor(60, TimeUnit.SECONDS));
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, process.exitValue(), example + ": " + output);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
