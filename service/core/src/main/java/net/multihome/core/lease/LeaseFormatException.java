package net.multihome.core.lease;

/** A lease file that does not say what a lease must; the message names the field. */
public final class LeaseFormatException extends Exception {

    public LeaseFormatException(String message) {
        super(message);
    }
}
