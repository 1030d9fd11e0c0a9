/** Small helpers shared by the core packages: atomic file writes. */
package net.multihome.core.util;
