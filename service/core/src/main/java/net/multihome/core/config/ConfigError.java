package net.multihome.core.config;

/**
 * One reason a configuration is refused.
 *
 * @param path instance path in NETCONF error-path form, e.g.
 *     {@code /mh:multihome/mh:provider[mh:name='isp1']/mh:ipv4/mh:gateway}
 * @param message a sentence a person understands
 */
public record ConfigError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
