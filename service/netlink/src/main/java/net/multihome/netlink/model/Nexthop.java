package net.multihome.netlink.model;

/** A nexthop object ({@code ip nexthop}): a single path or a group of them. */
public sealed interface Nexthop permits Nexthop.Single, Nexthop.Group {

    /** Object id, 1..2^32-1, chosen by whoever creates it. */
    int id();

    /** {@code nh_protocol}: who installed it (our owner tag for ours). */
    int protocol();

    /**
     * One path: a gateway on an interface, or a blackhole.
     *
     * @param gateway next router, or null for an on-link or blackhole nexthop
     * @param ifindex outgoing interface, 0 for a blackhole
     */
    record Single(int id, Family family, java.net.InetAddress gateway, int ifindex, boolean blackhole, int protocol)
            implements Nexthop {
    }

    /**
     * A group of single nexthops with weights.
     *
     * @param resilient bucket parameters; null for hash-threshold groups
     */
    record Group(int id, java.util.List<Member> members, GroupType type, ResilientParams resilient, int protocol)
            implements Nexthop {

        public Group {
            members = java.util.List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("nexthop group " + id + " has no members");
            }
            if ((type == GroupType.RESILIENT) != (resilient != null)) {
                throw new IllegalArgumentException("resilient parameters go with resilient groups only");
            }
        }
    }

    /** A group member: a single nexthop's id and its weight, 1..256. */
    record Member(int id, int weight) {

        public Member {
            if (weight < 1 || weight > 256) {
                throw new IllegalArgumentException("member weight " + weight + " is outside 1..256");
            }
        }
    }
}
