/** Tests of the access control rules, evaluated alone. */
package net.multihome.netconf.nacm;
