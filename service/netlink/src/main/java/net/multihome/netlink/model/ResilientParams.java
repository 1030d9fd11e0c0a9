package net.multihome.netlink.model;

/**
 * Parameters of a resilient nexthop group ({@code NHA_RES_GROUP}).
 *
 * @param buckets number of hash buckets
 * @param idleTimerCs time a bucket must be idle before it may move, in 1/100 s
 * @param unbalancedTimerCs time after which an unbalanced group moves busy buckets too, in 1/100 s (0 = never)
 */
public record ResilientParams(int buckets, long idleTimerCs, long unbalancedTimerCs) {

    public ResilientParams {
        if (buckets < 1 || buckets > 65535) {
            throw new IllegalArgumentException("bucket count " + buckets + " is outside 1..65535");
        }
    }
}
