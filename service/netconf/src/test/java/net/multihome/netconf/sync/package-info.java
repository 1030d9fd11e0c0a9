/** Tests of configuration sync's parts that need no peer. */
package net.multihome.netconf.sync;
