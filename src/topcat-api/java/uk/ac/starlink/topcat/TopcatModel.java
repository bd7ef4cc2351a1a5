package uk.ac.starlink.topcat;

/** Compile stub of TOPCAT 4.8.7's {@code TopcatModel}, the members iso-samp uses (see this source root's README.md). */
public class TopcatModel {

    private TopcatModel() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public String getLabel() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public PlasticStarTable getDataModel() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
