package org.isosamp.local.products;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Random;
import nom.tam.fits.AsciiTable;
import nom.tam.fits.AsciiTableHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.util.Cursor;
import nom.tam.util.FitsOutputStream;

/**
 * Synthetic FITS products written with nom-tam-fits. Every file carries {@code COMMENT SYNTHETIC ...} cards and an
 * {@code ORIGIN} naming iso-samp; none has a wall-clock date.
 */
final class SyntheticFits {

    /** Rows per extension of the documented LWS01 example 58002102 (astroquery docs, section 7). */
    static final int[] DOCUMENTED_58002102_ROWS = {958, 962, 962, 961, 958, 961, 959, 959, 959, 962, 963};
    /** Column formats of the VO spectrum tables, as the archive's files have them. */
    static final String[] SPECTRUM_TFORMS = {"F8.4", "E11.3", "E11.3", "I2", "I2", "I2", "I2", "A42"};
    static final String[] SPECTRUM_TTYPES = {"WAVE", "FLUX", "STDEV", "DET", "SDIR", "SCNT", "STATUS", "REMARK"};
    static final int[] SPECTRUM_WIDTHS = {8, 11, 11, 2, 2, 2, 2, 42};
    /** The text of every row's REMARK column. */
    static final String ROW_REMARK = "SYNTHETIC iso-samp sample, not ISO data";
    static final String ORIGIN = "iso-samp (synthetic)";
    /** Cards in the documented files: 37 in the spectrum's primary header, 39 per table, 75 in the image. */
    static final int SPECTRUM_PRIMARY_CARDS = 37;
    static final int SPECTRUM_TABLE_CARDS = 39;
    static final int IMAGE_CARDS = 75;

    private static final double[] LWS_LINES = {63.184, 88.356, 121.898, 145.525, 157.741, 179.527};
    private static final double[] SWS_LINES = {4.052, 6.985, 12.814, 15.555, 18.713, 25.890, 33.481, 34.815};
    private static final double[] SWS_PAH = {6.2, 7.7, 8.6, 11.3};

    private SyntheticFits() {
    }

    // ------------------------------------------------------------------ spectra

    /** Number of rows in each table extension of an observation's STANDALONE spectrum. */
    static int[] spectrumRowCounts(ObservationInfo obs) {
        if ("58002102".equals(obs.tdt())) {
            return DOCUMENTED_58002102_ROWS.clone();
        }
        Random r = Determinism.random(obs.tdt(), "STANDALONE", "spectrum-layout");
        int[] rows = new int[4 + r.nextInt(8)];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = 955 + r.nextInt(9);
        }
        return rows;
    }

    /**
     * The STANDALONE (VO) spectrum of an SWS or LWS observation: a data-less primary header and one ASCII table per
     * scan/detector segment, columns {@code [F8.4, E11.3, E11.3, I2, I2, I2, I2, A42]}.
     */
    static byte[] spectrum(ObservationInfo obs, Instrument inst) throws IOException {
        try {
            Fits fits = new Fits();
            NullDataHDU primary = new NullDataHDU();
            Header ph = primary.getHeader();
            identity(ph, obs, inst, obs.tdt() + ".fits");
            ph.addValue("DATATYPE", "SPECTRUM", "VO spectrum, one ASCII table per segment");
            ph.addValue("AXES", "WAVE FLUX", "spectral and flux axes");
            ph.addValue("UNITS", "um " + fluxUnit(inst), "units of the axes");
            int[] rows = spectrumRowCounts(obs);
            ph.addValue("NSEGMENT", rows.length, "number of table extensions");
            synthetic(ph);
            padTo(ph, SPECTRUM_PRIMARY_CARDS);
            fits.addHDU(primary);

            Random r = Determinism.random(obs.tdt(), "STANDALONE", "spectrum-data");
            double[] range = inst == Instrument.LWS ? new double[] {43.0, 196.9} : new double[] {2.38, 45.2};
            double logLo = StrictMath.log(range[0]);
            double logHi = StrictMath.log(range[1]);
            SpectrumModel model = new SpectrumModel(inst, r);
            for (int seg = 0; seg < rows.length; seg++) {
                double a = StrictMath.exp(logLo + (logHi - logLo) * seg / rows.length);
                double b = StrictMath.exp(logLo + (logHi - logLo) * (seg + 1) / rows.length);
                double pad = (b - a) * 0.04; // segments overlap a little, as real detector bands do
                fits.addHDU(spectrumTable(obs, inst, seg, rows[seg], StrictMath.max(range[0], a - pad),
                    StrictMath.min(range[1], b + pad), model, r));
            }
            return toBytes(fits);
        } catch (FitsException e) {
            throw new IOException("cannot build spectrum for " + obs.tdt() + ": " + e.getMessage(), e);
        }
    }

    private static AsciiTableHDU spectrumTable(ObservationInfo obs, Instrument inst, int seg, int n, double lo,
                                               double hi, SpectrumModel model, Random r) throws FitsException {
        String[][] cols = new String[8][n];
        int det = seg % 10 + 1;
        int sdir = seg % 2 == 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            double w = lo + (hi - lo) * i / (n - 1);
            double f = model.flux(w);
            double sd = StrictMath.abs(f) * (0.02 + 0.02 * r.nextDouble()) + model.floor;
            double fn = f + sd * r.nextGaussian();
            int scnt = 1 + (i * 3) / n;
            int status = r.nextInt(50) == 0 ? 1 + r.nextInt(4) : 0;
            cols[0][i] = String.format(Locale.ROOT, "%8.4f", w);
            cols[1][i] = String.format(Locale.ROOT, "%11.3E", fn);
            cols[2][i] = String.format(Locale.ROOT, "%11.3E", sd);
            cols[3][i] = String.format(Locale.ROOT, "%2d", det);
            cols[4][i] = String.format(Locale.ROOT, "%2d", sdir);
            cols[5][i] = String.format(Locale.ROOT, "%2d", scnt);
            cols[6][i] = String.format(Locale.ROOT, "%2d", status);
            cols[7][i] = String.format(Locale.ROOT, "%-42s", ROW_REMARK);
        }
        AsciiTable table = new AsciiTable();
        for (int c = 0; c < cols.length; c++) {
            table.addColumn(cols[c], SPECTRUM_WIDTHS[c]);
        }
        AsciiTableHDU hdu = table.toHDU();
        Header h = hdu.getHeader();
        String[] units = {"um", fluxUnit(inst), fluxUnit(inst)};
        // nom-tam-fits writes the pre-formatted text as is; the TFORMs say how to read it. Re-order the column
        // cards as TTYPE, TBCOL, TFORM, TUNIT per column.
        int[] tbcol = new int[cols.length];
        for (int c = 0; c < cols.length; c++) {
            int k = c + 1;
            tbcol[c] = h.getIntValue("TBCOL" + k);
            h.deleteKey("TTYPE" + k);
            h.deleteKey("TBCOL" + k);
            h.deleteKey("TFORM" + k);
        }
        Cursor<String, HeaderCard> cur = h.iterator();
        cur.setKey("TFIELDS");
        cur.next();
        for (int c = 0; c < cols.length; c++) {
            int k = c + 1;
            cur.add(new HeaderCard("TTYPE" + k, SPECTRUM_TTYPES[c], columnComment(c)));
            cur.add(new HeaderCard("TBCOL" + k, tbcol[c], "beginning column of field"));
            cur.add(new HeaderCard("TFORM" + k, SPECTRUM_TFORMS[c], "Fortran-77 format of field"));
            if (c < units.length) {
                cur.add(new HeaderCard("TUNIT" + k, units[c], "physical unit of field"));
            }
        }
        h.addValue("DETECTOR", (inst == Instrument.LWS ? (det <= 5 ? "SW" + det : "LW" + (det - 5)) : "BAND" + det),
            "detector / band of this segment");
        h.addValue("TDT", obs.tdt(), "target dedicated time number");
        h.addValue("SEGMENT", seg + 1, "segment number");
        h.insertComment("SYNTHETIC sample made by iso-samp, not real ISO data");
        return hdu;
    }

    private static String columnComment(int c) {
        switch (c) {
        case 0:
            return "wavelength";
        case 1:
            return "flux";
        case 2:
            return "flux uncertainty";
        case 3:
            return "detector number";
        case 4:
            return "scan direction";
        case 5:
            return "scan count";
        case 6:
            return "status flag";
        default:
            return "remark";
        }
    }

    static String fluxUnit(Instrument inst) {
        return inst == Instrument.LWS ? "W/cm^2/um" : "Jy";
    }

    /** A smooth continuum plus a few emission lines; deterministic for a given Random. */
    static final class SpectrumModel {
        final Instrument inst;
        final double amp;
        final double temp;
        final double slope;
        final double[] lines;
        final double[] lineAmp;
        final double floor;

        SpectrumModel(Instrument inst, Random r) {
            this.inst = inst;
            if (inst == Instrument.LWS) {
                amp = 1.0e-16 * (0.5 + 4 * r.nextDouble());
                temp = 25 + 40 * r.nextDouble();
                slope = 0;
                lines = LWS_LINES;
                floor = amp * 0.005;
            } else {
                amp = 2 + 200 * r.nextDouble();
                temp = 0;
                slope = 0.5 + 1.5 * r.nextDouble();
                lines = SWS_LINES;
                floor = amp * 0.002;
            }
            lineAmp = new double[lines.length];
            for (int i = 0; i < lines.length; i++) {
                lineAmp[i] = r.nextDouble() < 0.7 ? 0.3 + 3 * r.nextDouble() : 0;
            }
        }

        double continuum(double w) {
            if (inst == Instrument.LWS) {
                // modified black body (beta = 1.5) in F_lambda, normalised to ~amp near its peak
                double x = 14387.77 / (w * temp);
                double peak = 14387.77 / (5.5 * temp);
                double at = StrictMath.pow(w / peak, -5.5) / (StrictMath.expm1(x));
                double norm = 1 / (StrictMath.expm1(14387.77 / (peak * temp)));
                return amp * at / norm;
            }
            return amp * StrictMath.pow(w / 10.0, slope);
        }

        double flux(double w) {
            double f = continuum(w);
            double res = inst == Instrument.LWS ? 200 : 500;
            for (int i = 0; i < lines.length; i++) {
                if (lineAmp[i] > 0) {
                    double sigma = lines[i] / res / 2.3548;
                    double d = (w - lines[i]) / sigma;
                    f += lineAmp[i] * continuum(lines[i]) * StrictMath.exp(-0.5 * d * d);
                }
            }
            if (inst == Instrument.SWS) {
                for (double p : SWS_PAH) {
                    double d = (w - p) / (p * 0.02);
                    f += 0.8 * continuum(p) * StrictMath.exp(-0.5 * d * d);
                }
            }
            return f;
        }
    }

    // ------------------------------------------------------------------ images

    /** Pixel size of the STANDALONE image, arcsec. */
    static double pixelArcsec(Instrument inst) {
        return inst == Instrument.PHT ? 15.0 : 6.0;
    }

    /** Image data: a smooth (Gaussian) source on a sloped background, plus noise. */
    static float[][] imageData(int nx, int ny, Random r, double peak) {
        float[][] img = new float[ny][nx];
        double cx = (nx - 1) / 2.0 + (r.nextDouble() - 0.5) * nx * 0.2;
        double cy = (ny - 1) / 2.0 + (r.nextDouble() - 0.5) * ny * 0.2;
        double sx = nx * (0.06 + 0.08 * r.nextDouble());
        double sy = ny * (0.06 + 0.08 * r.nextDouble());
        double bg = peak * 0.05;
        double gx = peak * 0.002 * (r.nextDouble() - 0.5);
        double cx2 = r.nextDouble() * nx;
        double cy2 = r.nextDouble() * ny;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double dx = (x - cx) / sx;
                double dy = (y - cy) / sy;
                double dx2 = (x - cx2) / 1.5;
                double dy2 = (y - cy2) / 1.5;
                double v = bg + gx * x + peak * StrictMath.exp(-0.5 * (dx * dx + dy * dy))
                    + 0.2 * peak * StrictMath.exp(-0.5 * (dx2 * dx2 + dy2 * dy2))
                    + peak * 0.01 * r.nextGaussian();
                img[y][x] = (float) v;
            }
        }
        return img;
    }

    /**
     * The STANDALONE image of a CAM or PHT observation: a 32x32 float32 primary image with a TAN celestial WCS
     * centred on the observation.
     */
    static byte[] image(ObservationInfo obs, Instrument inst) throws IOException {
        Random r = Determinism.random(obs.tdt(), "STANDALONE", "image");
        float[][] data = imageData(32, 32, r, inst == Instrument.CAM ? 50 + 500 * r.nextDouble() : 5 + 40 * r.nextDouble());
        return imageFile(obs, inst, data, obs.tdt() + ".fits", pixelArcsec(inst), IMAGE_CARDS);
    }

    /** A primary float32 image with WCS and identity cards, padded with COMMENT cards to {@code cards} (0: no padding). */
    static byte[] imageFile(ObservationInfo obs, Instrument inst, float[][] data, String filename, double pixArcsec,
                            int cards) throws IOException {
        try {
            ImageHDU hdu = ImageData.from(data).toHDU();
            Header h = hdu.getHeader();
            int ny = data.length;
            int nx = data[0].length;
            identity(h, obs, inst, filename);
            h.addValue("BUNIT", inst == Instrument.CAM ? "mJy/pixel" : "MJy/sr", "unit of the pixel values");
            h.addValue("WCSAXES", 2, "number of WCS axes");
            h.addValue("CTYPE1", "RA---TAN", "gnomonic projection, right ascension");
            h.addValue("CTYPE2", "DEC--TAN", "gnomonic projection, declination");
            h.addValue("CRPIX1", (nx + 1) / 2.0, "reference pixel, axis 1");
            h.addValue("CRPIX2", (ny + 1) / 2.0, "reference pixel, axis 2");
            h.addValue("CRVAL1", ra(obs), "[deg] RA at the reference pixel");
            h.addValue("CRVAL2", dec(obs), "[deg] Dec at the reference pixel");
            h.addValue("CDELT1", -pixArcsec / 3600.0, "[deg] pixel size, axis 1");
            h.addValue("CDELT2", pixArcsec / 3600.0, "[deg] pixel size, axis 2");
            h.addValue("CUNIT1", "deg", "unit of CRVAL1 and CDELT1");
            h.addValue("CUNIT2", "deg", "unit of CRVAL2 and CDELT2");
            h.addValue("LONPOLE", 180.0, "[deg] native longitude of the celestial pole");
            h.addValue("DATATYPE", "IMAGE", "VO image");
            h.addValue("PIXSIZE", pixArcsec, "[arcsec] pixel size");
            h.addValue("DATAMIN", min(data), "minimum pixel value");
            h.addValue("DATAMAX", max(data), "maximum pixel value");
            synthetic(h);
            if (cards > 0) {
                padTo(h, cards);
            }
            Fits fits = new Fits();
            fits.addHDU(hdu);
            return toBytes(fits);
        } catch (FitsException e) {
            throw new IOException("cannot build image for " + obs.tdt() + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ archive members

    /**
     * A binary-table FITS file standing in for pipeline products (ERD, SPD, AAR, pointing history): a primary header
     * with identity cards and one binary table of the given columns.
     */
    static byte[] binaryTableFile(ObservationInfo obs, Instrument inst, String filename, String extname,
                                  String[] names, Object[] columns, String[] units) throws IOException {
        try {
            Fits fits = new Fits();
            NullDataHDU primary = new NullDataHDU();
            identity(primary.getHeader(), obs, inst, filename);
            synthetic(primary.getHeader());
            fits.addHDU(primary);
            BinaryTable table = BinaryTable.fromColumnMajor(columns);
            BinaryTableHDU hdu = BinaryTableHDU.wrap(table);
            for (int c = 0; c < names.length; c++) {
                hdu.setColumnName(c, names[c], null);
                if (units != null && units[c] != null) {
                    hdu.getHeader().addValue("TUNIT" + (c + 1), units[c], "physical unit of field");
                }
            }
            hdu.getHeader().addValue("EXTNAME", extname, "extension name");
            hdu.getHeader().insertComment("SYNTHETIC sample made by iso-samp, not real ISO data");
            fits.addHDU(hdu);
            return toBytes(fits);
        } catch (FitsException e) {
            throw new IOException("cannot build " + filename + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** TELESCOP, INSTRUME, OBJECT, position, TDT/OBSNO and provenance cards. */
    static void identity(Header h, ObservationInfo obs, Instrument inst, String filename) throws FitsException {
        h.addValue("TELESCOP", "ISO", "Infrared Space Observatory (synthetic sample)");
        h.addValue("INSTRUME", inst.keyword(), "instrument");
        h.addValue("OBJECT", obs.target() == null ? "" : obs.target(), "target name");
        if (obs.raDeg() != null && obs.decDeg() != null) {
            h.addValue("RA", obs.raDeg(), "[deg] right ascension of the pointing");
            h.addValue("DEC", obs.decDeg(), "[deg] declination of the pointing");
            h.addLine(HeaderCard.create(String.format(Locale.ROOT, "%-8s= %20s / %s", "EQUINOX", "2000.0",
                "equinox of the coordinates")));
            h.addValue("RADESYS", "ICRS", "reference frame");
        }
        h.addValue("TDT", obs.tdt(), "target dedicated time number");
        h.addValue("OBSNO", obs.obsno() == null ? "" : obs.obsno(), "observation number");
        h.addValue("REVNO", obs.revno(), "ISO revolution");
        h.addValue("AOT", obs.aotname() == null ? "" : obs.aotname(), "astronomical observation template");
        h.addValue("FILENAME", filename, "file name");
        h.addValue("ORIGIN", ORIGIN, "organisation or software that made the file");
        h.addValue("CREATOR", "iso-samp", "software that made the file");
        h.addValue("DATE", Determinism.FITS_DATE, "fixed date of the synthetic file");
        h.addValue("SYNTHETC", true, "synthetic sample, not real ISO data");
    }

    /** The COMMENT cards that say the file is synthetic. */
    static void synthetic(Header h) {
        h.insertComment("SYNTHETIC sample made by iso-samp, not real ISO data.");
        h.insertComment("SYNTHETIC: made deterministically for tests and demos;");
        h.insertComment("SYNTHETIC: it only imitates ISO Data Archive products.");
    }

    /**
     * Cards a header being built will have in the file, as astropy counts them (END excluded; no long-string
     * CONTINUE cards are written): nom-tam-fits keeps PCOUNT/GCOUNT in a primary header in memory but does not
     * write them.
     */
    static int cards(Header h) {
        int n = h.getNumberOfCards();
        if (h.containsKey("SIMPLE")) {
            n -= (h.containsKey("PCOUNT") ? 1 : 0) + (h.containsKey("GCOUNT") ? 1 : 0);
        }
        return n;
    }

    /** Pads a header with COMMENT cards up to {@code cards} cards (END excluded), as astropy counts them. */
    static void padTo(Header h, int cards) {
        int i = 1;
        while (cards(h) < cards) {
            h.insertComment("SYNTHETIC padding card " + i++ + " (archive-like card count)");
        }
    }

    static double ra(ObservationInfo obs) {
        return obs.raDeg() == null ? 0.0 : obs.raDeg();
    }

    static double dec(ObservationInfo obs) {
        return obs.decDeg() == null ? 0.0 : obs.decDeg();
    }

    private static double min(float[][] d) {
        double m = Double.POSITIVE_INFINITY;
        for (float[] row : d) {
            for (float v : row) {
                m = StrictMath.min(m, v);
            }
        }
        return m;
    }

    private static double max(float[][] d) {
        double m = Double.NEGATIVE_INFINITY;
        for (float[] row : d) {
            for (float v : row) {
                m = StrictMath.max(m, v);
            }
        }
        return m;
    }

    static byte[] toBytes(Fits fits) throws IOException, FitsException {
        // nom-tam-fits stamps the wall-clock time into the SIMPLE card's comment: make it fixed
        HeaderCard simple = fits.getHDU(0).getHeader().findCard("SIMPLE");
        if (simple != null) {
            fits.getHDU(0).getHeader().updateLine("SIMPLE",
                new HeaderCard("SIMPLE", true, "conforms to FITS standard (synthetic file)"));
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (FitsOutputStream out = new FitsOutputStream(bos)) {
            fits.write(out);
            out.flush();
        }
        return bos.toByteArray();
    }
}
