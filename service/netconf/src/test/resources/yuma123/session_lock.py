"""yuma123's netconf/test/netconfd/lock/session.litenc.py: <lock> (RFC 6241 7.5) between two sessions."""
import lxml.etree

import litenc_lxml
import session_common


def ok(conn, xml):
    result = conn.rpc(xml)
    print(lxml.etree.tostring(result), flush=True)
    found = result.xpath("ok")
    assert len(found) in (0, 1)
    return len(found) == 1


LOCK = """
       <lock>
         <target>
           <candidate/>
         </target>
       </lock>
"""
UNLOCK = """
       <unlock>
         <target>
           <candidate/>
         </target>
       </unlock>
"""
COMMIT = """
<commit/>
"""

args = session_common.arguments()
print("#1 - Create 2 sessions.", flush=True)
conn_1 = litenc_lxml.litenc_lxml(session_common.connect(args), strip_namespaces=True)
conn_2 = litenc_lxml.litenc_lxml(session_common.connect(args), strip_namespaces=True)
print("#2 - Lock candidate from session #1.", flush=True)
assert ok(conn_1, LOCK)
print("#3 - Try to lock candidate from session #2. Validate this fails.", flush=True)
assert not ok(conn_2, LOCK)
print("#4 - Try to modify candidate from session #2. Validate this fails.", flush=True)
assert not ok(conn_2, session_common.provider_create("foo"))
print("#5 - Modify candidate from session #1 confirm this is OK.", flush=True)
assert ok(conn_1, session_common.provider_create("foo"))
print("#6 - Unlock from #1", flush=True)
assert ok(conn_1, UNLOCK)
print("#7 - Try to lock candidate from session #2. Validate this fails.", flush=True)
assert not ok(conn_2, LOCK)
print("#8 - Commit", flush=True)
assert ok(conn_1, COMMIT)
print("#9 - Lock candidate from session #2.", flush=True)
assert ok(conn_2, LOCK)
print("#10 - Try to unlock candidate from session #1. Validate this fails.", flush=True)
assert not ok(conn_1, LOCK)  # yuma123's step sends <lock>; the <unlock> its title names fails too
assert not ok(conn_1, UNLOCK)
print("#11 - Unlock candidate from session #2.", flush=True)
assert ok(conn_2, UNLOCK)
print("[OK] lock", flush=True)
