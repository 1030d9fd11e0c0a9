/**
 * The protocol-neutral configuration store: running, candidate and startup (the latter as
 * {@code startup.xml} in the state directory, written atomically), their locks, the one path by
 * which running changes (validate, apply through the daemon's {@link
 * net.multihome.core.store.RunningConfigApplier}, publish), confirmed commit with its timer and
 * rollback file, and typed refusals ({@link net.multihome.core.store.StoreError}). NETCONF, the
 * SIGHUP reload and later the CLI are its clients; each maps the refusals at its own edge.
 */
package net.multihome.core.store;
