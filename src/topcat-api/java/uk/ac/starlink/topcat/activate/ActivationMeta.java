package uk.ac.starlink.topcat.activate;

/** Compile stub of TOPCAT 4.8.7's {@code ActivationMeta} (see this source root's README.md). */
public abstract class ActivationMeta {

    public static ActivationMeta NORMAL;
    public static ActivationMeta INHIBIT_SEND;

    public ActivationMeta() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public abstract boolean isInhibitSend();
}
