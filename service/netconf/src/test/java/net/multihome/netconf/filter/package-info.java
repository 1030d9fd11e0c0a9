/** Unit tests of subtree filtering on small DOM trees. */
package net.multihome.netconf.filter;
