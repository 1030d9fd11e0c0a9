/**
 * The YANG contract: loading the modules under {@code yang/} into a yangtools schema, and
 * turning configuration XML into yangtools data and back. Hostile XML (DTDs, entities) is
 * refused here before yangtools sees it.
 */
package net.multihome.core.yang;
