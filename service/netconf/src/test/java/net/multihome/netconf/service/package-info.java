/**
 * Scenario tests of the NETCONF service through a real server on a loopback ephemeral port,
 * with fake daemon ports and a clock the tests advance; interop suites with ncclient and yangcli.
 */
package net.multihome.netconf.service;
