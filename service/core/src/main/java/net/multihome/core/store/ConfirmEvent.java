package net.multihome.core.store;

/** RFC 6470 confirm-event values. */
public enum ConfirmEvent {
    START("start"), CANCEL("cancel"), TIMEOUT("timeout"), EXTEND("extend"), COMPLETE("complete");

    private final String wireName;

    ConfirmEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
