package net.multihome.netconf.service;

/**
 * The server's counters for monitoring, as RFC 6022 keeps them; they start again from zero
 * when a new listen configuration restarts the server.
 *
 * @param sessions sessions open now
 * @param sessionsTotal sessions that completed their hello
 * @param rpcs rpc messages received
 * @param badRpcs rpc messages that could not be parsed
 * @param rpcErrors rpc-reply messages with an rpc-error sent
 * @param failedLogins SSH logins refused: wrong passwords and unknown public keys
 */
public record NetconfCounters(int sessions, long sessionsTotal, long rpcs, long badRpcs, long rpcErrors,
                              long failedLogins) {

    /** The server does not run. */
    public static final NetconfCounters NONE = new NetconfCounters(0, 0, 0, 0, 0, 0);
}
