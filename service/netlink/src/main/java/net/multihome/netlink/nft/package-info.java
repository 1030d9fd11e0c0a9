/**
 * nftables through libnftables' JSON API, over FFM: the library turns JSON commands into one
 * nfnetlink transaction, so a whole table is replaced atomically and the kernel's refusal comes
 * back in nft's own words. No {@code nft} process is run.
 */
package net.multihome.netlink.nft;
