package org.isosamp.local.products;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.FitsOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.isosamp.model.ProductLevel;

/**
 * OBSERVATION tars: the member plan per product level and the tar writing (commons-compress, POSIX long names,
 * fixed owner {@code idaops}/gid 0, mode 0644 and the documented 2005-12-23 member times).
 */
final class ObservationTars {

    static final String OWNER = "idaops";
    static final int OWNER_UID = 500;
    static final String DOCUMENTED_TDT = "80000203";
    static final long DOCUMENTED_ISO_NUMBER = 1659972236L;
    /** Size of each nested tar and the GIF/FITS members of the documented listing. */
    static final int NESTED_TAR_SIZE = 266240;
    static final int PICH_SIZE = 1094;
    static final int PPCH_SIZE = 5599;
    static final int PSPH_SIZE = 14400;

    private ObservationTars() {
    }

    /** One file in a tar. */
    record Member(String path, Instant mtime, byte[] data) {
    }

    /** A file produced for a product level, before it is placed under {@code ././ISO<n>/}. */
    private record Planned(String relPath, Instant mtime, byte[] data) {
    }

    /**
     * The 10-digit number of the tar's top directory and file name ({@code ISO<number>.tar}): the documented
     * 1659972236 for 80000203 DEFAULT_DATA_SET; otherwise level digit (1 = DEFAULT_DATA_SET ... 7 = ALL), the TDT in
     * 8 digits and a check digit, so names are unique per observation and level.
     */
    static String isoNumber(String tdt, ProductLevel level) {
        if (DOCUMENTED_TDT.equals(tdt) && level == ProductLevel.DEFAULT_DATA_SET) {
            return Long.toString(DOCUMENTED_ISO_NUMBER);
        }
        String t8;
        if (tdt.matches("\\d{1,8}")) {
            t8 = String.format(Locale.ROOT, "%08d", Long.parseLong(tdt));
        } else {
            t8 = String.format(Locale.ROOT, "%08d", Math.floorMod(Determinism.seed("tdt", tdt), 100_000_000L));
        }
        String body = (level.ordinal() + 1) + t8;
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** The members of an observation's tar at a level, in archive order, README_SYNTHETIC.txt last. */
    static List<Member> members(ObservationInfo obs, Instrument inst, ProductLevel level, boolean hpdp)
            throws IOException {
        String top = "././ISO" + isoNumber(obs.tdt(), level) + "/";
        List<Planned> planned = new ArrayList<>();
        switch (level) {
        case DEFAULT_DATA_SET:
            planned.addAll(hpdp ? hpdp(obs, inst) : fullyProc(obs, inst));
            break;
        case HPDP:
            if (hpdp) {
                planned.addAll(hpdp(obs, inst));
            } else {
                planned.add(new Planned("README.txt", Determinism.FILE_TIME, text(
                    "No Highly Processed Data Products (HPDP) exist for ISO observation " + obs.tdt() + ".\n"
                    + "Use product_level=DEFAULT_DATA_SET or FULLY_PROC for its pipeline products.\n"
                    + "(SYNTHETIC sample archive made by iso-samp; not real ISO data.)\n")));
            }
            break;
        case RAW_DATA:
            planned.addAll(raw(obs, inst));
            break;
        case BASIC_SCIENCE:
            planned.addAll(basic(obs, inst));
            break;
        case FULLY_PROC:
            planned.addAll(fullyProc(obs, inst));
            break;
        case QUICK_LOOK:
            planned.addAll(quickLook(obs, inst));
            break;
        case ALL:
        default:
            planned.addAll(raw(obs, inst));
            planned.addAll(basic(obs, inst));
            planned.addAll(fullyProc(obs, inst));
            planned.addAll(quickLook(obs, inst));
            if (hpdp) {
                planned.addAll(hpdp(obs, inst));
            }
            break;
        }
        List<Member> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Planned p : planned) {
            if (seen.add(p.relPath())) {
                out.add(new Member(top + p.relPath(), p.mtime(), p.data()));
            }
        }
        out.add(new Member(top + "README_SYNTHETIC.txt", Determinism.FILE_TIME, readme(obs, level)));
        return out;
    }

    static byte[] readme(ObservationInfo obs, ProductLevel level) {
        return text("SYNTHETIC SAMPLE - NOT REAL ISO DATA\n\n"
            + "This tar was generated by iso-samp's local archive in the shape of an ISO Data Archive\n"
            + "OBSERVATION retrieval (product_level=" + level + ") for observation " + obs.tdt() + ".\n"
            + "Every file in it is synthetic: made deterministically for tests and demonstrations.\n"
            + "The real ISO data are at https://nida.esac.esa.int/ (ESA ISO Data Archive).\n");
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String p(Instrument inst) {
        return String.valueOf(inst.prefix);
    }

    // ------------------------------------------------------------------ levels

    private static List<Planned> raw(ObservationInfo obs, Instrument inst) throws IOException {
        String dir = inst.name() + "_ERD//";
        Random r = Determinism.random(obs.tdt(), "OBSERVATION", "RAW_DATA");
        int n = 2048;
        double[] time = new double[n];
        short[] det = new short[n];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            time[i] = 1.0e8 + 0.5 * i;
            det[i] = (short) (i % (inst.spectrometer ? 10 : 4));
            counts[i] = 20000 + (int) (3000 * StrictMath.sin(i / 37.0)) + r.nextInt(200);
        }
        List<Planned> l = new ArrayList<>();
        l.add(new Planned(dir + p(inst) + "erd" + obs.tdt() + ".fits", Determinism.FILE_TIME,
            SyntheticFits.binaryTableFile(obs, inst, p(inst) + "erd" + obs.tdt() + ".fits", "ERD",
                new String[] {"UTK", "DET", "RAMP"}, new Object[] {time, det, counts},
                new String[] {"s", null, "adu"})));
        int m = 256;
        double[] t = new double[m];
        double[] ra = new double[m];
        double[] dec = new double[m];
        double[] roll = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = 1.0e8 + 4.0 * i;
            ra[i] = SyntheticFits.ra(obs) + 1.0e-4 * r.nextGaussian();
            dec[i] = SyntheticFits.dec(obs) + 1.0e-4 * r.nextGaussian();
            roll[i] = 90 + 0.01 * r.nextGaussian();
        }
        l.add(new Planned(dir + "irph" + obs.tdt() + ".fits", Determinism.FILE_TIME,
            SyntheticFits.binaryTableFile(obs, inst, "irph" + obs.tdt() + ".fits", "IRPH",
                new String[] {"UTK", "RA", "DEC", "ROLL"}, new Object[] {t, ra, dec, roll},
                new String[] {"s", "deg", "deg", "deg"})));
        return l;
    }

    private static List<Planned> basic(ObservationInfo obs, Instrument inst) throws IOException {
        String dir = inst.name() + "_SPD//";
        String name = p(inst) + "spd" + obs.tdt() + ".fits";
        Random r = Determinism.random(obs.tdt(), "OBSERVATION", "BASIC_SCIENCE");
        byte[] data;
        if (inst.spectrometer) {
            SyntheticFits.SpectrumModel model = new SyntheticFits.SpectrumModel(inst,
                Determinism.random(obs.tdt(), "STANDALONE", "spectrum-data"));
            double lo = inst == Instrument.LWS ? 43.0 : 2.38;
            double hi = inst == Instrument.LWS ? 196.9 : 45.2;
            int n = 3000;
            float[] wave = new float[n];
            float[] flux = new float[n];
            short[] det = new short[n];
            for (int i = 0; i < n; i++) {
                double w = lo * StrictMath.pow(hi / lo, i / (double) (n - 1));
                wave[i] = (float) w;
                flux[i] = (float) (model.flux(w) * (1 + 0.05 * r.nextGaussian()));
                det[i] = (short) (1 + (i * 10) / n);
            }
            data = SyntheticFits.binaryTableFile(obs, inst, name, "SPD", new String[] {"WAVE", "FLUX", "DET"},
                new Object[] {wave, flux, det}, new String[] {"um", SyntheticFits.fluxUnit(inst), null});
        } else {
            data = SyntheticFits.imageFile(obs, inst, SyntheticFits.imageData(64, 64, r, 100), name,
                SyntheticFits.pixelArcsec(inst) / 2, 0);
        }
        List<Planned> l = new ArrayList<>();
        l.add(new Planned(dir + name, Determinism.FILE_TIME, data));
        return l;
    }

    private static List<Planned> fullyProc(ObservationInfo obs, Instrument inst) throws IOException {
        String dir = inst.name() + "_AAR//";
        String name = p(inst) + "aar" + obs.tdt() + ".fits";
        byte[] data = inst.spectrometer ? SyntheticFits.spectrum(obs, inst) : SyntheticFits.image(obs, inst);
        List<Planned> l = new ArrayList<>();
        l.add(new Planned(dir + name, Determinism.FILE_TIME, data));
        return l;
    }

    private static List<Planned> quickLook(ObservationInfo obs, Instrument inst) throws IOException {
        String dir = inst.name() + "_QLA//";
        Random r = Determinism.random(obs.tdt(), "OBSERVATION", "QUICK_LOOK");
        float[][] img = SyntheticFits.imageData(16, 16, r, 100);
        List<Planned> l = new ArrayList<>();
        String fits = p(inst) + "qlk" + obs.tdt() + ".fits";
        l.add(new Planned(dir + fits, Determinism.FILE_TIME,
            SyntheticFits.imageFile(obs, inst, img, fits, SyntheticFits.pixelArcsec(inst) * 2, 0)));
        l.add(new Planned(dir + p(inst) + "qlk" + obs.tdt() + ".gif", Determinism.FILE_TIME,
            SyntheticGraphics.gif(img, 64, 64, 0)));
        return l;
    }

    /**
     * HPDP products. The PHT layout (used for 80000203 whatever its AOT) is the documented EXTRAKON listing with
     * its exact member sizes; other instruments get a map/spectrum and a preview GIF in their HPDP collection.
     */
    private static List<Planned> hpdp(ObservationInfo obs, Instrument inst) throws IOException {
        Instrument layout = DOCUMENTED_TDT.equals(obs.tdt()) ? Instrument.PHT : inst;
        String dir = layout.hpdpCollection + "//";
        String tdt = obs.tdt();
        List<Planned> l = new ArrayList<>();
        if (layout == Instrument.PHT) {
            Random r = Determinism.random(tdt, "OBSERVATION", "HPDP");
            float[][] img = SyntheticFits.imageData(32, 32, r, 10);
            l.add(new Planned(dir + "pich" + tdt + ".gif", Determinism.FILE_TIME,
                SyntheticGraphics.gif(img, 32, 32, PICH_SIZE)));
            l.add(new Planned(dir + "C104" + tdt + ".tar", Determinism.TAR_TIME, nestedTar(obs, layout, "c104", r)));
            l.add(new Planned(dir + "psph" + tdt + ".fits", Determinism.FILE_TIME,
                SyntheticFits.imageFile(obs, layout, img, "psph" + tdt + ".fits", 15.0, SyntheticFits.IMAGE_CARDS)));
            l.add(new Planned(dir + "ppch" + tdt + ".gif", Determinism.FILE_TIME,
                SyntheticGraphics.gif(img, 96, 96, PPCH_SIZE)));
            l.add(new Planned(dir + "C101" + tdt + ".tar", Determinism.TAR_TIME, nestedTar(obs, layout, "c101", r)));
            return l;
        }
        String stem = layout == Instrument.CAM ? "cmap" : p(layout) + "hpd";
        byte[] fits = layout.spectrometer ? SyntheticFits.spectrum(obs, layout) : SyntheticFits.image(obs, layout);
        Random r = Determinism.random(tdt, "OBSERVATION", "HPDP");
        l.add(new Planned(dir + stem + tdt + ".fits", Determinism.FILE_TIME, fits));
        l.add(new Planned(dir + stem + tdt + ".gif", Determinism.FILE_TIME,
            SyntheticGraphics.gif(SyntheticFits.imageData(32, 32, r, 10), 64, 64, 0)));
        return l;
    }

    /** A nested PHT C100 tar (map + uncertainty FITS, 175x175 float32 each): exactly 266240 bytes. */
    private static byte[] nestedTar(ObservationInfo obs, Instrument inst, String stem, Random r) throws IOException {
        List<Member> ms = new ArrayList<>();
        float[][] map = SyntheticFits.imageData(175, 175, r, 20);
        float[][] unc = new float[175][175];
        for (int y = 0; y < 175; y++) {
            for (int x = 0; x < 175; x++) {
                unc[y][x] = (float) (0.05 * StrictMath.abs(map[y][x]) + 0.1);
            }
        }
        ms.add(new Member(stem + obs.tdt() + "_map.fits", Determinism.TAR_TIME,
            SyntheticFits.imageFile(obs, inst, map, stem + obs.tdt() + "_map.fits", 15.0, 0)));
        ms.add(new Member(stem + obs.tdt() + "_unc.fits", Determinism.TAR_TIME,
            SyntheticFits.imageFile(obs, inst, unc, stem + obs.tdt() + "_unc.fits", 15.0, 0)));
        ByteArrayOutputStream bos = new ByteArrayOutputStream(NESTED_TAR_SIZE);
        write(bos, ms);
        return bos.toByteArray();
    }

    // ------------------------------------------------------------------ writing

    static TarArchiveOutputStream open(OutputStream out, int blockSize) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, blockSize, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        return tar;
    }

    static TarArchiveEntry entry(String path, long size, Instant mtime) {
        TarArchiveEntry e = new TarArchiveEntry(path, true);
        e.setSize(size);
        e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE); // 0100644: -rw-r--r--
        e.setUserName(OWNER);
        e.setUserId(OWNER_UID);
        e.setGroupName("");
        e.setGroupId(0);
        e.setModTime(mtime.toEpochMilli());
        return e;
    }

    /** Writes the members as a tar (10240-byte records, like GNU tar). */
    static void write(OutputStream out, List<Member> members) throws IOException {
        try (TarArchiveOutputStream tar = open(new NonClosing(out), TarConstants.DEFAULT_BLKSIZE)) {
            for (Member m : members) {
                tar.putArchiveEntry(entry(m.path(), m.data().length, m.mtime()));
                tar.write(m.data());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    // ------------------------------------------------------------------ large products

    /** Data bytes per FITS part of a large tar (a multiple of 2880, about 256 MiB). */
    static final long LARGE_PART_DATA = 93_206L * 2880;

    /**
     * Streams a tar of exactly {@code bytes} bytes (rounded up to a multiple of 512 and to the minimum a tar with
     * its README needs): README_SYNTHETIC.txt, FITS parts of about 256 MiB of pseudo-random bytes, then a filler
     * member of the exact remaining size. Nothing is held in memory beyond a 64 KiB buffer.
     */
    static void writeLarge(OutputStream out, ObservationInfo obs, ProductLevel level, long bytes) throws IOException {
        String top = "././ISO" + isoNumber(obs.tdt(), level) + "/";
        byte[] readme = text("SYNTHETIC SAMPLE - NOT REAL ISO DATA\n\nA large synthetic OBSERVATION tar made by "
            + "iso-samp for benchmarks (" + bytes + " bytes requested) for observation " + obs.tdt()
            + ".\nIts FITS parts hold pseudo-random bytes.\n");
        long total = roundUp(StrictMath.max(bytes, 0), 512);
        long fixed = 512 + roundUp(readme.length, 512) + 1024 + 512; // README, EOF, filler header
        total = StrictMath.max(total, fixed);
        long available = total - 1024 - 512 - roundUp(readme.length, 512);
        Instrument inst = Instrument.of(obs.aotname());
        XorShift rng = new XorShift(Determinism.seed(obs.tdt(), "OBSERVATION", level, "large", bytes));
        try (TarArchiveOutputStream tar = open(new NonClosing(out), 512)) {
            tar.putArchiveEntry(entry(top + "README_SYNTHETIC.txt", readme.length, Determinism.FILE_TIME));
            tar.write(readme);
            tar.closeArchiveEntry();
            int part = 1;
            while (true) {
                byte[] header = largePartHeader(obs, inst, part, LARGE_PART_DATA);
                long size = header.length + LARGE_PART_DATA;
                if (available < 512 + roundUp(size, 512) + 512) {
                    break;
                }
                String name = top + "LARGE//" + p(inst) + "lrg" + obs.tdt() + String.format(Locale.ROOT, "_%04d.fits", part);
                tar.putArchiveEntry(entry(name, size, Determinism.FILE_TIME));
                tar.write(header);
                stream(tar, rng, LARGE_PART_DATA);
                tar.closeArchiveEntry();
                available -= 512 + roundUp(size, 512);
                part++;
            }
            long fill = available - 512;
            tar.putArchiveEntry(entry(top + "LARGE//" + p(inst) + "lrg" + obs.tdt() + "_fill.bin", fill,
                Determinism.FILE_TIME));
            stream(tar, rng, fill);
            tar.closeArchiveEntry();
            tar.finish();
        }
    }

    private static byte[] largePartHeader(ObservationInfo obs, Instrument inst, int part, long dataBytes)
            throws IOException {
        try {
            Header h = new Header();
            h.addLine(new HeaderCard("SIMPLE", true, "conforms to FITS standard (synthetic file)"));
            h.addLine(new HeaderCard("BITPIX", 8, "bits per data element"));
            h.addLine(new HeaderCard("NAXIS", 1, "dimensionality of data"));
            h.addLine(new HeaderCard("NAXIS1", dataBytes, "pseudo-random bytes"));
            SyntheticFits.identity(h, obs, inst, "part " + part);
            SyntheticFits.synthetic(h);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (FitsOutputStream fos = new FitsOutputStream(bos)) {
                h.write(fos);
                fos.flush();
            }
            return bos.toByteArray();
        } catch (FitsException e) {
            throw new IOException("cannot build a large-product header: " + e.getMessage(), e);
        }
    }

    private static void stream(OutputStream out, XorShift rng, long n) throws IOException {
        byte[] buf = new byte[65536];
        long left = n;
        while (left > 0) {
            int len = (int) StrictMath.min(buf.length, left);
            rng.fill(buf);
            out.write(buf, 0, len);
            left -= len;
        }
    }

    static long roundUp(long n, long unit) {
        return (n + unit - 1) / unit * unit;
    }

    /** xorshift64*: a fast, fully specified generator for bulk bytes. */
    private static final class XorShift {
        private long s;

        XorShift(long seed) {
            s = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        }

        /** Fills the whole buffer (its length a multiple of 8), little-endian longs. */
        void fill(byte[] b) {
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long x = s;
            for (int i = 0; i < b.length; i += 8) {
                x ^= x >>> 12;
                x ^= x << 25;
                x ^= x >>> 27;
                bb.putLong(i, x * 0x2545F4914F6CDD1DL);
            }
            s = x;
        }
    }

    /** Keeps the tar stream's close() from closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
