"""A NETCONF client for the daemon's end-to-end tests, with real ncclient.

usage: netconf_client.py PORT commit CONFIG_FILE   edit the candidate with the file's <config>, commit
       netconf_client.py PORT get-config           print running

Prints "ok" or the rpc-error's message; exits 0, or 3 on an rpc-error.
"""
import sys

from ncclient import manager
from ncclient.operations import RPCError


def main():
    port, action = int(sys.argv[1]), sys.argv[2]
    with manager.connect(host="127.0.0.1", port=port, username="admin", password="admin",
                         hostkey_verify=False, look_for_keys=False, allow_agent=False, timeout=30) as m:
        if action == "get-config":
            print(m.get_config(source="running").data_xml)
            return 0
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
