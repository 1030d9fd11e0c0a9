"""One NOC session of the pair soak (PairSoakIT), with real ncclient, run inside a router's
namespace against its server at 127.0.0.1:830 as admin. It runs until STOP_FILE appears or
SECONDS pass, at most MAX_ROUNDS rounds.

usage: pair_soak_client.py commit STOP_FILE SECONDS MAX_ROUNDS PAUSE_FILE PARKED_FILE PROVIDER LEAF NAME
           Each round commits PROVIDER's LEAF (weight or description) to a new value (the round
           number, as a weight from 2 up, or as the description NAME-rROUND) as a careful script
           does: lock the candidate (shared by all sessions), edit, commit, unlock; a refused
           attempt (lock or commit) is retried at most RETRIES times. While PAUSE_FILE exists (give "-" for none) it commits
           nothing and shows it by creating PARKED_FILE. Prints one line per attempt:
           "commit value=V start=T end=T result=ok|refused|hung message=M"
           (T: CLOCK_MONOTONIC seconds, as Java's System.nanoTime).
       pair_soak_client.py read STOP_FILE SECONDS MAX_ROUNDS
           Each round: a <get> of config-sync's state and a <get-config> of running.

Both end with "summary requests=N errors=N hung=WHAT" and up to five "error: ..." lines. A
request has TIMEOUT seconds to be answered; one that is not ends the session (on a wedged
daemon the next would hang too).
"""
import os
import random
import sys
import time

from ncclient import manager
from ncclient.operations import RPCError, TimeoutExpiredError

MH = "urn:multihome:yang:multihome"
# A commit pushes to the peer: connect, login and each RPC there wait at most 5 s.
TIMEOUT = 40
RETRIES = 5
PAUSE_POLL = 0.05
# Random pauses, as between people and scripts: sessions that retry in step keep colliding.
RETRY_GAP = (0.2, 1.0)
ROUND_GAP = (0.3, 1.5)
SYNC_STATE = ("subtree", '<multihome xmlns="%s"><redundancy><config-sync/></redundancy></multihome>' % MH)


def leaf_config(provider, leaf, value):
    return ('<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><multihome xmlns="%s"><provider>'
            '<name>%s</name><%s>%s</%s></provider></multihome></config>' % (MH, provider, leaf, value, leaf))


def one_line(text):
    return " ".join(str(text).split())


class Session:
    def __init__(self, stop_file, seconds):
        self.stop_file = stop_file
        self.deadline = time.monotonic() + seconds
        self.requests = 0
        self.errors = []
        self.hung = None

    def running(self):
        return self.hung is None and time.monotonic() < self.deadline and not os.path.exists(self.stop_file)

    def request(self, name, call):
        """One request; returns (ok, message); sets hung when it got no answer."""
        self.requests += 1
        try:
            call()
            return True, ""
        except TimeoutExpiredError:
            self.hung = "%s(no-answer-in-%ds)" % (name, TIMEOUT)
            return False, self.hung
        except RPCError as e:
            return False, one_line(e.message)

    def wait_unpaused(self, pause_file, parked_file):
        if pause_file == "-" or not os.path.exists(pause_file):
            return
        with open(parked_file, "w"):
            pass
        while os.path.exists(pause_file) and self.running():
            time.sleep(PAUSE_POLL)
        os.remove(parked_file)

    def commit(self, m, max_rounds, pause_file, parked_file, provider, leaf, name):
        for round_number in range(1, max_rounds + 1):
            value = str(1 + round_number) if leaf == "weight" else "%s-r%d" % (name, round_number)
            for _ in range(RETRIES):
                self.wait_unpaused(pause_file, parked_file)
                if not self.running():
                    return
                start = time.monotonic()
                ok, message = self.request("lock", lambda: m.lock(target="candidate"))
                locked = ok
                if ok:
                    ok, message = self.request("edit-config", lambda: m.edit_config(
                        target="candidate", config=leaf_config(provider, leaf, value)))
                if ok:
                    ok, message = self.request("commit", m.commit)
                end = time.monotonic()
                result = "ok" if ok else "hung" if self.hung else "refused"
                print("commit value=%s start=%.6f end=%.6f result=%s message=%s" % (value, start, end, result,
                                                                                  message), flush=True)
                if locked and not self.hung:
                    if not ok:
                        self.request("discard-changes", m.discard_changes)
                    self.request("unlock", lambda: m.unlock(target="candidate"))
                if ok or self.hung:
                    break
                time.sleep(random.uniform(*RETRY_GAP))
            if self.hung:
                return
            time.sleep(random.uniform(*ROUND_GAP))

    def read(self, m, max_rounds):
        for _ in range(max_rounds):
            if not self.running():
                return
            for name, call in (("get", lambda: m.get(filter=SYNC_STATE)),
                               ("get-config", lambda: m.get_config(source="running"))):
                ok, message = self.request(name, call)
                if self.hung:
                    return
                if not ok:
                    self.errors.append("%s: %s" % (name, message))

    def summary(self):
        lines = ["summary requests=%d errors=%d hung=%s" % (self.requests, len(self.errors), self.hung or "none")]
        return lines + ["error: " + one_line(e) for e in self.errors[:5]]


def main():
    action, stop_file, seconds, max_rounds = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    session = Session(stop_file, seconds)
    try:
        with manager.connect(host="127.0.0.1", port=830, username="admin", password="admin",
                             hostkey_verify=False, look_for_keys=False, allow_agent=False, timeout=TIMEOUT) as m:
            m.timeout = TIMEOUT
            if action == "commit":
                session.commit(m, max_rounds, *sys.argv[5:10])
            elif action == "read":
                session.read(m, max_rounds)
            else:
                print("unknown action " + action)
                return 2
    except Exception as e:  # the session failed: refused, or closed by the server (a hang is reported already)
        if session.hung is None:
            session.errors.append("session: %r" % e)
    print("\n".join(session.summary()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
