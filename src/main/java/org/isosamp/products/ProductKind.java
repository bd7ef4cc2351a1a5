package org.isosamp.products;

/**
 * What a STANDALONE product is, as its FITS content says ({@link ProductInspector}), and the SAMP MType that
 * carries it to other VO tools.
 */
public enum ProductKind {

    /** A spectrum: a table with spectral and flux columns, or a 1-D image with a spectral WCS axis (for SPLAT). */
    SPECTRUM("spectrum.load.ssa-generic"),
    /** An image: an image HDU of two or more (non-degenerate) axes (for Aladin, ds9). */
    IMAGE("image.load.fits"),
    /** Any other FITS table (for TOPCAT). */
    TABLE("table.load.fits");

    private final String mtype;

    ProductKind(String mtype) {
        this.mtype = mtype;
    }

    /** @return the SAMP MType that sends this kind of product */
    public String mtype() {
        return mtype;
    }
}
