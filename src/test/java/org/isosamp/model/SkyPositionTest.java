package org.isosamp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Positions as astronomers write them; names left to a resolver; nonsense refused with its reason. */
class SkyPositionTest {

    /** M31 as Simbad gives it: 00 42 44.330 +41 16 07.50. */
    private static final double RA = (42 * 60 + 44.33) / 3600.0 * 15;
    private static final double DEC = 41 + 16 / 60.0 + 7.5 / 3600;

    @ParameterizedTest
    @ValueSource(strings = {"00:42:44.33 +41:16:07.5", "00 42 44.33 +41 16 07.5", "00h42m44.33s +41d16m07.5s",
                            "0h42m44.33s 41°16'07.5\"", "00:42:44.33, +41:16:07.5", "00 42 44.33 41 16 07.5",
                            "  00:42:44.33   41:16:07.5 "})
    void sexagesimalRaIsHours(String text) {
        SkyPosition p = SkyPosition.parse(text);
        assertEquals(RA, p.raDeg(), 1e-9, text);
        assertEquals(DEC, p.decDeg(), 1e-9, text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"10.68 41.27|10.68|41.27", "10.68, -41.27|10.68|-41.27",
                                         "10.68,41.27|10.68|41.27", "0.712h +41.27d|10.68|41.27",
                                         "359.5 -90|359.5|-90", "0 90|0|90", ".5 -.25|0.5|-0.25",
                                         "12:00:00 -00:30:00|180|-0.5", "10.68d 41:16:12|10.68|41.27",
                                         "10.68deg 41.27deg|10.68|41.27"})
    void decimalRaIsDegreesUnlessMarkedInHours(String text, double ra, double dec) {
        SkyPosition p = SkyPosition.parse(text);
        assertEquals(ra, p.raDeg(), 1e-9, text);
        assertEquals(dec, p.decDeg(), 1e-9, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"M31", "m 31", "NGC 1068", "3C 273", "2MASS J00424433+4116074", "1ES 1959+650",
                            "Near M31", "M31_BULGE", "eta Car"})
    void namesAreLeftToAResolver(String text) {
        assertEquals(Optional.empty(), SkyPosition.parseIfCoordinates(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "400 41.27|RA (400) must be within [0, 360) degrees",
        "360 0|RA (360) must be within [0, 360) degrees",
        "10 95|Dec (95) must be within [-90, 90] degrees",
        "10 -90.5|Dec (-90.5) must be within [-90, 90] degrees",
        "24:00:00 +41:00:00|RA \"24:00:00\" must be within [0, 24) hours",
        "00:61:00 +41:00:00|minutes and seconds must be below 60",
        "00:42:44.3 +41:16:60|minutes and seconds must be below 60",
        "-10 41|RA \"-10\" has a sign",
        "10.68|give RA and Dec",
        "1 2 3 4 5|give RA and Dec",
        "10 +20 -30|give RA and Dec",
        "10 41h|Dec \"41h\" is in hours"})
    void aBadPositionIsRefusedWithItsReason(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                                  () -> SkyPosition.parseIfCoordinates(text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void theConstructorRefusesWhatParseRefuses() {
        assertThrows(IllegalArgumentException.class, () -> new SkyPosition(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new SkyPosition(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> SkyPosition.parse("M31"));
        assertThrows(IllegalArgumentException.class, () -> SkyPosition.parse(" "));
    }

    @Test
    void printedInDegreesWithFiveDecimalsAndASignedDec() {
        assertEquals("10.68471 +41.26875", new SkyPosition(10.684708333, 41.26875).toString());
        assertEquals("0.00000 -0.50000", new SkyPosition(0, -0.5).toString());
    }
}
