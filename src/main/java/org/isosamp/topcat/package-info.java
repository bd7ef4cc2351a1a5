/**
 * The TOPCAT face: plug-ins that TOPCAT 4.8.7 creates by class name from its {@code startable.load.dialogs}
 * property ({@link org.isosamp.topcat.IsoLoadDialog}) and
 * {@code topcat.activators} ({@link org.isosamp.topcat.IsoProductActivationType}, whose products are fetched by
 * {@code samp.ProductFetch}). TOPCAT's own API is compiled against stubs ({@code src/topcat-api/java}) and never
 * shipped: TOPCAT's classes serve at run time. Code here runs inside TOPCAT, on its own STIL (4.1.3 in
 * Debian's 4.8.7), so it calls only the STIL API that version has; the work itself is the core's
 * ({@code archive}, {@code table}).
 */
package org.isosamp.topcat;
