"""yuma123's netconf/test/netconfd/get/session.litenc.py: <get>, then <get> with a subtree filter
on the server's own state (theirs: yuma123-system; ours: a provider's oper-status)."""
import lxml.etree

import litenc_lxml
import session_common

args = session_common.arguments()
conn = litenc_lxml.litenc_lxml(session_common.connect(args))

get_rpc = """
  <get xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"></get>
"""
result = conn.rpc(get_rpc)
print(lxml.etree.tostring(result), flush=True)
assert len(result.xpath("nc:rpc-error", namespaces={"nc": "urn:ietf:params:xml:ns:netconf:base:1.0"})) == 0
print("[OK] Getting", flush=True)

get_rpc_w_filter = """
  <get xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
    <filter type="subtree">
      <mh:multihome xmlns:mh="%s">
        <mh:provider>
          <mh:name>isp1</mh:name>
          <mh:oper-status/>
        </mh:provider>
      </mh:multihome>
    </filter>
  </get>
""" % session_common.MH
result = litenc_lxml.strip_namespaces(conn.rpc(get_rpc_w_filter))
print(lxml.etree.tostring(result), flush=True)
assert len(result.xpath("rpc-error")) == 0
assert result.xpath("data/multihome/provider/oper-status/text()") == ["up"]
assert result.xpath("data/multihome/provider/*") == result.xpath("data/multihome/provider/name|data/multihome/provider/oper-status")
print("[OK] Getting with subtree filter", flush=True)
