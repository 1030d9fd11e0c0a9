/**
 * RFC 6241 confirmed commit (:confirmed-commit:1.1): the pending commit, its timeout on an
 * injected clock, persist and persist-id, rollback when the timeout passes, when the session of
 * a non-persistent commit ends or on cancel-commit, and the rollback point kept in a file of
 * the state directory so that a restart of the daemon still rolls back.
 */
package net.multihome.netconf.confirm;
