package net.multihome.netconf.notify;

import net.multihome.netconf.rpc.NetconfSession;
import org.w3c.dom.Element;

/** Whether a session may receive a notification (access control); asked as it is about to be sent. */
@FunctionalInterface
public interface NotificationAccess {
    /** @param content the notification's event element */
    boolean mayReceive(Element content, NetconfSession session);
}
