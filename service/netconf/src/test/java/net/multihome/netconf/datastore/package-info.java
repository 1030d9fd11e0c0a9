/** Tests of the NETCONF edge of the configuration store. */
package net.multihome.netconf.datastore;
