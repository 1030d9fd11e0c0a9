package net.multihome.core.config;

/**
 * Builds instance paths in the NETCONF error-path form, with the module prefix on every step.
 */
public record InstancePath(String text) {

    public static final InstancePath ROOT = new InstancePath("/mh:multihome");

    public InstancePath child(String name) {
        return new InstancePath(text + "/mh:" + name);
    }

    /** A list entry: {@code list[mh:key='value']}. */
    public InstancePath entry(String list, String key, String value) {
        return new InstancePath(text + "/mh:" + list + "[mh:" + key + "='" + value.replace("'", "&apos;") + "']");
    }

    @Override
    public String toString() {
        return text;
    }
}
