/**
 * Test support shared by every module: throw-away network namespaces ({@link net.multihome.testing.Namespace}),
 * commands run with a timeout ({@link net.multihome.testing.Commands}), threads inside a namespace, the root
 * check that skips namespace tests, and polling with a deadline instead of sleeping.
 */
package net.multihome.testing;
