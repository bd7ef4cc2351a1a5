package org.isosamp.local.meta;

/**
 * Which columns of a table carry its sky position and footprint, and so which
 * ADQL geometry predicates the spatial index can serve.
 *
 * @param regionColumn STC-S footprint column (e.g. {@code s_region_fov}) or null
 * @param raColumn     right ascension column in degrees (never ISO's hour-valued {@code ra})
 * @param decColumn    declination column in degrees
 */
public record SpatialDef(String regionColumn, String raColumn, String decColumn) {
}
