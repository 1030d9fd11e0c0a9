/**
 * The pure parts of configuration sync between the routers of a redundant pair: which nodes are
 * each router's own (YANG extension {@code mh:node-local}), the shared part of a configuration
 * and its merge with the receiver's own nodes, and the epoch rules a push must pass.
 */
package net.multihome.core.sync;
