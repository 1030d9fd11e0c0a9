/** Tests of sealing secrets with the daemon's key. */
package net.multihome.core.secret;
