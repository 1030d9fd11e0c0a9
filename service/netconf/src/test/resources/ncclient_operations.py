"""Drives ncclient through the datastore operations of the service.

Prints one line per step. "WAIT <what>" asks the Java test to act (advance the server clock,
publish an event) and to answer with a line on stdin before the script goes on.
"""
import sys

from ncclient import manager
from ncclient.operations import RPCError

port, seed_path = int(sys.argv[1]), sys.argv[2]
MH = "urn:multihome:yang:multihome"
NC = "urn:ietf:params:xml:ns:netconf:base:1.0"


def connect():
    return manager.connect(host="127.0.0.1", port=port, username="admin", password="admin",
                           hostkey_verify=False, look_for_keys=False, allow_agent=False, timeout=10)


def wait(what):
    print("WAIT", what, flush=True)
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("the test did not answer " + what)


def weight_edit(provider, weight):
    return ('<config xmlns="%s"><multihome xmlns="%s"><provider><name>%s</name><weight>%d</weight>'
            '</provider></multihome></config>' % (NC, MH, provider, weight))


def running_has(m, text, source="running"):
    return text in m.get_config(source=source).data_xml


with open(seed_path) as f:
    seed = f.read()

m = connect()
caps = list(m.server_capabilities)
print("CAPS", all(any(c.startswith(p) for c in caps) for p in (
    "urn:ietf:params:netconf:capability:candidate:1.0",
    "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
    "urn:ietf:params:netconf:capability:validate:1.1",
    "urn:ietf:params:netconf:capability:with-defaults:1.0",
    "urn:ietf:params:netconf:capability:notification:1.0",
    "urn:ietf:params:netconf:capability:rollback-on-error:1.0")), flush=True)

print("GET", "netconf-state" in m.get().data_xml, flush=True)

print("EDIT", m.edit_config(target="candidate", config=seed).ok, flush=True)
print("VALIDATE", m.validate(source="candidate").ok, flush=True)
print("COMMIT", m.commit().ok, flush=True)

flt = ("subtree", '<multihome xmlns="%s"><provider><name>isp2</name><table/></provider></multihome>' % MH)
data = m.get_config(source="running", filter=flt).data_xml
print("FILTER", "isp2" in data and "isp1" not in data and "102" in data, flush=True)

m.edit_config(target="candidate", config=weight_edit("isp1", 3))
m.discard_changes()
print("DISCARD", running_has(m, "<weight>5</weight>", source="candidate"), flush=True)

print("COPY", m.copy_config(source="running", target="startup").ok and running_has(m, "isp1", "startup"),
      flush=True)
print("DELETE", m.delete_config(target="startup").ok and not running_has(m, "isp1", "startup"), flush=True)

m.lock("running")
m2 = connect()
try:
    m2.lock("running")
    print("LOCK2 granted", flush=True)
except RPCError as e:
    print("LOCK2", e.tag, "holder=%s" % m.session_id in str(e.info) or ">%s<" % m.session_id in str(e.info),
          flush=True)
m.unlock("running")
print("LOCK2-AFTER-UNLOCK", m2.lock("running").ok and m2.unlock("running").ok, flush=True)
m2.close_session()

try:
    m.edit_config(target="running", config=(
        '<config xmlns="%s"><multihome xmlns="%s"><provider><name>isp1</name><table>253</table>'
        '</provider></multihome></config>' % (NC, MH)), error_option="rollback-on-error")
    print("BADTABLE accepted", flush=True)
except RPCError as e:
    print("BADTABLE", e.tag, e.path.strip() if e.path else None, flush=True)

m.edit_config(target="candidate", config=weight_edit("isp1", 9))
print("CONFIRMED", m.commit(confirmed=True, timeout="60").ok and running_has(m, "<weight>9</weight>"), flush=True)
wait("confirm-timeout")
print("ROLLBACK", running_has(m, "<weight>5</weight>"), flush=True)

print("SCHEMA", "module multihome" in m.get_schema("multihome").data, flush=True)

print("DEFAULTS", "<buckets>128</buckets>" in m.get_config(source="running", with_defaults="report-all").data_xml,
      flush=True)

m.create_subscription()
wait("provider-event")
n = m.take_notification(timeout=10)
print("NOTIFY", n is not None and "provider-state-change" in n.notification_xml
      and "<new-status>down</new-status>" in n.notification_xml, flush=True)

print("CLOSE", m.close_session().ok, flush=True)
