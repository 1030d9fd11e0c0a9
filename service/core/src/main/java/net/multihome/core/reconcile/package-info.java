/**
 * The level-based reconciler: each pass reads what the kernel has, plans what it should have,
 * and applies the smallest ordered set of changes, touching only objects that carry the owner
 * tag. The kernel is one implementation of the {@link net.multihome.core.reconcile.Dataplane}
 * port, so the diff and ordering are tested without root.
 */
package net.multihome.core.reconcile;
