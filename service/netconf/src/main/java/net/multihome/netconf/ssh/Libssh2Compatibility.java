package net.multihome.netconf.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * libssh2 before 1.11 (Debian 12's, under yuma123's yangcli) has neither an AEAD cipher nor an
 * encrypt-then-MAC MAC, so it shares no MAC with {@link SshAlgorithms}. Such a client, and only it,
 * is also offered HMAC-SHA2 in encrypt-and-MAC mode, as OpenSSH adapts to peers by their version.
 * A man in the middle cannot fake the version to force this on others: both versions are hashed
 * into the key exchange.
 */
final class Libssh2Compatibility implements SessionListener {
    /** Registered with MINA so they can be negotiated; proposed only to legacy libssh2. */
    static final List<BuiltinMacs> LEGACY_MACS = List.of(BuiltinMacs.hmacsha256, BuiltinMacs.hmacsha512);
    private static final String LIBSSH2 = "SSH-2.0-libssh2_1.";

    @Override
    public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> proposal) {
        List<BuiltinMacs> macs = new ArrayList<>(SshAlgorithms.MACS);
        if (isLegacyLibssh2(session.getClientVersion())) {
            macs.addAll(LEGACY_MACS);
        }
        String names = macs.stream().map(BuiltinMacs::getName).collect(Collectors.joining(","));
        proposal.put(KexProposalOption.C2SMAC, names);
        proposal.put(KexProposalOption.S2CMAC, names);
    }

    /** libssh2 1.0 to 1.10; 1.11 brought encrypt-then-MAC and AES-GCM. */
    static boolean isLegacyLibssh2(String clientVersion) {
        if (clientVersion == null || !clientVersion.startsWith(LIBSSH2)) {
            return false;
        }
        String minor = clientVersion.substring(LIBSSH2.length()).split("[^0-9]", 2)[0];
        return !minor.isEmpty() && minor.length() <= 2 && Integer.parseInt(minor) < 11;
    }
}
