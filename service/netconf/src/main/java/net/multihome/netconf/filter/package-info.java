/**
 * Shaping reply data: RFC 6241 section 6 subtree filtering on DOM trees, and RFC 6243
 * with-defaults (report-all, trim, explicit) using the defaults of the YANG schema.
 */
package net.multihome.netconf.filter;
