package org.isosamp.testing;

import java.io.IOException;
import java.nio.file.Path;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;

/** Small FITS files written with nom-tam-fits, for tests of what a product is. */
public final class TestFits {

    private TestFits() {
    }

    /**
     * A primary header and one binary table.
     *
     * @param names column names
     * @param units column units (null entries: none)
     * @param columns column data (primitive arrays or String[])
     */
    public static Path binaryTable(Path file, String object, String[] names, String[] units, Object... columns)
            throws IOException {
        NullDataHDU primary = new NullDataHDU();
        primary.getHeader().addValue("OBJECT", object, "target");
        BinaryTableHDU hdu = BinaryTableHDU.wrap(BinaryTable.fromColumnMajor(columns));
        for (int c = 0; c < names.length; c++) {
            hdu.setColumnName(c, names[c], null);
            if (units != null && units[c] != null) {
                hdu.getHeader().addValue("TUNIT" + (c + 1), units[c], "unit");
            }
        }
        try (Fits fits = new Fits()) {
            fits.addHDU(primary);
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        return file;
    }

    /** A spectrum in one binary table: WAVELENGTH (Angstrom), FLUX, ERROR, n rows. */
    public static Path binarySpectrum(Path file, int n) throws IOException {
        double[] w = new double[n];
        float[] f = new float[n];
        float[] e = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = 4000 + i * 2.5;
            f[i] = (float) (1e-15 * (1 + 0.1 * Math.sin(i / 5.0)));
            e[i] = f[i] * 0.05f;
        }
        return binaryTable(file, "HD 12345", new String[] {"WAVELENGTH", "FLUX", "ERROR"},
            new String[] {"Angstrom", "erg/s/cm2/Angstrom", "erg/s/cm2/Angstrom"}, w, f, e);
    }

    /** A primary image of the given size (1-D if ny is 0), with the given CTYPE1 (null: none). */
    public static Path image(Path file, int nx, int ny, String ctype1, String cunit1) throws IOException {
        ImageHDU hdu;
        if (ny == 0) {
            float[] d = new float[nx];
            for (int i = 0; i < nx; i++) {
                d[i] = i;
            }
            hdu = ImageData.from(d).toHDU();
        } else {
            float[][] d = new float[ny][nx];
            hdu = ImageData.from(d).toHDU();
        }
        Header h = hdu.getHeader();
        h.addValue("OBJECT", "NGC 1068", "target");
        if (ctype1 != null) {
            h.addValue("CTYPE1", ctype1, "axis type");
            h.addValue("CRPIX1", 1.0, "reference pixel");
            h.addValue("CRVAL1", 2.4, "value there");
            h.addValue("CDELT1", 0.01, "step");
        }
        if (cunit1 != null) {
            h.addValue("CUNIT1", cunit1, "axis unit");
        }
        h.addValue("BUNIT", "Jy", "flux unit");
        try (Fits fits = new Fits()) {
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        return file;
    }

    /** A FITS file that is a primary header and nothing else. */
    public static Path headerOnly(Path file) throws IOException {
        NullDataHDU primary = new NullDataHDU();
        primary.getHeader().addValue("OBJECT", "nothing", "target");
        try (Fits fits = new Fits()) {
            fits.addHDU(primary);
            fits.write(file.toFile());
        }
        return file;
    }
}
