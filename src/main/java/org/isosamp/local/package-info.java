/**
 * The embedded local ISO Data Archive: a TAP 1.1 service and the data endpoint
 * on loopback over an in-memory H2 database, serving synthetic sample data at
 * the production archive's URL shapes. Entry point: {@link org.isosamp.local.LocalArchive}.
 * Depends on nothing of the client side.
 */
package org.isosamp.local;
