package net.multihome.core.yang;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opendaylight.yangtools.yang.ir.IOSupport;
import org.opendaylight.yangtools.yang.ir.IRStatement;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.FileYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangSyntaxErrorException;
import org.opendaylight.yangtools.yang.parser.rfc7950.repo.TextToIRTransformer;

/**
 * Run by the build: turns each packed module's text into yangtools' intermediate form (the
 * statement tree the YANG grammar yields), which {@link YangSchema#load()} reads instead of the
 * text. The grammar's parse was 45 % of the daemon's schema build at start-up, and its compiled
 * code a large share of the JIT's start-up work.
 *
 * <p>Usage: {@code ModuleCompiler SOURCE_DIR OUTPUT_DIR}, writing {@code NAME@REVISION.ir} for each
 * of {@link YangSchema#MODULES}.
 */
public final class ModuleCompiler {

    private ModuleCompiler() {
    }

    public static void main(String[] args) throws IOException, YangSyntaxErrorException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ModuleCompiler SOURCE_DIR OUTPUT_DIR");
        }
        Path sources = Path.of(args[0]);
        Path output = Files.createDirectories(Path.of(args[1]));
        for (YangSchema.ModuleFile module : YangSchema.MODULES) {
            IRStatement statement = compile(module, sources.resolve(module.fileName()));
            try (OutputStream file = Files.newOutputStream(output.resolve(module.compiledFileName()));
                    DataOutputStream out = new DataOutputStream(file)) {
                IOSupport.writeStatement(out, statement);
            }
        }
    }

    /** The module's statement tree, as the YANG grammar reads its text. */
    static IRStatement compile(YangSchema.ModuleFile module, Path text) throws IOException, YangSyntaxErrorException {
        return TextToIRTransformer.transformText(new FileYangTextSource(
                new SourceIdentifier(module.name(), module.revision()), text, StandardCharsets.UTF_8)).statement();
    }
}
