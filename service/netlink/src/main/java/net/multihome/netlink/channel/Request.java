package net.multihome.netlink.channel;

import net.multihome.netlink.codec.MessageWriter;

/**
 * One encoded-on-demand request. {@code flags} are the operation's own ({@code CREATE|EXCL}
 * for add); the channel adds {@code NLM_F_ACK} where it wants an answer.
 */
public record Request(String operation, Object subject, int flags, Encoder encoder) {

    @FunctionalInterface
    public interface Encoder {
        void encode(MessageWriter w, int flags, int seq);
    }

    public void encode(MessageWriter w, int extraFlags, int seq) {
        encoder.encode(w, flags | extraFlags, seq);
    }

    public String describe() {
        return operation + " " + subject;
    }
}
