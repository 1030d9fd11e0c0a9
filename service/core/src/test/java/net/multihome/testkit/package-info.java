/**
 * Fakes for tests without a kernel, shared through core's test jar: a scheduler whose time the
 * test moves and an in-memory kernel behind the reconciler's {@code Dataplane}. A package of its
 * own, because the test jar sits on the class path and may not split a package of the named
 * module {@code net.multihome.core}.
 */
package net.multihome.testkit;
