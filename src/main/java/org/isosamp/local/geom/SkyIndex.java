package org.isosamp.local.geom;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2RegionCoverer;
import java.util.ArrayList;

/**
 * The local archive's spatial index: S2 cell coverings at one fixed level.
 *
 * <p>Every row of a table with a footprint or position is listed in a hidden
 * side table under each level-{@value #LEVEL} S2 cell (about 0.08 degrees
 * across) that its <em>row cap</em> touches: a cap holding both its footprint
 * and its position. A cone query looks up the cells covering its own cap: if
 * the cone meets a row's footprint or position, the two caps share a point, so
 * the two coverings share that point's cell, and the row is a candidate. The
 * exact spherical predicate then runs on the candidates only. Coverings are
 * conservative (S2's coverer never leaves part of a cap uncovered), so no row is
 * ever lost; RA wrap and the poles need no special case.
 *
 * <p>A row whose cap would need more than {@value #MAX_ROW_CELLS} cells is
 * listed under {@link #EVERYWHERE} instead, which every query includes. A query
 * cap needing more than {@value #MAX_QUERY_CELLS} cells gets no prefilter (a
 * full scan; such cones are several degrees wide). Thread-safe (stateless).
 */
public final class SkyIndex {

    /** S2 level of the index cells. */
    public static final int LEVEL = 10;

    /** The pseudo-cell of rows too large to cover (0 is not a valid S2 cell id). */
    public static final long EVERYWHERE = 0L;

    /** Most cells a row is listed under before it goes to {@link #EVERYWHERE}. */
    public static final int MAX_ROW_CELLS = 512;

    /** Most cells a query may look up before it gets no prefilter. */
    public static final int MAX_QUERY_CELLS = 4096;

    /** Widening of every cap against rounding, radians (about 0.2 milliarcseconds). */
    private static final double MARGIN_RAD = 1e-9;

    private static final S2RegionCoverer COVERER = S2RegionCoverer.builder()
        .setMinLevel(LEVEL).setMaxLevel(LEVEL).setMaxCells(64).build();

    private SkyIndex() {
    }

    /**
     * The cells a row is listed under.
     *
     * @param raDeg     centre of the row cap, degrees
     * @param decDeg    centre of the row cap, degrees
     * @param radiusDeg radius of the row cap, degrees (0 for a bare position)
     * @return its covering, or {@code {EVERYWHERE}} when that would exceed {@link #MAX_ROW_CELLS}
     */
    public static long[] rowCells(double raDeg, double decDeg, double radiusDeg) {
        long[] cells = cover(raDeg, decDeg, radiusDeg, MAX_ROW_CELLS);
        return cells == null ? new long[] { EVERYWHERE } : cells;
    }

    /**
     * The cells a cone query looks up.
     *
     * @return its covering plus {@link #EVERYWHERE}, or null when the cone is too
     *         large for the index (more than {@link #MAX_QUERY_CELLS} cells)
     */
    public static long[] queryCells(double raDeg, double decDeg, double radiusDeg) {
        long[] cells = cover(raDeg, decDeg, radiusDeg, MAX_QUERY_CELLS);
        if (cells == null) {
            return null;
        }
        long[] withEverywhere = java.util.Arrays.copyOf(cells, cells.length + 1);
        withEverywhere[cells.length] = EVERYWHERE;
        return withEverywhere;
    }

    /** @return the level-{@value #LEVEL} covering of a cap, or null if more than {@code max} cells */
    static long[] cover(double raDeg, double decDeg, double radiusDeg, int max) {
        if (Double.isNaN(raDeg) || Double.isNaN(decDeg) || !(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("cap centre (" + raDeg + ", " + decDeg + ") is not on the sky");
        }
        if (!(radiusDeg >= 0)) {
            throw new IllegalArgumentException("radius (" + radiusDeg + ") must be non-negative");
        }
        if (radiusDeg >= 180) {
            return null;
        }
        // a cell is about 0.08 deg across: estimate before asking S2 for thousands of cells
        double cellDeg = 0.06;
        double estimate = Math.PI * Math.pow(radiusDeg / cellDeg + 1, 2);
        if (estimate > 4.0 * max) {
            return null;
        }
        S2Cap cap = S2Cap.fromAxisAngle(S2LatLng.fromDegrees(decDeg, raDeg).toPoint(),
                                        S1Angle.radians(Math.toRadians(radiusDeg) + MARGIN_RAD));
        ArrayList<S2CellId> ids = new ArrayList<>();
        COVERER.getCovering(cap, ids);
        if (ids.size() > max) {
            return null;
        }
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i).id();
        }
        return out;
    }
}
