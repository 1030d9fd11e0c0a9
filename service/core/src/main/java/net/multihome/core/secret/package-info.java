/**
 * Secrets in the configuration that must never leave in clear: the SNMPv3 passphrases are
 * sealed (AES-256-GCM) with a key only the daemon can read, as soon as a configuration
 * document enters the daemon, and opened only where the agent needs them.
 */
package net.multihome.core.secret;
