/**
 * Downloaded products on disk: {@link org.isosamp.products.TarFiles} (listing and safe extraction of
 * OBSERVATION tars), {@link org.isosamp.products.ProductInspector} (what a STANDALONE product is, read from
 * its FITS content with nom-tam-fits: {@link org.isosamp.products.ProductKind} spectrum, image or table, or a
 * {@link org.isosamp.products.ProductFormatException} saying what it is instead),
 * {@link org.isosamp.products.SpectrumTables} (a segmented spectrum as one binary table SPLAT reads whole) and
 * {@link org.isosamp.products.SingleImageFits} (an image alone in a single-HDU file without an {@code EXTEND} card:
 * Aladin takes that card, or any other HDU, as a promise of extensions and then never replies). The cache of
 * complete downloads is the archive client's ({@code org.isosamp.archive.ProductCache}).
 */
package org.isosamp.products;
