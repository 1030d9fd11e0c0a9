/**
 * Fakes for tests without a kernel, shared through core's test-jar: a scheduler whose time the
 * test moves and an in-memory kernel behind the reconciler's {@code Dataplane}.
 */
package net.multihome.testkit;
