package net.multihome.netlink.nft;

/** libnftables refused a command, or is not installed; the message is nft's own. */
public final class NftablesException extends RuntimeException {

    public NftablesException(String message) {
        super(message);
    }

    public NftablesException(String message, Throwable cause) {
        super(message, cause);
    }
}
