package uk.ac.starlink.topcat;

/** Compile stub of TOPCAT 4.8.7's {@code Safety} (see this source root's README.md). */
public enum Safety {
    SAFE,
    UNSAFE;
}
