package org.isosamp.local.products;

/**
 * What the product generator needs to know about one observation of
 * {@code ida.observations}.
 *
 * @param tdt      8-digit TDT as a string, e.g. {@code "80001538"}
 * @param obsno    9-digit observation number (TDT + one digit), e.g. {@code "800015380"}
 * @param revno    revolution
 * @param aotname  AOT, e.g. {@code S01}, {@code C01}, {@code L01}; first letter = instrument
 * @param target   target name, may be empty (calibrations)
 * @param raDeg    right ascension in degrees, or null
 * @param decDeg   declination in degrees, or null
 */
public record ObservationInfo(String tdt, String obsno, int revno, String aotname, String target,
                              Double raDeg, Double decDeg) {
}
