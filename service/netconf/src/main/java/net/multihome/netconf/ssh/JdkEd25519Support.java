package net.multihome.netconf.ssh;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.apache.sshd.common.config.keys.PrivateKeyEntryDecoder;
import org.apache.sshd.common.config.keys.PublicKeyEntryDecoder;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.security.eddsa.generic.EdDSASupport;
import org.apache.sshd.common.util.security.eddsa.generic.EdDSAUtils;
import org.apache.sshd.common.util.security.eddsa.generic.GenericEd25519PublicKeyDecoder;
import org.apache.sshd.common.util.security.eddsa.generic.GenericOpenSSHEd25519PrivateKeyEntryDecoder;
import org.apache.sshd.common.util.security.eddsa.generic.GenericSignatureEd25519;

/**
 * MINA's ssh-ed25519 keys and signatures on the JDK's own Ed25519 (RFC 8032, {@code SunEC}), in
 * place of Bouncy Castle, which MINA 2.20 otherwise needs for them: MINA's generic decoders and
 * signature do the SSH encoding; this class converts between the 32-byte wire values and the
 * JDK's key objects.
 */
final class JdkEd25519Support implements EdDSASupport<EdECPublicKey, EdECPrivateKey> {
    private static final String ALGORITHM = "Ed25519";

    @Override
    public PublicKeyEntryDecoder<EdECPublicKey, EdECPrivateKey> getEDDSAPublicKeyEntryDecoder() {
        return new GenericEd25519PublicKeyDecoder<>(EdECPublicKey.class, EdECPrivateKey.class, this);
    }

    @Override
    public PrivateKeyEntryDecoder<EdECPublicKey, EdECPrivateKey> getOpenSSHEDDSAPrivateKeyEntryDecoder() {
        return new GenericOpenSSHEd25519PrivateKeyEntryDecoder<>(EdECPublicKey.class, EdECPrivateKey.class, this);
    }

    @Override
    public Signature getEDDSASigner() {
        return new GenericSignatureEd25519(ALGORITHM);
    }

    @Override
    public int getEDDSAKeySize(Key key) {
        return isEd25519(key) ? KEY_SIZE : -1;
    }

    @Override
    public Class<EdECPublicKey> getEDDSAPublicKeyType() {
        return EdECPublicKey.class;
    }

    @Override
    public Class<EdECPrivateKey> getEDDSAPrivateKeyType() {
        return EdECPrivateKey.class;
    }

    @Override
    public boolean compareEDDSAPPublicKeys(PublicKey k1, PublicKey k2) {
        return isEd25519(k1) && isEd25519(k2) && Arrays.equals(k1.getEncoded(), k2.getEncoded());
    }

    @Override
    public boolean compareEDDSAPrivateKeys(PrivateKey k1, PrivateKey k2) {
        return isEd25519(k1) && isEd25519(k2) && Arrays.equals(k1.getEncoded(), k2.getEncoded());
    }

    /**
     * The JDK has no call that derives the public key from a private one; its key pair generator
     * does, from the 32 random bytes it draws, which is the private key itself (RFC 8032 5.1.5).
     */
    @Override
    public EdECPublicKey recoverEDDSAPublicKey(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = getPrivateKeyData(ed25519Private(key));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(getPrivateKeyData((EdECPrivateKey) pair.getPrivate()), seed)) {
            throw new InvalidKeyException("the Ed25519 key pair generator did not take the private key as its seed");
        }
        return (EdECPublicKey) pair.getPublic();
    }

    @Override
    public EdECPublicKey generateEDDSAPublicKey(byte[] point) throws GeneralSecurityException {
        return (EdECPublicKey) KeyFactory.getInstance(ALGORITHM).generatePublic(EdDSAUtils.createPublicKeySpec(point));
    }

    @Override
    public EdECPrivateKey generateEDDSAPrivateKey(byte[] seed) throws GeneralSecurityException {
        return (EdECPrivateKey) KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }

    @Override
    public <B extends Buffer> B putRawEDDSAPublicKey(B buffer, PublicKey key) {
        buffer.putBytes(getPublicKeyData(ed25519Public(key)));
        return buffer;
    }

    /** The OpenSSH agent's form: the public point, then the private seed followed by the point. */
    @Override
    public <B extends Buffer> B putEDDSAKeyPair(B buffer, PublicKey publicKey, PrivateKey privateKey) {
        byte[] point = getPublicKeyData(ed25519Public(publicKey));
        byte[] seed = getPrivateKeyData(ed25519Private(privateKey));
        byte[] both = Arrays.copyOf(seed, seed.length + point.length);
        System.arraycopy(point, 0, both, seed.length, point.length);
        buffer.putBytes(point);
        buffer.putBytes(both);
        Arrays.fill(both, (byte) 0);
        Arrays.fill(seed, (byte) 0);
        return buffer;
    }

    @Override
    public KeySpec createPublicKeySpec(EdECPublicKey key) {
        return new X509EncodedKeySpec(key.getEncoded());
    }

    @Override
    public KeySpec createPrivateKeySpec(EdECPrivateKey key) {
        return new PKCS8EncodedKeySpec(key.getEncoded());
    }

    @Override
    public byte[] getPublicKeyData(EdECPublicKey key) {
        try {
            return EdDSAUtils.getBytes(key);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] getPrivateKeyData(EdECPrivateKey key) {
        return key.getBytes().orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key is not extractable"));
    }

    @Override
    public String getKeyFactoryAlgorithm() {
        return ALGORITHM;
    }

    private static boolean isEd25519(Key key) {
        return key instanceof EdECKey ed && ALGORITHM.equalsIgnoreCase(ed.getParams().getName());
    }

    private static EdECPublicKey ed25519Public(PublicKey key) {
        if (isEd25519(key) && key instanceof EdECPublicKey ed) {
            return ed;
        }
        throw new IllegalArgumentException("not an Ed25519 public key: " + (key == null ? null : key.getAlgorithm()));
    }

    private static EdECPrivateKey ed25519Private(PrivateKey key) {
        if (isEd25519(key) && key instanceof EdECPrivateKey ed) {
            return ed;
        }
        throw new IllegalArgumentException("not an Ed25519 private key: " + (key == null ? null : key.getAlgorithm()));
    }

    /** Hands out the given bytes once: the "random" private key the generator draws. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private transient byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (bytes == null || out.length != bytes.length) {
                throw new IllegalStateException("expected one draw of " + KEY_SIZE / 8 + " bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
            bytes = null;
        }
    }
}
