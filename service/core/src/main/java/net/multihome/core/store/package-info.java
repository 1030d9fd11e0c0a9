/**
 * The startup datastore on disk: {@code startup.xml} in the state directory, in the YANG XML
 * form of a NETCONF {@code <config>}, written atomically.
 */
package net.multihome.core.store;
