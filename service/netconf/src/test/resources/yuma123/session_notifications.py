"""yuma123's netconf/test/netconfd/netconf-notifications/session.litenc.py: session #1 subscribes;
session #2 opens and closes; #1 receives netconf-session-start and netconf-session-end (RFC 6470),
or, with --with-filter-subtree, only netconf-session-end."""
import lxml.etree

import litenc_lxml
import session_common

NCN = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications"
args = session_common.arguments("--with-filter-subtree")

conn = session_common.connect(args)
conn_lxml = litenc_lxml.litenc_lxml(conn, strip_namespaces=True)
filter = ""
if args.with_filter_subtree:
    filter = """
<filter xmlns="urn:ietf:params:xml:ns:netconf:notification:1.0" xmlns:netconf="urn:ietf:params:xml:ns:netconf:base:1.0" netconf:type="subtree">
 <netconf-session-end xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-notifications"/>
</filter>"""
assert conn.send("""
<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="1">
 <create-subscription xmlns="urn:ietf:params:xml:ns:netconf:notification:1.0">
 %(filter)s
</create-subscription>
</rpc>
""" % {"filter": filter}) == 0, "[FAILED] Sending <create-subscription>"
(ret, reply_xml) = conn.receive()
assert ret == 0, "[FAILED] Receiving <create-subscription> reply"
print("[OK] Receiving <create-subscription> reply =%s" % reply_xml, flush=True)
assert len(litenc_lxml.strip_namespaces(lxml.etree.fromstring(reply_xml.encode())).xpath("/rpc-reply/ok")) == 1

conn2 = session_common.connect(args)
result = litenc_lxml.litenc_lxml(conn2, strip_namespaces=True).rpc("""
<close-session/>
""")
assert len(result.xpath("ok")) == 1

if not args.with_filter_subtree:
    notification_xml = conn_lxml.receive()
    assert notification_xml is not None, "[FAILED] Receiving <netconf-session-start> notification"
    print(lxml.etree.tostring(notification_xml), flush=True)
    start = notification_xml.xpath("/notification/netconf-session-start")
    assert len(start) == 1
    assert start[0].xpath("username/text()") == [args.user]

notification_xml = conn_lxml.receive()
assert notification_xml is not None, "[FAILED] Receiving <netconf-session-end> notification"
print(lxml.etree.tostring(notification_xml), flush=True)
end = notification_xml.xpath("/notification/netconf-session-end")
assert len(end) == 1
assert end[0].xpath("username/text()") == [args.user]
assert end[0].xpath("termination-reason/text()") == ["closed"]
print("[OK] Receiving <netconf-session-end>", flush=True)
