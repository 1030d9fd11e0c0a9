package net.multihome.netconf.session;

/** What a transport keeps of a session it started: the means to tell it the transport is gone. */
public interface SessionHandle {
    /** The transport closed under the session; ends it as dropped unless it already ended. */
    void transportClosed();
}
