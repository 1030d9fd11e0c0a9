package net.multihome.core.plan;

/**
 * How multihome recognises its own kernel objects, and where they sit.
 *
 * <table>
 *   <caption>Numbers multihome uses</caption>
 *   <tr><th>what</th><th>value</th><th>why</th></tr>
 *   <tr><td>route, rule and nexthop protocol</td><td>77 by default ({@code multihome} in
 *       rt_protos.d)</td><td>unused by FRR (186-198), BIRD (12), keepalived (18), DHCP (16),
 *       zebra (11), babel (42), openr (99)</td></tr>
 *   <tr><td>source rules {@code from <provider address> lookup <table>}</td><td>priority
 *       1000</td><td>before any policy, so replies always leave by their provider</td></tr>
 *   <tr><td>policy rules</td><td>priority 10000 + policy priority</td><td>after the source
 *       rules and before main (32766)</td></tr>
 *   <tr><td>{@code lookup main suppress_prefixlength 0}, then {@code lookup} the default
 *       route's table (4200 by default)</td><td>priorities 32000 and 32001</td><td>after every
 *       policy and before main (32766): main answers with anything but a default, then our
 *       default wins over any a DHCP client or router advertisement put in main</td></tr>
 *   <tr><td>nexthop ids</td><td>from 0x4d480000 ("MH")</td><td>far from the small ids people
 *       and other daemons pick by hand</td></tr>
 * </table>
 *
 * @param protocol the route/rule/nexthop protocol number that marks objects as ours (4..255)
 */
public record OwnerTag(int protocol) {

    public static final OwnerTag DEFAULT = new OwnerTag(77);
    public static final String PROTOCOL_NAME = "multihome";
    public static final int SOURCE_RULE_PRIORITY = 1000;
    public static final int POLICY_RULE_BASE = 10000;
    public static final int MAIN_WITHOUT_DEFAULT_PRIORITY = 32000;
    public static final int DEFAULT_TABLE_PRIORITY = 32001;
    public static final int NEXTHOP_ID_BASE = 0x4d480000;

    public OwnerTag {
        if (protocol < 4 || protocol > 255) {
            throw new IllegalArgumentException("owner protocol " + protocol
                    + " is outside 4..255 (0-3 mean unspec, redirect, kernel and boot)");
        }
    }
}
