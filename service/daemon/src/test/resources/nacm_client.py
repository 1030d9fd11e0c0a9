"""NACM scenario for NacmIT, with real ncclient: a read-only noc session and an admin session.

usage: nacm_client.py PORT

Prints one JSON object of what each step saw; the test judges it. Exits 0 unless the
script itself failed.
"""
import json
import sys

from lxml import etree
from ncclient import manager
from ncclient.operations import RPCError

MH = "urn:multihome:yang:multihome"
NS = {"mh": MH}
NACM_STATE = ('<multihome xmlns="%s"><management><netconf><nacm/></netconf></management></multihome>' % MH)


def connect(port, user, password):
    return manager.connect(host="127.0.0.1", port=port, username=user, password=password,
                           hostkey_verify=False, look_for_keys=False, allow_agent=False, timeout=30)


def outcome(call):
    """'ok', or the rpc-error's tag."""
    try:
        call()
        return "ok"
    except RPCError as e:
        return e.tag


def config(body):
    return '<config><multihome xmlns="%s">%s</multihome></config>' % (MH, body)


def description(text):
    return config("<provider><name>isp1</name><description>%s</description></provider>" % text)


def rules(body):
    return config("<management><netconf><nacm><rule-list><name>noc-read-only</name>%s"
                  "</rule-list></nacm></netconf></management>" % body)


def counters(m):
    data = m.get(filter=("subtree", NACM_STATE)).data_ele
    return {name: int(data.findtext(".//mh:nacm/mh:" + name, namespaces=NS) or -1)
            for name in ("denied-operations", "denied-data-writes")}


def secrets(xml):
    return [tag for tag in ("password-hash", "auth-passphrase", "priv-passphrase") if tag in xml]


def main():
    port = int(sys.argv[1])
    seen = {}
    with connect(port, "admin", "admin") as admin, connect(port, "noc", "noc") as noc:
        seen["counters-before"] = counters(admin)
        seen["noc-edit-config"] = outcome(lambda: noc.edit_config(target="candidate", config=description("x")))
        seen["noc-commit"] = outcome(noc.commit)
        seen["noc-kill-session"] = outcome(lambda: noc.kill_session(admin.session_id))
        seen["noc-get-config-secrets"] = secrets(noc.get_config(source="running").data_xml)
        seen["noc-get-secrets"] = secrets(noc.get().data_xml)
        seen["noc-sees-users"] = "<name>noc</name>" in noc.get_config(source="running").data_xml
        seen["counters-after-exec"] = counters(admin)

        snmp_user = config("<management><snmp><user><name>v3noc</name><auth-passphrase>noc-auth-pass-1"
                           "</auth-passphrase><priv-passphrase>noc-priv-pass-1</priv-passphrase></user>"
                           "</snmp></management>")
        seen["admin-edit-secret"] = outcome(lambda: admin.edit_config(target="candidate", config=snmp_user))
        seen["admin-commit"] = outcome(admin.commit)
        seen["admin-copy-startup"] = outcome(lambda: admin.copy_config(source="running", target="startup"))
        seen["noc-copy-startup"] = outcome(lambda: noc.copy_config(source="running", target="startup"))
        running = admin.get_config(source="running").data_ele
        seen["admin-auth-passphrase"] = running.findtext(".//mh:snmp/mh:user/mh:auth-passphrase", namespaces=NS)
        seen["admin-sees-password-hash"] = running.find(".//mh:netconf/mh:user/mh:password-hash",
                                                        namespaces=NS) is not None
        seen["noc-get-config-secrets-after"] = secrets(noc.get_config(source="running").data_xml)

        # The noc session stays open while the admin changes its rules: first edit-config is
        # no longer denied as an operation (the data write still is), then the catch-all deny
        # of writes gives way to a rule permitting provider writes (write-default still denies
        # the rest).
        drop_edit = ('<rule xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" nc:operation="delete">'
                     '<name>deny-edit-config</name></rule>')
        seen["admin-drop-rule"] = outcome(lambda: (admin.edit_config(target="candidate", config=rules(drop_edit)),
                                                   admin.commit()))
        seen["noc-edit-after-drop"] = outcome(lambda: noc.edit_config(target="candidate", config=description("y")))
        permit = ('<rule xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0" nc:operation="delete">'
                  '<name>deny-writes</name></rule>'
                  '<rule><name>permit-providers</name><module-name>multihome</module-name>'
                  '<path>/mh:multihome/mh:provider</path><access-operations>create update delete'
                  '</access-operations><action>permit</action></rule>')
        seen["admin-add-rule"] = outcome(lambda: (admin.edit_config(target="candidate", config=rules(permit)),
                                                  admin.commit()))
        seen["noc-edit-after-permit"] = outcome(
            lambda: noc.edit_config(target="candidate", config=description("by-noc")))
        seen["noc-edit-management-after-permit"] = outcome(lambda: noc.edit_config(
            target="candidate", config=config("<management><netconf><idle-timeout>60</idle-timeout>"
                                              "</netconf></management>")))
        admin.discard_changes()
        seen["counters-end"] = counters(admin)
    print(json.dumps(seen, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
