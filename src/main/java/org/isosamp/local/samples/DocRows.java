package org.isosamp.local.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * The observations whose values the astroquery.esa.iso documentation prints,
 * hand-written: the 49-row M31 cone on ida.observations (20 rows printed, 29
 * invented to fill the documented row count), the 4 ivoa.ssap and 4 ivoa.siap
 * M31 rows, the revolution-800 SWS query (8 rows) and the download/postcard
 * examples 80000203, 80001538 and 58002102. Printed values (tdt, ra in hours,
 * dec, aotname, target, obsno) are verbatim; every other value is synthetic.
 */
final class DocRows {

    static final String PRINTED = "documented row (astroquery.esa.iso docs): tdt, ra, dec, aotname,"
        + " target as printed; all other values synthetic";
    static final String FILLER = "synthetic sample row completing a documented query result"
        + " (not ISO data)";
    static final String EXAMPLE = "documented example TDT (astroquery.esa.iso docs); position,"
        + " target and all other values synthetic";
    static final String REV800 = "documented row (astroquery.esa.iso docs): tdt, revno, aotname, ra,"
        + " dec as printed; target and all other values synthetic";
    static final String FROM_VO = "synthetic sample row completing a documented query result; ra, dec"
        + " and target as in a documented ivoa.ssap/siap row, all other values synthetic";
    static final String LWS_EXAMPLE = "documented spectrum example (download of TDT 58002102, SSAP obsno"
        + " 580020010); ra, dec and target as in the documented ivoa.ssap row, all other values synthetic";

    /** Cone of the documentation's M31 queries. */
    static final double CONE_RA = 10.68470833;
    static final double CONE_DEC = 41.26875;
    static final double CONE_R = 0.08333333333333333;
    /** Footprints of cone rows are made to reach this close to the cone centre (deg). */
    private static final double REACH = 0.07;

    private DocRows() {
    }

    /** @return all documented observations, in CSV order. */
    static List<Obs> all() {
        List<Obs> l = new ArrayList<>();
        // ---- M31 cone, ida.observations: printed first 10 rows
        l.add(m31(43601726, "C04", 0.712305333, 41.26917, "M31", PRINTED));
        l.add(m31(43701073, "C04", 0.712305333, 41.26916, "M31", PRINTED));
        l.add(m31(43701863, "C04", 0.712305333, 41.26917, "M31", PRINTED));
        l.add(m31(58302402, "C01", 0.71225, 41.26945, "M31_LW2", PRINTED));
        l.add(m31(58302703, "C01", 0.71225, 41.26945, "M31_LW3", PRINTED));
        l.add(m31(40001501, "S01", 0.71278, 41.26997, "M31_BULGE", PRINTED));
        l.add(m31(60202005, "L01", 0.720306, 41.38386, "M31N", PRINTED));
        l.add(m31(40001621, "C04", 0.712304666, 41.26917, "M31", PRINTED));
        l.add(m31(40001622, "C04", 0.712304666, 41.26916, "M31", PRINTED));
        l.add(m31(40001717, "C04", 0.712305333, 41.26917, "M31", PRINTED));
        // ---- the 29 rows the documentation elides ("...")
        l.add(m31(40001502, "L01", 0.712780666, 41.26998, "M31_BULGE", FROM_VO));   // ssap LWS01 M31_BULGE
        Obs lws = m31(58002102, "L01", 0.712333333, 41.26902, "M31", LWS_EXAMPLE);     // ssap LWS01 M31
        lws.obsno = 580020010;   // as the documentation's SSAP URL; not tdt*10
        l.add(lws);
        l.add(m31(58302504, "C01", 0.71225, 41.26944, "M31_LW1", FROM_VO));        // siap
        l.add(m31(58302305, "C01", 0.71225, 41.26945, "M31_LW6", FROM_VO));        // siap
        l.add(m31(40001623, "C04", 0.712304666, 41.26917, "M31", FILLER));
        l.add(m31(40001718, "C04", 0.712305333, 41.26916, "M31", FILLER));
        l.add(m31(43601727, "C04", 0.712305333, 41.26916, "M31", FILLER));
        l.add(m31(43701074, "C04", 0.712305333, 41.26917, "M31", FILLER));
        l.add(m31(43701864, "C04", 0.712305333, 41.26916, "M31", FILLER));
        l.add(m31(40402302, "C04", 0.712304666, 41.26917, "M31", FILLER));
        l.add(m31(76100503, "C03", 0.712055333, 41.29, "M31 D395", FILLER));
        l.add(m31(76100505, "C03", 0.712055333, 41.29, "M31 D395", FILLER));
        l.add(m31(76100602, "C04", 0.71225, 41.26944, "M31_CVF", FILLER));
        l.add(m31(76100603, "C04", 0.71225, 41.26945, "M31_CVF", FILLER));
        l.add(m31(76100708, "P03", 0.714, 41.31, "M31_PAH", FILLER));
        l.add(m31(43600915, "P03", 0.712305333, 41.26917, "M31", FILLER));
        l.add(m31(43600916, "P03", 0.712305333, 41.26917, "M31", FILLER));
        l.add(m31(40001501, "C//", 0.713110000, 41.24500, "Near M31_BULGE", FILLER));
        l.add(m31(40001502, "C//", 0.713110000, 41.24500, "Near M31_BULGE", FILLER));
        l.add(m31(58002102, "C//", 0.711400000, 41.30100, "Near M31", FILLER));
        l.add(m31(43600915, "C//", 0.714500000, 41.23800, "Near M31", FILLER));
        l.add(m31(58302703, "L//", 0.714600000, 41.29900, "Near M31_LW3", FILLER));
        l.add(m31(43601726, "L//", 0.710100000, 41.24000, "Near M31", FILLER));
        l.add(m31(43701073, "L//", 0.710200000, 41.30400, "Near M31", FILLER));
        l.add(m31(40001621, "L//", 0.714300000, 41.24100, "Near M31", FILLER));
        l.add(m31(76100601, "L//", 0.711000000, 41.29500, "Near M31_CVF", FILLER));
        l.add(m31(43701863, "L//", 0.713900000, 41.30700, "Near M31", FILLER));
        l.add(m31(40001717, "L//", 0.710500000, 41.27800, "Near M31", FILLER));
        l.add(m31(43701074, "L//", 0.714000000, 41.26100, "Near M31", FILLER));
        // ---- printed last 10 rows
        l.add(m31(58302603, "C//", 0.719229923, 41.047816169, "Near M31S", PRINTED));
        l.add(m31(40402302, "L//", 0.713987, 41.281959, "Near M31", PRINTED));
        l.add(m31(60202005, "C//", 0.73670327, 41.310155308, "Near M31N", PRINTED));
        l.add(m31(58302305, "L//", 0.697341, 41.375848, "Near M31_LW6", PRINTED));
        l.add(m31(58302402, "L//", 0.697336, 41.37576, "Near M31_LW2", PRINTED));
        l.add(m31(58302504, "L//", 0.697331, 41.375662, "Near M31_LW1", PRINTED));
        l.add(m31(76100601, "C04", 0.71225, 41.26944, "M31_CVF", PRINTED));
        l.add(m31(76100504, "C03", 0.712055333, 41.29, "M31 D395", PRINTED));
        l.add(m31(76100708, "C//", 0.722799457, 41.430336366, "Near M31_PAH", PRINTED));
        Obs nul = base(76196300, "C63", null, null, "", PRINTED);
        nul.calibration = true;
        nul.product = null;
        nul.croll = null;
        // no pointing is known, only the field covered: draw it around a made-up centre, then forget the centre
        nul.raDeg = 10.7;
        nul.dec = 41.25;
        nul.croll = 0.0;
        SyntheticArchive.setFootprint(nul, nul.aot, nul.aot.widthDeg, nul.aot.heightDeg, false, 0, 0);
        nul.raDeg = null;
        nul.dec = null;
        nul.croll = null;
        nul.region = null;
        l.add(nul);

        // ---- outside the cone: prime of the printed "Near M31S" parallel (an SSAP row elsewhere)
        l.add(place(base(58302603, "L01", 0.7135, 40.98, "M31S", FILLER)));

        // ---- revolution 800: printed SWS rows with a target
        Obs s2247 = rev800(80002247, "S07", 2.428012666, 62.09789);
        Obs s0104 = rev800(80000104, "S01", 16.477365333, 41.88163);
        Obs s2304 = rev800(80002304, "S07", 2.428013333, 62.09789);
        l.add(s2247);
        l.add(rev800(80002014, "S02", 0.901055333, 73.08528));
        l.add(rev800(80002504, "S01", 2.74033, 55.18761));
        l.add(rev800(80000828, "S02", 21.035861333, 68.15064));
        l.add(s0104);
        l.add(rev800(80000938, "S01", 21.691944, 76.37833));
        l.add(s2304);
        l.add(rev800(80002450, "S01", 2.550044, 58.03472));
        // ---- revolution 800: rows the query must exclude
        Obs cam = place(base(80001538, "C01", 2.2, 61.5, null, EXAMPLE));   // STANDALONE image + postcard example
        cam.target = Sky.jname("", cam.raDeg, cam.dec);
        l.add(cam);
        Obs pht = base(80000203, "P22", 2.61, 60.93, null, EXAMPLE);       // OBSERVATION tar example (EXTRAKON HPDP)
        pht.target = Sky.jname("", pht.raDeg, pht.dec);
        pht.hpdp = 1;
        SyntheticArchive.setFilter(pht, "C_105", 85.0, 125.0);
        l.add(place(pht));
        Obs lws800 = base(80002248, "L01", 2.428012666, 62.09789, s2247.target, FILLER);
        l.add(place(lws800));
        l.add(place(base(80002304, "C//", 2.43, 62.16, "Near " + s2304.target, FILLER)));  // parallel of 80002304
        l.add(place(base(80000104, "C//", 16.479, 41.95, "Near " + s0104.target, FILLER))); // parallel of 80000104
        Obs cal = base(80000939, "S02", 21.3, 70.2, "", FILLER);     // SWS calibration, empty target
        cal.calibration = true;
        cal.product = null;
        cal.propid = "CALIB";
        l.add(place(cal));
        return l;
    }

    /** A documented observation with standard values for everything the docs don't print. */
    static Obs base(int tdt, String aotCode, Double raH, Double dec, String target, String comment) {
        Aot a = Aot.of(aotCode);
        Obs o = new Obs();
        o.tdt = tdt;
        o.aot = a;
        o.revno = tdt / 100000;
        o.obsno = tdt * 10 + (a.parallel() ? 1 : 0);
        o.setRaHours(raH);
        o.dec = dec;
        o.cra = o.raDeg;
        o.cdec = dec;
        o.croll = Sky.round((tdt % 3571) * 360.0 / 3571, 2);
        o.target = target;
        o.comment = comment;
        o.calibration = false;
        o.objectType = target != null && target.contains("M31") ? "Galaxy" : null;
        o.propid = "SYNDOC";
        o.obsid = "O" + Obs.pad(tdt % 100, 2);
        o.targetno = 1 + tdt % 7;
        o.startSec = Obs.startSecFor(tdt);
        o.durationSec = 800 + (tdt % 37) * 100;
        o.emMinUm = a.emMinUm;
        o.emMaxUm = a.emMaxUm;
        o.resPower = a.resPower;
        o.pixelArcsec = a.resolutionArcsec;
        if (a.code.equals("S01")) {
            o.speed = 1 + tdt % 4;
            o.durationSec = new int[] { 0, 1140, 1912, 3454, 6538 }[o.speed];
        }
        if (a.instrument == 'C') {
            if (a.code.equals("C04")) {
                o.filter = "CVF";
            } else {
                String f = target != null && target.matches(".*_LW\\d+") ? target.substring(target.lastIndexOf('_') + 1) : "LW2";
                double[] r = switch (f) {
                    case "LW1" -> new double[] { 4.0, 5.0 };
                    case "LW3" -> new double[] { 12.0, 18.0 };
                    case "LW6" -> new double[] { 7.0, 8.5 };
                    default -> new double[] { 5.0, 8.5 };
                };
                SyntheticArchive.setFilter(o, f, r[0], r[1]);
            }
        } else if (a.code.equals("P03")) {
            SyntheticArchive.setFilter(o, "P_11.5", 10.0, 13.0);
        }
        o.product = a.product;
        o.numPublications = tdt % 3;
        return o;
    }

    /** Draws the standard aperture footprint (no raster). */
    private static Obs place(Obs o) {
        SyntheticArchive.setFootprint(o, o.aot, o.aot.widthDeg, o.aot.heightDeg, false, 0, 0);
        sizes(o);
        return o;
    }

    /**
     * An M31 cone row: aperture footprint, or, if the aperture does not reach the
     * cone, the smallest square raster (0.01 deg steps) that does.
     */
    private static Obs m31(int tdt, String aot, double raH, double dec, String target, String comment) {
        Obs o = base(tdt, aot, raH, dec, target, comment);
        Aot a = o.aot;
        SyntheticArchive.setFootprint(o, a, a.widthDeg, a.heightDeg, false, 0, 0);
        double size = 0.05;
        while (distanceToCone(o) > REACH) {
            size = Sky.round(size + 0.01, 2);
            if (size > 0.5) {
                throw new IllegalStateException("no footprint up to 0.5 deg reaches the cone for " + tdt);
            }
            SyntheticArchive.setFootprint(o, a, a.widthDeg, a.heightDeg, true, size, size);
        }
        sizes(o);
        return o;
    }

    private static double distanceToCone(Obs o) {
        String[] t = o.regionFov.split(" ");
        int n = (t.length - 2) / 2;
        Sky.Poly p = new Sky.Poly(n);
        for (int i = 0; i < n; i++) {
            p.ra[i] = Double.parseDouble(t[2 + 2 * i]);
            p.dec[i] = Double.parseDouble(t[3 + 2 * i]);
        }
        return Sky.distance(p, CONE_RA, CONE_DEC);
    }

    private static void sizes(Obs o) {
        if ("image".equals(o.product)) {
            o.naxis1 = 32;
            o.naxis2 = 32;
            o.sizeKb = 9;
        } else if ("spectrum".equals(o.product)) {
            o.sizeKb = 10 + o.aot.emXel / 20;
        } else if ("cube".equals(o.product)) {
            o.sizeKb = 6 + 32L * 32 * o.aot.emXel * 4 / 1024;
        }
    }

    private static Obs rev800(int tdt, String aot, double raH, double dec) {
        Obs o = base(tdt, aot, raH, dec, null, REV800);
        o.target = Sky.jname("", o.raDeg, dec);
        return place(o);
    }
}
