package uk.ac.starlink.topcat;

/** Compile stub of TOPCAT 4.8.7's {@code AuxWindow}, a {@code JFrame} (see this source root's README.md). */
public class AuxWindow extends javax.swing.JFrame {
    private static final long serialVersionUID = 1L;

    AuxWindow() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
