package org.isosamp.local.samples;

import java.util.SplittableRandom;
import org.isosamp.local.meta.ArchiveMetadata;

/**
 * Deterministic synthetic ISO observations for scale tests: {@code n} rows of
 * {@code ida.observations} plus one {@code ivoa.obscore} row per observation
 * with a VO product, one {@code ivoa.ssap} row per spectrum and one
 * {@code ivoa.siap} row per image. Every row is synthetic and says so in
 * {@code comment}.
 *
 * <p>Sky mix: ~30% Galactic plane, ~25% a dozen nearby galaxies and
 * star-forming regions, ~0.5% within 1.5 deg of the celestial poles, the rest
 * uniform on the sphere; no position within {@link #M31_EXCLUSION_DEG} of M31,
 * so the documented M31 cone keeps its 49/4/4 rows at any scale. Instrument
 * mix CAM 35%, PHT 25%, SWS 20%, LWS 20%. Footprints are counter-clockwise
 * STC-S polygons of the instrument apertures, some rasters up to 0.5 deg.
 *
 * <p>TDTs: {@code revno * 100000 + 50000 + k}, {@code k < 46000}, revolutions
 * 2..875 except 800 (reserved for the documented revolution-800 example); the
 * committed sample rows only use sequence numbers below 50000, so the two
 * never collide. Each call's TDTs are unique; obsno = tdt * 10 (+1 for
 * parallel modes).
 */
public final class SyntheticArchive {

    /** First TDT sequence number (within a revolution) used by the generator. */
    public static final int FIRST_SEQUENCE = 50000;
    /** TDT sequence numbers available per revolution. */
    public static final int SEQUENCES_PER_REVOLUTION = 46000;
    /** Revolution never used (the documented rev-800 query must keep its 8 rows). */
    public static final int RESERVED_REVOLUTION = 800;
    /** Radius around M31's centre (degrees) kept free of synthetic positions. */
    public static final double M31_EXCLUSION_DEG = 1.0;

    static final double M31_RA = 10.68470833;
    static final double M31_DEC = 41.26875;

    private static final int[] REVS;

    static {
        int[] r = new int[875 - 2 + 1 - 1];
        int j = 0;
        for (int rev = 2; rev <= 875; rev++) {
            if (rev != RESERVED_REVOLUTION) {
                r[j++] = rev;
            }
        }
        REVS = r;
    }

    private SyntheticArchive() {
    }

    /** @return the largest n {@link #generate} accepts. */
    public static long capacity() {
        return (long) REVS.length * SEQUENCES_PER_REVOLUTION;
    }

    /**
     * Generates {@code n} synthetic observations and their VO rows.
     *
     * @param meta the archive metadata: values are mapped onto the declared
     *             columns of the four tables by name (undeclared values are
     *             dropped, declared columns without a value get NULL)
     * @param n    number of ida.observations rows, 0..{@link #capacity()}
     * @param seed random seed: same seed and n, same rows
     * @param sink receives the rows: each observation, then its obscore, ssap, siap rows
     * @throws Exception whatever the sink throws
     */
    public static void generate(ArchiveMetadata meta, long n, long seed, RowSink sink) throws Exception {
        if (n < 0 || n > capacity()) {
            throw new IllegalArgumentException("n = " + n + " outside 0.." + capacity());
        }
        Emitter em = new Emitter(meta);
        Gen gen = new Gen(seed, "synthetic scale-test row (not ISO data)");
        for (long i = 0; i < n; i++) {
            int rev = REVS[(int) (i % REVS.length)];
            int k = (int) (i / REVS.length);
            Obs o = gen.next(rev * 100000 + FIRST_SEQUENCE + k);
            em.emit(o, sink);
        }
    }

    /** Sends one observation's rows to a sink. */
    static final class Emitter {
        private final ObsColumns.Mapper[] mappers;

        Emitter(ArchiveMetadata meta) {
            mappers = new ObsColumns.Mapper[ObsColumns.TABLES.size()];
            for (int i = 0; i < mappers.length; i++) {
                mappers[i] = ObsColumns.mapper(meta, ObsColumns.TABLES.get(i));
            }
        }

        void emit(Obs o, RowSink sink) throws Exception {
            for (ObsColumns.Mapper m : mappers) {
                if (ObsColumns.hasRow(m, o)) {
                    sink.row(m.table, m.row(o));
                }
            }
        }
    }

    /** A region of the sky where observations cluster. */
    private record Field(String name, double ra, double dec, double sigma, double weight) { }

    private static final Field[] FIELDS = {
        new Field("LMC", 80.89, -69.76, 2.5, 3),
        new Field("SMC", 13.19, -72.83, 1.2, 1.5),
        new Field("M33", 23.46, 30.66, 0.25, 1),
        new Field("M81", 148.89, 69.07, 0.3, 1),
        new Field("M51", 202.47, 47.20, 0.15, 0.5),
        new Field("Virgo cluster", 187.70, 12.39, 3.0, 1.5),
        new Field("Orion", 83.82, -5.39, 1.5, 3),
        new Field("Rho Ophiuchi", 246.80, -24.50, 1.2, 2),
        new Field("Taurus", 68.00, 25.00, 3.5, 2),
        new Field("Carina", 161.00, -59.70, 1.0, 1.5),
        new Field("Cygnus X", 308.00, 41.30, 1.5, 2),
        new Field("Galactic centre", 266.42, -29.01, 0.8, 2),
        new Field("Chamaeleon I", 167.00, -77.50, 1.0, 1),
        new Field("Cassiopeia A region", 350.85, 58.82, 2.0, 1),
    };

    private static final double[] FIELD_CUM;

    static {
        FIELD_CUM = new double[FIELDS.length];
        double s = 0;
        for (int i = 0; i < FIELDS.length; i++) {
            s += FIELDS[i].weight();
            FIELD_CUM[i] = s;
        }
        for (int i = 0; i < FIELDS.length; i++) {
            FIELD_CUM[i] /= s;
        }
    }

    // ICRS -> Galactic rotation matrix (Hipparcos convention)
    private static final double[][] GAL = {
        { -0.0548755604162154, -0.8734370902348850, -0.4838350155487132 },
        { 0.4941094278755837, -0.4448296299600112, 0.7469822444972189 },
        { -0.8676661490190047, -0.1980763734312015, 0.4559837761750669 },
    };

    private static final String[][] CAM_FILTERS = {
        { "LW1", "4.0", "5.0" }, { "LW2", "5.0", "8.5" }, { "LW3", "12.0", "18.0" }, { "LW4", "5.5", "6.5" },
        { "LW5", "6.5", "7.0" }, { "LW6", "7.0", "8.5" }, { "LW7", "8.5", "10.7" }, { "LW8", "10.7", "12.0" },
        { "LW9", "14.0", "16.0" }, { "LW10", "8.0", "15.0" },
    };
    private static final String[][] P03_FILTERS = {
        { "P_3.6", "3.3", "3.9" }, { "P_11.5", "10.0", "13.0" }, { "P_25", "20.0", "30.0" }, { "P_60", "48.0", "73.0" },
    };
    private static final String[][] P22_FILTERS = {
        { "C_60", "48.0", "73.0" }, { "C_90", "65.0", "115.0" }, { "C_105", "85.0", "125.0" },
    };
    private static final String[][] P32_FILTERS = {
        { "C_160", "130.0", "218.0" }, { "C_180", "150.0", "210.0" }, { "C_200", "170.0", "239.0" },
    };
    private static final String[] OBJECT_TYPES = {
        "Galaxy", "Star", "Variable Star", "HII Region", "Planetary Nebula", "Molecular Cloud",
        "Young Stellar Object", "Star Forming Region", "Evolved Star", "Interstellar Medium",
    };
    private static final int[] SWS01_DURATION = { 0, 1140, 1912, 3454, 6538 };

    /** Fills observations from one random stream. */
    static final class Gen {
        private final SplittableRandom rng;
        private final String comment;

        Gen(long seed, String comment) {
            this.rng = new SplittableRandom(seed);
            this.comment = comment;
        }

        double gauss() {
            // Marsaglia polar method on nextDouble(): reproducible on every JDK
            double u, v, s;
            do {
                u = 2 * rng.nextDouble() - 1;
                v = 2 * rng.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            return u * Math.sqrt(-2 * Math.log(s) / s);
        }

        double uniform(double lo, double hi) {
            return lo + (hi - lo) * rng.nextDouble();
        }

        Aot aot() {
            double u = rng.nextDouble();
            double v = rng.nextDouble();
            if (u < 0.35) {
                return v < 0.58 ? Aot.C01 : v < 0.66 ? Aot.C03 : v < 0.80 ? Aot.C04 : v < 0.96 ? Aot.CPAR : Aot.C63;
            } else if (u < 0.60) {
                return v < 0.35 ? Aot.P03 : v < 0.65 ? Aot.P22 : v < 0.85 ? Aot.P32 : Aot.P40;
            } else if (u < 0.80) {
                return v < 0.5 ? Aot.S01 : v < 0.85 ? Aot.S02 : Aot.S07;
            } else {
                return v < 0.75 ? Aot.L01 : Aot.LPAR;
            }
        }

        /** A sky position {ra, dec} in degrees, never near M31. */
        double[] position() {
            while (true) {
                double[] p = rawPosition();
                if (Math.abs(p[1] - M31_DEC) > M31_EXCLUSION_DEG
                    || Sky.sep(p[0], p[1], M31_RA, M31_DEC) > M31_EXCLUSION_DEG) {
                    return p;
                }
            }
        }

        private double[] rawPosition() {
            double u = rng.nextDouble();
            if (u < 0.30) {
                double l = rng.nextDouble() < 0.5 ? 40.0 * gauss() : uniform(0, 360);
                double b = 1.5 * gauss();
                return fromGalactic(l, b);
            } else if (u < 0.55) {
                double w = rng.nextDouble();
                int i = 0;
                while (i < FIELDS.length - 1 && FIELD_CUM[i] < w) {
                    i++;
                }
                Field f = FIELDS[i];
                return Sky.offset(f.ra(), f.dec(), f.sigma() * gauss(), f.sigma() * gauss());
            } else if (u < 0.555) {
                double r = 1.5 * Math.sqrt(rng.nextDouble());
                double t = uniform(0, 2 * Math.PI);
                double pole = rng.nextDouble() < 0.6 ? 90.0 : -90.0;
                return Sky.offset(0.0, pole, r * Math.cos(t), r * Math.sin(t));
            } else {
                double ra = uniform(0, 360);
                double dec = Math.asin(uniform(-1, 1)) * Sky.R2D;
                return new double[] { ra, dec };
            }
        }

        /** Fills a new observation with TDT {@code tdt}. */
        Obs next(int tdt) {
            Obs o = new Obs();
            Aot a = aot();
            double[] p = position();
            o.aot = a;
            o.tdt = tdt;
            o.revno = tdt / 100000;
            o.obsno = tdt * 10 + (a.parallel() ? 1 : 0);
            o.calibration = !a.parallel() && rng.nextDouble() < 0.03;
            o.setRaDegrees(p[0]);
            o.dec = Sky.round(p[1], 7);
            o.cra = o.raDeg;
            o.cdec = o.dec;
            o.croll = Sky.round(uniform(0, 360), 2);
            String jn = Sky.jname("", p[0], p[1]);
            o.target = o.calibration ? "" : a.parallel() ? "Near " + jn : jn;
            o.comment = comment;
            o.objectType = o.calibration ? null : OBJECT_TYPES[rng.nextInt(OBJECT_TYPES.length)];
            o.propid = o.calibration ? "CALIB" : "SYN" + Obs.pad(rng.nextInt(400), 3);
            o.obsid = "O" + Obs.pad(1 + rng.nextInt(99), 2);
            o.targetno = 1 + rng.nextInt(60);
            o.startSec = Obs.startSecFor(tdt);
            o.hpdp = (short) (rng.nextDouble() < 0.03 ? 1 : 0);
            o.usredata = (short) (rng.nextDouble() < 0.01 ? 1 : 0);
            o.numPublications = rng.nextDouble() < 0.7 ? 0 : 1 + rng.nextInt(5);
            spectral(o, a);
            footprint(o, a);
            o.product = o.calibration ? null : a.product;
            o.sizeKb = size(o);
            return o;
        }

        private void spectral(Obs o, Aot a) {
            o.emMinUm = a.emMinUm;
            o.emMaxUm = a.emMaxUm;
            o.resPower = a.resPower;
            o.durationSec = 600 + 100 * rng.nextInt(40);
            String[] f = null;
            switch (a.code) {
                case "S01" -> {
                    int sp = 1 + rng.nextInt(4);
                    o.speed = sp;
                    o.durationSec = SWS01_DURATION[sp];
                    o.resPower = sp <= 2 ? 250 : sp == 3 ? 500 : 1000;
                }
                case "S02" -> {
                    double c = uniform(2.4, 45.0);
                    o.emMinUm = Sky.round(c * 0.99, 4);
                    o.emMaxUm = Sky.round(c * 1.01, 4);
                }
                case "S07" -> {
                    double c = uniform(11.4, 44.5);
                    o.emMinUm = Sky.round(c * 0.998, 4);
                    o.emMaxUm = Sky.round(c * 1.002, 4);
                }
                case "C01", "C03", "C//", "C63" -> f = CAM_FILTERS[rng.nextInt(CAM_FILTERS.length)];
                case "P03" -> f = P03_FILTERS[rng.nextInt(P03_FILTERS.length)];
                case "P22" -> f = P22_FILTERS[rng.nextInt(P22_FILTERS.length)];
                case "P32" -> f = P32_FILTERS[rng.nextInt(P32_FILTERS.length)];
                default -> { }
            }
            if (f != null) {
                setFilter(o, f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            } else if (a.code.equals("C04")) {
                o.filter = "CVF";
            }
        }

        private void footprint(Obs o, Aot a) {
            double w = a.widthDeg;
            double h = a.heightDeg;
            boolean raster = false;
            double r = rng.nextDouble();
            switch (a.code) {
                case "C01" -> raster = r < 0.10;
                case "P22" -> raster = r < 0.10;
                case "P32" -> raster = true;
                case "L01" -> raster = r < 0.03;
                default -> { }
            }
            double rw = w;
            double rh = h;
            if (raster) {
                double max = rng.nextDouble() < 0.15 ? 0.5 : a.instrument == 'L' ? 0.2 : 0.3;
                rw = Sky.round(uniform(Math.max(w, 0.05), max), 3);
                rh = Sky.round(uniform(Math.max(h, 0.05), max), 3);
            }
            setFootprint(o, a, w, h, raster, rw, rh);
            double pix = a.code.equals("P32") ? 15.0 : a.resolutionArcsec;
            o.pixelArcsec = pix;
            if ("image".equals(a.product)) {
                o.naxis1 = Math.max(1, (int) Math.round(rw * 3600 / pix));
                o.naxis2 = Math.max(1, (int) Math.round(rh * 3600 / pix));
                if (a.instrument == 'C' && !raster) {
                    o.naxis1 = 32;
                    o.naxis2 = 32;
                }
            }
        }

        private long size(Obs o) {
            if (o.product == null) {
                return 0;
            }
            return switch (o.product) {
                case "image" -> 6 + (o.naxis1 * (long) o.naxis2 * 4 + 1023) / 1024;
                case "cube" -> 6 + 32L * 32 * o.aot.emXel * 4 / 1024;
                default -> 10 + o.aot.emXel / 20 + rng.nextInt(20);
            };
        }
    }

    static void setFilter(Obs o, String name, double min, double max) {
        o.filter = name;
        o.emMinUm = min;
        o.emMaxUm = max;
        o.resPower = Sky.round((min + max) / 2 / (max - min), 2);
    }

    /**
     * Sets s_region (aperture), s_region_fov (aperture or raster), fov and its
     * diameter, for an observation whose position and roll are set.
     */
    static void setFootprint(Obs o, Aot a, double w, double h, boolean raster, double rw, double rh) {
        double ra = o.raDeg;
        double dec = o.dec;
        double roll = o.croll == null ? 0 : o.croll;
        Sky.Poly ap = a.shape == Aot.Shape.CIRCLE ? Sky.circle(ra, dec, w / 2) : Sky.rect(ra, dec, w, h, roll);
        o.region = Sky.stcs(ap);
        Sky.Poly fov = ap;
        double halfDiag;
        if (raster) {
            fov = Sky.rect(ra, dec, rw, rh, roll);
            o.regionFov = Sky.stcs(fov);
            halfDiag = Math.hypot(rw, rh) / 2;
        } else {
            o.regionFov = o.region;
            halfDiag = a.shape == Aot.Shape.CIRCLE ? w / 2 / Math.cos(Math.PI / 12) : Math.hypot(w, h) / 2;
        }
        o.fovPg = Sky.pgsphere(fov);
        o.fovDiameter = 2 * halfDiag;
    }

    static double[] fromGalactic(double lDeg, double bDeg) {
        double l = lDeg * Sky.D2R;
        double b = bDeg * Sky.D2R;
        double gx = Math.cos(b) * Math.cos(l);
        double gy = Math.cos(b) * Math.sin(l);
        double gz = Math.sin(b);
        double x = GAL[0][0] * gx + GAL[1][0] * gy + GAL[2][0] * gz;
        double y = GAL[0][1] * gx + GAL[1][1] * gy + GAL[2][1] * gz;
        double z = GAL[0][2] * gx + GAL[1][2] * gy + GAL[2][2] * gz;
        double ra = Math.atan2(y, x) * Sky.R2D;
        if (ra < 0) {
            ra += 360;
        }
        return new double[] { ra, Math.asin(Math.max(-1, Math.min(1, z))) * Sky.R2D };
    }
}
