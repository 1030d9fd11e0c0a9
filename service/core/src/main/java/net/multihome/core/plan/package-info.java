/**
 * The planner: a pure function from the validated configuration, provider health and what
 * the kernel reports about interfaces to the kernel objects multihome wants (routes, rules,
 * nexthops, sysctls). It performs no I/O, so every scenario is a fast unit test.
 */
package net.multihome.core.plan;
