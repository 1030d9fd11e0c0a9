package net.multihome.netconf.notify;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import net.multihome.netconf.rpc.NetconfSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who changed running and what, one log line per change on the logger {@code multihome.audit}
 * (route it to its own file or the journal with its own identifier), e.g.
 * {@code running changed by admin (session 7 from 192.0.2.10): 2 edit(s): replace
 * /mh:multihome/mh:provider[mh:name='isp1']/mh:weight, create /mh:multihome/mh:port-forward[...]}.
 */
final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger("multihome.audit");
    /** Edits named in the line; the count says how many more there were. */
    private static final int NAMED = 5;

    private AuditTrail() {
    }

    static void record(Optional<NetconfSession> by, List<ConfigDiff.Change> changes) {
        LOG.info(line(by, changes));
    }

    static String line(Optional<NetconfSession> by, List<ConfigDiff.Change> changes) {
        String who = by.map(s -> s.user() + " (session " + s.id()
                + (s.sourceAddress() == null ? "" : " from " + s.sourceAddress().getAddress().getHostAddress()) + ")")
                .orElse("the server (a rollback, a reload or a confirmed commit's timeout)");
        StringJoiner edits = new StringJoiner(", ");
        changes.stream().limit(NAMED).forEach(c -> edits.add(c.operation() + " " + c.path()));
        String more = changes.size() > NAMED ? " and " + (changes.size() - NAMED) + " more" : "";
        return "running changed by " + who + ": " + changes.size() + " edit(s)"
                + (changes.isEmpty() ? "" : ": " + edits + more);
    }
}
