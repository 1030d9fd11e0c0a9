"""One long-lived NETCONF session of the concurrency soak, with real ncclient.

usage: netconf_soak_client.py PORT SECONDS MAX_ROUNDS CLIENT

Each round, on one session: a <get> of the providers' state and a <get-config> of running;
once a second also an edit of the candidate (isp2's weight, 1 and 2 in turn, so each commit
changes the kernel) and a <commit>, as an operator's script would. Each request is timed and
has TIMEOUT seconds to be answered; a request without an answer ends the loop, since on a
wedged daemon the next would only hang too. Prints one line
"summary requests=N timeouts=N errors=N p99_ms=F max_ms=F hung=WHAT" and up to five
"error: ..." lines.
"""
import sys
import time

import ncclient.transport.session
import ncclient.transport.ssh
from ncclient import manager
from ncclient.operations import RPCError, TimeoutExpiredError

TIMEOUT = 5
COMMIT_EVERY = 1.0
NS = "urn:multihome:yang:multihome"
PROVIDERS = '<multihome xmlns="%s"><provider/></multihome>' % NS
WEIGHT_EDIT = ('<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><multihome xmlns="%s">'
               '<provider><name>isp2</name><weight>%d</weight></provider></multihome></config>')

# ncclient's session thread looks for requests to send every TICK (100 ms), which caps a
# session at about 10 requests a second; at 5 ms the load comes from the requests themselves.
ncclient.transport.session.TICK = 0.005
ncclient.transport.ssh.TICK = 0.005


class Soak:
    def __init__(self):
        self.durations = []
        self.errors = []
        self.hung = None

    def request(self, name, call):
        """Times one request; returns False when it got no answer."""
        started = time.monotonic()
        try:
            call()
        except TimeoutExpiredError:
            self.hung = "%s(request-%d,no-answer-in-%ds)" % (name, len(self.durations) + 1, TIMEOUT)
        except RPCError as e:
            self.errors.append("%s: %s" % (name, e.message))
        finally:
            self.durations.append(time.monotonic() - started)
        return self.hung is None

    def run(self, m, seconds, max_rounds, client):
        deadline = time.monotonic() + seconds
        next_commit = time.monotonic()
        for round_number in range(max_rounds):
            if time.monotonic() >= deadline:
                return
            if not (self.request("get", lambda: m.get(filter=("subtree", PROVIDERS)))
                    and self.request("get-config", lambda: m.get_config(source="running"))):
                return
            if time.monotonic() >= next_commit:
                next_commit += COMMIT_EVERY
                weight = 1 + (round_number + client) % 2
                if not (self.request("edit-config", lambda: m.edit_config(
                        target="candidate", config=WEIGHT_EDIT % (NS, weight)))
                        and self.request("commit", m.commit)):
                    return

    def summary(self):
        ordered = sorted(self.durations)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else 0.0
        lines = ["summary requests=%d timeouts=%d errors=%d p99_ms=%.1f max_ms=%.1f hung=%s" % (
            len(ordered), 0 if self.hung is None else 1, len(self.errors), 1000 * p99,
            1000 * (ordered[-1] if ordered else 0.0), self.hung or "none")]
        return lines + ["error: " + " ".join(e.split()) for e in self.errors[:5]]


def main():
    port, seconds, max_rounds, client = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    soak = Soak()
    try:
        with manager.connect(host="127.0.0.1", port=port, username="admin", password="admin",
                             hostkey_verify=False, look_for_keys=False, allow_agent=False,
                             timeout=TIMEOUT) as m:
            soak.run(m, seconds, max_rounds, client)
    except Exception as e:  # the session failed: refused, or closed by the server (a hang is reported already)
        if soak.hung is None:
            soak.errors.append("session: %r" % e)
    print("\n".join(soak.summary()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
