package org.isosamp.local.geom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SkyIndexTest {

    @Test
    void zonesCoverTheSkyFromPoleToPole() {
        assertEquals(0, SkyIndex.zone(-90));
        assertEquals(SkyIndex.MAX_ZONE, SkyIndex.zone(90));
        assertEquals(1799, SkyIndex.MAX_ZONE);
        assertEquals(900, SkyIndex.zone(0.0));
        assertEquals(899, SkyIndex.zone(-1e-9));
    }

    @Test
    void rangeClampsAtThePoles() {
        assertArrayEquals(new int[] { 0, 5 }, SkyIndex.zoneRange(-89.95, 0.5));
        assertArrayEquals(new int[] { SkyIndex.MAX_ZONE - 5, SkyIndex.MAX_ZONE },
                          SkyIndex.zoneRange(89.95, 0.5));
    }

    @Test
    void everyPointWithinTheRadiusFallsInTheRange() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            double dec = random.nextDouble() * 180 - 90;
            double r = random.nextDouble() * 2;
            double offset = (random.nextDouble() * 2 - 1) * r;
            double other = Math.max(-90, Math.min(90, dec + offset));
            int[] range = SkyIndex.zoneRange(dec, r);
            int z = SkyIndex.zone(other);
            assertTrue(z >= range[0] && z <= range[1], () -> dec + " " + r + " " + other);
        }
    }

    @Test
    void negativeRadiusIsRejected() {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> SkyIndex.zoneRange(0, -1));
        assertEquals("radius (-1.0) must be non-negative", e.getMessage());
    }
}
