package net.multihome.netconf.ssh;

import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

/**
 * The only algorithms the server offers: those ssh-audit passes without failure or warning.
 * No NIST-curve or finite-field key exchange, no SHA-1, no encrypt-and-MAC MACs.
 * MINA adds its own ext-info and strict-kex markers to the key exchange list; strict kex is
 * the fix for Terrapin (CVE-2023-48795) and stays, though Debian 12's ssh-audit 2.5.0 predates
 * it and calls it an unknown algorithm. sntrup761x25519 is left out: that ssh-audit warns on it
 * as experimental. Old libssh2 clients get more MACs: see {@link Libssh2Compatibility}.
 */
final class SshAlgorithms {
    static final List<BuiltinDHFactories> KEY_EXCHANGE = List.of(
            BuiltinDHFactories.curve25519,
            BuiltinDHFactories.curve25519_libssh);
    static final List<BuiltinCiphers> CIPHERS = List.of(
            BuiltinCiphers.cc20p1305_openssh,
            BuiltinCiphers.aes256gcm,
            BuiltinCiphers.aes128gcm,
            BuiltinCiphers.aes256ctr,
            BuiltinCiphers.aes192ctr,
            BuiltinCiphers.aes128ctr);
    static final List<BuiltinMacs> MACS = List.of(
            BuiltinMacs.hmacsha256etm,
            BuiltinMacs.hmacsha512etm);

    private SshAlgorithms() {
    }

    static void apply(SshServer ssh) {
        ssh.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
                KEY_EXCHANGE.stream().filter(BuiltinDHFactories::isSupported).toList(), ServerBuilder.DH2KEX));
        ssh.setCipherFactories(CIPHERS.stream().filter(BuiltinCiphers::isSupported)
                .<NamedFactory<Cipher>>map(c -> c).toList());
        ssh.setMacFactories(Stream.concat(MACS.stream(), Libssh2Compatibility.LEGACY_MACS.stream())
                .filter(BuiltinMacs::isSupported).<NamedFactory<Mac>>map(m -> m).toList());
        // The server's KEXINIT waits for the client's version, so the proposal can depend on it.
        CoreModuleProperties.SEND_IMMEDIATE_KEXINIT.set(ssh, false);
        ssh.addSessionListener(new Libssh2Compatibility());
    }
}
