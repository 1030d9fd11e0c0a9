package net.multihome.snmp.state;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.snmp4j.cfg.EngineBootsProvider;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import net.multihome.core.util.AtomicFiles;

/**
 * The agent's snmpEngineID and snmpEngineBoots, kept in the state directory: receivers of v3
 * traps are configured with the engine ID, and USM needs boots to grow across restarts.
 * The engine ID follows RFC 3411: enterprise number with the high bit set, format 5 (octets),
 * eight random octets chosen on first start.
 */
public final class EngineIdentity implements EngineBootsProvider {

    private static final String FILE = "snmp-engine.properties";
    private static final int FORMAT_OCTETS = 5;

    private final Path file;
    private final OctetString engineId;
    private int boots;

    private EngineIdentity(Path file, OctetString engineId, int boots) {
        this.file = file;
        this.engineId = engineId;
        this.boots = boots;
    }

    /** Loads the identity, creating and saving a new engine ID on first use. */
    public static EngineIdentity open(Path stateDirectory, OID enterprise) {
        Path file = stateDirectory.resolve(FILE);
        Properties saved = new Properties();
        if (Files.exists(file)) {
            try {
                saved.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        String hex = saved.getProperty("engineId");
        OctetString engineId = hex != null ? new OctetString(HexFormat.of().parseHex(hex)) : newEngineId(enterprise);
        int boots = Integer.parseInt(saved.getProperty("engineBoots", "0").trim());
        EngineIdentity identity = new EngineIdentity(file, engineId, boots);
        if (hex == null) {
            identity.save();
        }
        return identity;
    }

    private static OctetString newEngineId(OID enterprise) {
        int number = enterprise.last();
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        byte[] id = new byte[5 + random.length];
        id[0] = (byte) (0x80 | (number >>> 24));
        id[1] = (byte) (number >>> 16);
        id[2] = (byte) (number >>> 8);
        id[3] = (byte) number;
        id[4] = FORMAT_OCTETS;
        System.arraycopy(random, 0, id, 5, random.length);
        return new OctetString(id);
    }

    public OctetString engineId() {
        return new OctetString(engineId);
    }

    @Override
    public synchronized int updateEngineBoots() {
        // RFC 3414: boots stops at 2^31-1, after which the engine needs a new ID
        if (boots < Integer.MAX_VALUE) {
            boots++;
        }
        save();
        return boots;
    }

    @Override
    public synchronized int getEngineBoots() {
        return boots;
    }

    private void save() {
        Properties out = new Properties();
        out.setProperty("engineId", HexFormat.of().formatHex(engineId.getValue()));
        out.setProperty("engineBoots", Integer.toString(boots));
        StringWriter text = new StringWriter();
        try {
            out.store(text, "SNMP engine identity of the multihome agent");
            AtomicFiles.write(file, text.toString(), AtomicFiles.PRIVATE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
