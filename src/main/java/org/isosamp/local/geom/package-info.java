/**
 * Spherical geometry for the local archive: the ADQL geometry functions as H2
 * Java aliases ({@link org.isosamp.local.geom.AdqlGeometry}), exact predicates
 * over STC-S regions built on Google S2, and the declination-zone index
 * ({@link org.isosamp.local.geom.SkyIndex}). All public entry points are
 * static and thread-safe.
 */
package org.isosamp.local.geom;
