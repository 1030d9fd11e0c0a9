"""Drives ncclient against the test server: login, get, close-session. Prints one line per step."""
import sys

from ncclient import manager

port, user, secret, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
kwargs = dict(host="127.0.0.1", port=port, username=user, hostkey_verify=False,
              look_for_keys=False, allow_agent=False, timeout=10)
if mode == "password":
    kwargs["password"] = secret
else:
    kwargs["key_filename"] = secret

# No "with" block: its exit would send a second close-session to a closed session.
m = manager.connect(**kwargs)
print("SESSION", m.session_id)
print("BASE11", "urn:ietf:params:netconf:base:1.1" in m.server_capabilities)
reply = m.get()
print("GET", reply.ok, "42" in reply.data_xml and "urn:multihome:test" in reply.data_xml)
try:
    m.dispatch("frobnicate")
except Exception as e:
    print("UNKNOWN", type(e).__name__, getattr(e, "tag", ""))
reply = m.close_session()
print("CLOSE", reply.ok)
