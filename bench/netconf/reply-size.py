#!/usr/bin/python3
"""Prints the size in bytes and the element count of one get-config reply (source running), as
ncclient hands it over: the client's work per get-config grows with both, so the benchmark
gives both servers replies of about the same size.

    reply-size.py PORT USER PASSWORD
"""
import re
import sys

from ncclient import manager

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with manager.connect(host="127.0.0.1", port=port, username=user, password=password,
                     hostkey_verify=False, look_for_keys=False, allow_agent=False) as m:
    xml = m.get_config(source="running").xml
print("%d bytes, %d elements" % (len(xml.encode()), len(re.findall(r"<[A-Za-z]", xml))))
