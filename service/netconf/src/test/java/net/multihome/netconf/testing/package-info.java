/** Helpers shared by the tests of several packages. */
package net.multihome.netconf.testing;
