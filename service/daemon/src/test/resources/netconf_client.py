"""A NETCONF client for the daemon's end-to-end tests, with real ncclient.

usage: netconf_client.py PORT commit CONFIG_FILE   edit the candidate with the file's <config>, commit
       netconf_client.py PORT get-config           print running
       netconf_client.py PORT wait-status PROVIDER STATUS SECONDS
                                                   poll PROVIDER's oper-status until it is STATUS

Prints "ok" or the rpc-error's message; exits 0, or 3 on an rpc-error. wait-status prints the
provider's last status and reason, and exits 0 once it is STATUS, or 4 when SECONDS (counted
from the script's start) passed first.
"""
import sys
import time

from ncclient import manager
from ncclient.operations import RPCError


NS = {"mh": "urn:multihome:yang:multihome"}


def wait_status(m, provider, status, deadline):
    providers = ("subtree", '<multihome xmlns="%s"><provider/></multihome>' % NS["mh"])
    while True:
        data = m.get(filter=providers).data_ele
        found = data.xpath("//mh:provider[mh:name=$name]", namespaces=NS, name=provider)
        seen = found[0].findtext("mh:oper-status", namespaces=NS) if found else "absent"
        reason = found[0].findtext("mh:reason", namespaces=NS) if found else ""
        if seen == status or time.monotonic() >= deadline:
            print("%s %s (%s)" % (provider, seen, reason))
            return 0 if seen == status else 4
        time.sleep(0.1)


def main():
    started = time.monotonic()
    port, action = int(sys.argv[1]), sys.argv[2]
    with manager.connect(host="127.0.0.1", port=port, username="admin", password="admin",
                         hostkey_verify=False, look_for_keys=False, allow_agent=False, timeout=30) as m:
        if action == "get-config":
            print(m.get_config(source="running").data_xml)
            return 0
        if action == "wait-status":
            return wait_status(m, sys.argv[3], sys.argv[4], started + float(sys.argv[5]))
        with open(sys.argv[3]) as f:
            config = f.read()
        config = config[config.index("<config"):]
        try:
            m.edit_config(target="candidate", config=config, default_operation="replace")
            m.commit()
        except RPCError as e:
            m.discard_changes()
            print("rpc-error: " + str(e.message))
            return 3
        print("ok")
        return 0


if __name__ == "__main__":
    sys.exit(main())
