/**
 * Downloaded products on disk: {@link org.isosamp.products.ProductCache} (complete downloads kept by URL) and
 * {@link org.isosamp.products.TarFiles} (listing and safe extraction of OBSERVATION tars).
 */
package org.isosamp.products;
