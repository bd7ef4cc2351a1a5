package uk.ac.starlink.topcat;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

/** Compile stub of TOPCAT 4.8.7's {@code ActionForwarder} (see this source root's README.md). */
public class ActionForwarder implements ActionListener, ChangeListener, ListDataListener {

    public ActionForwarder() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public void addActionListener(ActionListener listener) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public void removeActionListener(ActionListener listener) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public void actionPerformed(ActionEvent evt) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public void stateChanged(ChangeEvent evt) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public void contentsChanged(ListDataEvent evt) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public void intervalAdded(ListDataEvent evt) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    @Override
    public void intervalRemoved(ListDataEvent evt) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
