"""yuma123's netconf/test/netconfd/edit-config/session.duplicated-list-entry.litenc.py: an edit that
creates the same list entry twice is refused (ours: data-exists naming the duplicate), and the
container's delete and commit that follow succeed."""
import lxml.etree

import litenc_lxml
import session_common

COMMIT = """
<commit/>
"""

args = session_common.arguments()
conn = litenc_lxml.litenc_lxml(session_common.connect(args), strip_namespaces=True)
print("commit ...", flush=True)
conn.rpc(COMMIT)

print("edit-config - create single 'foo' ...", flush=True)
result = conn.rpc(session_common.provider_create("foo"))
print(lxml.etree.tostring(result), flush=True)
assert len(result.xpath("ok")) == 1
print("commit ...", flush=True)
result = conn.rpc(COMMIT)
print(lxml.etree.tostring(result), flush=True)
assert len(result.xpath("ok")) == 1

print("edit-config - attempt to create duplicated 'bar's ...", flush=True)
result = conn.rpc(session_common.provider_create("bar", "bar"))
print(lxml.etree.tostring(result), flush=True)
assert len(result.xpath("//ok")) != 1
assert result.xpath("rpc-error/error-tag/text()") == ["data-exists"]
assert "bar" in "".join(result.xpath("rpc-error/error-path/text()"))

print("edit-config - delete /multihome ...", flush=True)
result = conn.rpc("""
<edit-config>
    <target>
      <candidate/>
    </target>
    <default-operation>merge</default-operation>
    <test-option>set</test-option>
    <config>
      <multihome xmlns="%s" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" nc:operation="delete">
      </multihome>
    </config>
  </edit-config>
""" % session_common.MH)
print(lxml.etree.tostring(result), flush=True)
assert len(result.xpath("//ok")) == 1
print("commit ...", flush=True)
result = conn.rpc(COMMIT)
print(lxml.etree.tostring(result), flush=True)
assert len(result.xpath("//ok")) == 1
print("[OK] duplicated-list-entry", flush=True)
