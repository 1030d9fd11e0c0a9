package net.multihome.netlink.conntrack;

/**
 * A dumped entry with what it takes to delete exactly it: its original tuple as the kernel
 * sent it (so ICMP ids, GRE keys and tuple zones need no model of their own), its zone, and its
 * id, which the kernel compares before it deletes (ENOENT when the entry is not the one dumped).
 *
 * @param familyCode the {@code nfgen_family} to delete it with
 * @param originalTuple the payload of {@code CTA_TUPLE_ORIG}
 * @param id {@code CTA_ID}, or -1 when the kernel sent none
 * @param zone {@code CTA_ZONE}'s payload, or null for the default zone
 */
record DumpedEntry(ConntrackEntry entry, int familyCode, byte[] originalTuple, long id, byte[] zone) {
}
