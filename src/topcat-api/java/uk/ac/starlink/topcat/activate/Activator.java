package uk.ac.starlink.topcat.activate;

import uk.ac.starlink.topcat.Outcome;

/** Compile stub of TOPCAT 4.8.7's {@code Activator} (see this source root's README.md). */
public interface Activator {

    boolean invokeOnEdt();

    Outcome activateRow(long lrow, ActivationMeta meta);
}
