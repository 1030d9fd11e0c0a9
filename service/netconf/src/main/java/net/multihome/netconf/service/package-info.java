/**
 * The one entry point the daemon uses: {@link net.multihome.netconf.service.NetconfService#builder()}
 * wires the operations on the daemon's configuration store, monitoring, notifications and state
 * data onto the SSH transport, with the daemon's ports and settings.
 */
package net.multihome.netconf.service;
