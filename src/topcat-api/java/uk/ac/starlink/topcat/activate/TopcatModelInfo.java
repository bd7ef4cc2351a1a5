package uk.ac.starlink.topcat.activate;

import uk.ac.starlink.topcat.TopcatModel;

/** Compile stub of TOPCAT 4.8.7's {@code TopcatModelInfo}, the members iso-samp uses (see this source root's README.md). */
public class TopcatModelInfo {

    private TopcatModelInfo() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public TopcatModel getTopcatModel() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public static TopcatModelInfo createInfo(TopcatModel tcModel) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
