package uk.ac.starlink.topcat.activate;

/** Compile stub of TOPCAT 4.8.7's {@code Suitability} (see this source root's README.md). */
public enum Suitability {
    ACTIVE,
    SUGGESTED,
    PRESENT,
    AVAILABLE,
    DISABLED,
    NONE;
}
