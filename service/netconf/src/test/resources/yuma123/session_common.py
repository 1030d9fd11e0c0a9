"""What the adapted yuma123 session scripts share: their command line, and litenc's connect
followed by the base:1.0 hello they send (with its leading newline) and the server's hello."""
import argparse
import os

import litenc

MH = "urn:multihome:yang:multihome"

HELLO = """
<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
 <capabilities>
  <capability>urn:ietf:params:netconf:base:1.0</capability>
 </capabilities>
</hello>
"""


def arguments(*flags):
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=830)
    parser.add_argument("--user", default=os.getenv("USER"))
    parser.add_argument("--password")
    for flag in flags:
        parser.add_argument(flag, action="store_true")
    return parser.parse_args()


def connect(args):
    conn_raw = litenc.litenc()
    ret = conn_raw.connect(server=args.server, port=args.port, user=args.user, password=args.password)
    assert ret == 0, "[FAILED] Connecting to server=%s" % args.server
    print("[OK] Connecting to server=%s" % args.server, flush=True)
    assert conn_raw.send(HELLO) == 0, "[FAILED] Sending <hello>"
    (ret, reply_xml) = conn_raw.receive()
    assert ret == 0, "[FAILED] Receiving <hello>"
    print("[OK] Receiving <hello> =%s" % reply_xml, flush=True)
    return conn_raw


def provider_create(*names):
    """yuma123's interface create edit, as providers: one nc:operation="create" entry per name."""
    entries = "".join("""
        <provider xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" nc:operation="create">
          <name>%s</name>
          <interface>if3</interface>
          <ipv4>
            <address>203.0.113.130</address>
            <prefix-length>26</prefix-length>
            <gateway>203.0.113.129</gateway>
          </ipv4>
          <table>103</table>
        </provider>""" % name for name in names)
    return """
<edit-config>
    <target>
      <candidate/>
    </target>
    <default-operation>merge</default-operation>
    <test-option>set</test-option>
    <config>
      <multihome xmlns="%s">%s
      </multihome>
    </config>
  </edit-config>
""" % (MH, entries)
