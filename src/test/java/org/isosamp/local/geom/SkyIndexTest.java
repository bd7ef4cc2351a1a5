package org.isosamp.local.geom;

import org.isosamp.testing.SkyDistance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkyIndexTest {

    static boolean share(long[] a, long[] b) {
        Set<Long> s = new HashSet<>();
        for (long x : a) {
            s.add(x);
        }
        return Arrays.stream(b).anyMatch(s::contains);
    }

    double[] randomCentre(Random r) {
        int kind = r.nextInt(4);
        double ra = r.nextDouble() * 360;
        double dec = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
        if (kind == 0) {
            ra = (r.nextDouble() - 0.5) * 0.4;                    // straddling RA 0/360
            ra = (ra + 360) % 360;
        } else if (kind == 1) {
            dec = (r.nextBoolean() ? 1 : -1) * (89.5 + r.nextDouble() * 0.5);   // near a pole
        }
        return new double[] { ra, dec };
    }

    @Test
    void intersectingCapsAlwaysShareACell() {
        Random random = new Random(20261123);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            double[] q = randomCentre(random);
            double qr = Math.pow(10, -6 + random.nextDouble() * 6.3);     // 1e-6 .. 2 deg
            double rr = random.nextBoolean() ? 0 : Math.pow(10, -5 + random.nextDouble() * 4.7); // point or cap
            // a row centre within reach of the query, on a random bearing
            double d = random.nextDouble() * (qr + rr) * 0.999;
            double bearing = random.nextDouble() * 2 * Math.PI;
            double dec = Math.max(-90, Math.min(90, q[1] + d * Math.cos(bearing)));
            double cosd = Math.max(1e-6, Math.cos(Math.toRadians(q[1])));
            double ra = ((q[0] + d * Math.sin(bearing) / cosd) % 360 + 360) % 360;
            if (SkyDistance.degrees(q[0], q[1], ra, dec) > (qr + rr) * 0.999) {
                continue;                                                 // projection left the cap
            }
            long[] query = SkyIndex.queryCells(q[0], q[1], qr);
            long[] row = SkyIndex.rowCells(ra, dec, rr);
            assertNotNull(query);
            assertTrue(share(query, row), () -> Arrays.toString(q) + " r=" + qr + " row " + ra + "," + dec);
            checked++;
        }
        assertTrue(checked > 15_000, "cases checked: " + checked);
    }

    @Test
    void everyQueryIncludesTheEverywhereCell() {
        long[] q = SkyIndex.queryCells(10.68, 41.27, 1.0 / 12);
        assertEquals(SkyIndex.EVERYWHERE, q[q.length - 1]);
        assertTrue(q.length > 2 && q.length < 40, "cells: " + q.length);
    }

    @Test
    void hugeRowsGoEverywhereAndHugeQueriesGetNoPrefilter() {
        assertArrayEquals(new long[] { SkyIndex.EVERYWHERE }, SkyIndex.rowCells(0, 0, 20));
        assertNull(SkyIndex.queryCells(0, 0, 30));
        assertEquals(1, SkyIndex.rowCells(123.4, -56.7, 0).length);
    }

    @Test
    void badCapsAreRejectedByName() {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> SkyIndex.queryCells(0, 0, -1));
        assertEquals("radius (-1.0) must be non-negative", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SkyIndex.rowCells(0, 95, 1));
        assertEquals("cap centre (0.0, 95.0) is not on the sky", e.getMessage());
    }
}
