"""yuma123's netconf/test/netconfd/netconf-1dot1/session.litenc.py: a base:1.1 hello with a newline
before its XML declaration and, in the same write, a chunked <get>; the reply comes chunked.
Where theirs sleeps 5 s and reads once, this reads until each message's end marker."""
import re
import socket

import litenc
import lxml.etree

import session_common

TX_DATA = """
<?xml version="1.0" encoding="UTF-8"?>
<hello xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0"
  xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
  <capabilities>
    <capability>urn:ietf:params:netconf:base:1.0</capability>
    <capability>urn:ietf:params:netconf:base:1.1</capability>
  </capabilities>
</hello>]]>]]>
#181
<?xml version="1.0" encoding="UTF-8"?>
<rpc message-id="1"
  xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
  <get xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
  </get>
</rpc>
##
"""


def receive_until(chan, data, marker):
    while marker not in data:
        try:
            chunk = chan.recv(1000000)
        except socket.timeout:
            raise AssertionError("Timeout! received so far: %r" % data)
        assert chunk, "the server closed the channel; received: %r" % data
        data += chunk
    return data


def dechunk(data):
    """The message of RFC 6242 chunked framing in data, which ends with its end-of-chunks marker."""
    message, pos = b"", 0
    while True:
        match = re.compile(rb"\n#(\d+)\n").match(data, pos)
        if match is None:
            assert data[pos:pos + 4] == b"\n##\n", "bad chunk framing at %d: %r" % (pos, data[pos:pos + 20])
            return message
        size = int(match.group(1))
        message += data[match.end():match.end() + size]
        pos = match.end() + size


args = session_common.arguments()
print("#1 - Connect.", flush=True)
conn_raw = litenc.litenc()
assert conn_raw.connect(server=args.server, port=args.port, user=args.user, password=args.password) == 0
print("#2 - Validate NETCONF1.1 framed RPCs are accepted and processed correctly.", flush=True)
rx_data = receive_until(conn_raw.chan, b"", b"]]>]]>")
print(rx_data, flush=True)
assert b"urn:ietf:params:netconf:base:1.1" in rx_data
data = TX_DATA
while data:
    n = conn_raw.chan.send(data)
    assert n > 0
    data = data[n:]
rx_data = receive_until(conn_raw.chan, b"", b"\n##\n")
print(rx_data, flush=True)
reply = lxml.etree.fromstring(dechunk(rx_data))
nc = {"nc": "urn:ietf:params:xml:ns:netconf:base:1.0"}
assert reply.tag == "{urn:ietf:params:xml:ns:netconf:base:1.0}rpc-reply" and reply.get("message-id") == "1"
assert len(reply.xpath("nc:rpc-error", namespaces=nc)) == 0
assert len(reply.xpath("nc:data", namespaces=nc)) == 1
conn_raw.close()
print("[OK] netconf-1dot1", flush=True)
