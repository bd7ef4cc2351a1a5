package uk.ac.starlink.topcat.activate;

import java.awt.event.ActionListener;
import javax.swing.JComponent;
import uk.ac.starlink.topcat.ActionForwarder;

/** Compile stub of TOPCAT 4.8.7's {@code AbstractActivatorConfigurator} (see this source root's README.md). */
public abstract class AbstractActivatorConfigurator implements ActivatorConfigurator {

    protected AbstractActivatorConfigurator(JComponent panel) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public JComponent getPanel() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public void addActionListener(ActionListener listener) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public void removeActionListener(ActionListener listener) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    protected ActionForwarder getActionForwarder() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
