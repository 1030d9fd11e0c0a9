"""The NOC's NETCONF client for the pair's config sync tests, with real ncclient, run inside a
router's namespace against its server at 127.0.0.1:830 as admin.

usage: pair_sync_client.py edit XML              merge XML (a <multihome> element) into the
                                                 candidate and commit; prints
                                                 how long the commit took
       pair_sync_client.py edit-when GO XML      as edit, but prints "edited" after the edit and
                                                 commits only once the file GO exists (at most 60 s)
       pair_sync_client.py confirmed-edit SECONDS XML
                                                 as edit, but a confirmed commit with persist (so
                                                 it outlives the session) and confirm-timeout SECONDS
       pair_sync_client.py set-startup XML       copy <config>XML</config> to startup
       pair_sync_client.py get-config            print running
       pair_sync_client.py sync-state            print config-sync's state, epoch, peer-epoch, last-error
       pair_sync_client.py push BASE XML         as the peer would: replace the candidate with
                                                 <config>XML</config>, commit with sync-base-epoch BASE
       pair_sync_client.py sync-to-peer          run the sync-to-peer RPC
       pair_sync_client.py hold-lock SECONDS     lock the candidate, print "locked", and hold the
                                                 lock until stdin closes or SECONDS pass

Prints "ok" (or the data), or "rpc-error: " with the message and app-tag; exits 0, or 3 on an
rpc-error.
"""
import os
import select
import sys
import time

from ncclient import manager
from ncclient.operations import RPCError
from ncclient.xml_ import to_ele

MH = "urn:multihome:yang:multihome"
NS = {"mh": MH}


def config(xml):
    return '<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">%s</config>' % xml


def sync_state(m):
    filt = ("subtree", '<multihome xmlns="%s"><redundancy><config-sync/></redundancy></multihome>' % MH)
    data = m.get(filter=filt).data_ele
    sync = data.find(".//mh:config-sync", namespaces=NS)
    fields = ["state", "epoch", "peer-epoch", "last-error"]
    return " | ".join("%s=%s" % (f, sync.findtext("mh:" + f, default="", namespaces=NS)) for f in fields)


def main():
    action = sys.argv[1]
    with manager.connect(host="127.0.0.1", port=830, username="admin", password="admin",
                         hostkey_verify=False, look_for_keys=False, allow_agent=False, timeout=30) as m:
        try:
            if action == "get-config":
                print(m.get_config(source="running").data_xml)
            elif action == "sync-state":
                print(sync_state(m))
            elif action == "edit":
                m.edit_config(target="candidate", config=config(sys.argv[2]))
                started = time.monotonic()
                m.commit()
                print("ok took-ms=%d" % ((time.monotonic() - started) * 1000))
            elif action == "edit-when":
                m.edit_config(target="candidate", config=config(sys.argv[3]))
                print("edited", flush=True)
                deadline = time.monotonic() + 60
                while not os.path.exists(sys.argv[2]) and time.monotonic() < deadline:
                    time.sleep(0.002)
                started = time.monotonic()
                m.commit()
                print("ok took-ms=%d" % ((time.monotonic() - started) * 1000))
            elif action == "confirmed-edit":
                m.edit_config(target="candidate", config=config(sys.argv[3]))
                started = time.monotonic()
                m.commit(confirmed=True, timeout=sys.argv[2], persist="pair-sync-test")
                print("ok took-ms=%d" % ((time.monotonic() - started) * 1000))
            elif action == "set-startup":
                source = '<source xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">%s</source>' % config(sys.argv[2])
                m.copy_config(source=to_ele(source), target="startup")
                print("ok")
            elif action == "push":
                m.edit_config(target="candidate", config=config(sys.argv[3]), default_operation="replace")
                m.dispatch(to_ele('<commit xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">'
                                  '<sync-base-epoch xmlns="%s">%s</sync-base-epoch></commit>' % (MH, sys.argv[2])))
                print("ok")
            elif action == "hold-lock":
                m.lock(target="candidate")
                print("locked", flush=True)
                select.select([sys.stdin], [], [], float(sys.argv[2]))
                m.unlock(target="candidate")
                print("unlocked")
            elif action == "sync-to-peer":
                reply = m.dispatch(to_ele('<sync-to-peer xmlns="%s"/>' % MH))
                print("ok epoch=" + to_ele(reply.xml).findtext(".//mh:epoch", namespaces=NS))
            else:
                print("unknown action " + action)
                return 2
        except RPCError as e:
            try:
                m.discard_changes()
            except RPCError:
                pass
            each = getattr(e, "errors", None) or [e]
            tags = ",".join(str(getattr(x, "_app_tag", None)) for x in each)
            print("rpc-error: %s [app-tag %s]" % (e.message, tags))
            return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
