/**
 * The validated configuration: immutable records made from the datastore's yangtools data by
 * one pure function ({@link net.multihome.core.config.ConfigReader}), plus the rules YANG
 * cannot express ({@link net.multihome.core.config.ConfigValidator}). Every violation is
 * reported with its instance path; an invalid configuration yields no model at all.
 */
package net.multihome.core.config;
