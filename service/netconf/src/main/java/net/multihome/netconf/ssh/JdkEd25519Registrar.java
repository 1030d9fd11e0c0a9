package net.multihome.netconf.ssh;

import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.impl.SkED25519PublicKeyEntryDecoder;
import org.apache.sshd.common.config.keys.loader.openssh.OpenSSHKeyPairResourceParser;
import org.apache.sshd.common.util.security.AbstractSecurityProviderRegistrar;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.common.util.security.eddsa.generic.EdDSASupport;

/**
 * Hands MINA the JDK's Ed25519 ({@link JdkEd25519Support}), so that the SSH stack runs without
 * Bouncy Castle: 900 classes and 4,800 registered algorithms the daemon loaded at start for one
 * key type (docs/benchmarks.md). The algorithms themselves come from the JDK's providers through
 * the JCA's ordinary lookup; this registrar claims none of them.
 *
 * <p>MINA's key file parsers list the key types they decode when their classes initialise, which
 * may have happened before {@link #install()}; it therefore also hands them its decoders itself.
 */
public final class JdkEd25519Registrar extends AbstractSecurityProviderRegistrar {
    private static final String PROVIDER = "SunEC";
    private final Optional<EdDSASupport<?, ?>> support = Optional.of(new JdkEd25519Support());

    private JdkEd25519Registrar() {
        super("JdkEd25519");
    }

    /** Registers the JDK's Ed25519 with MINA; only the first call does anything. */
    public static void install() {
        Once.run();
    }

    @Override
    public String getProviderName() {
        return PROVIDER;
    }

    @Override
    public Provider getSecurityProvider() {
        return Security.getProvider(PROVIDER);
    }

    @Override
    public boolean isSupported() {
        return getSecurityProvider() != null;
    }

    @Override
    public boolean isSecurityEntitySupported(Class<?> entityType, String name) {
        return false;
    }

    @Override
    public Optional<EdDSASupport<?, ?>> getEdDSASupport() {
        return support;
    }

    /** The class initialisation runs once, whichever thread asks first. */
    private static final class Once {
        static {
            JdkEd25519Registrar registrar = new JdkEd25519Registrar();
            SecurityUtils.registerSecurityProvider(registrar);
            EdDSASupport<?, ?> ed25519 = registrar.support.orElseThrow();
            KeyUtils.registerPublicKeyEntryDecoder(ed25519.getEDDSAPublicKeyEntryDecoder());
            KeyUtils.registerPublicKeyEntryDecoder(SkED25519PublicKeyEntryDecoder.INSTANCE);
            OpenSSHKeyPairResourceParser.registerPrivateKeyEntryDecoder(ed25519.getOpenSSHEDDSAPrivateKeyEntryDecoder());
        }

        static void run() {
            // Calling it initialises the class.
        }
    }
}
