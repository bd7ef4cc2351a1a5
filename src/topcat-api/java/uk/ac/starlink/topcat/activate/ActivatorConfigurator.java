package uk.ac.starlink.topcat.activate;

import java.awt.event.ActionListener;
import javax.swing.JComponent;
import uk.ac.starlink.topcat.Safety;

/** Compile stub of TOPCAT 4.8.7's {@code ActivatorConfigurator} (see this source root's README.md). */
public interface ActivatorConfigurator {

    JComponent getPanel();

    Activator getActivator();

    String getConfigMessage();

    void addActionListener(ActionListener listener);

    void removeActionListener(ActionListener listener);

    ConfigState getState();

    void setState(ConfigState state);

    Safety getSafety();
}
