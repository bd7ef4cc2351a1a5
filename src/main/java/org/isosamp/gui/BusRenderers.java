package org.isosamp.gui;

import java.awt.Component;
import java.util.TreeSet;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;
import javax.swing.ListCellRenderer;
import org.isosamp.samp.SampPeer;

/** How the bus panel's lists show their items. Swing: use on the event thread. */
final class BusRenderers {

    private BusRenderers() {
    }

    /** @return the client list's renderer: {@code SPLAT-VO: spectrum}, its id and every MType as a tooltip */
    static ListCellRenderer<Object> clients() {
        return new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean sel,
                                                          boolean focus) {
                Object shown = value instanceof SampPeer p ? BusTakes.describe(p) : value;
                Component c = super.getListCellRendererComponent(list, shown, index, sel, focus);
                if (value instanceof SampPeer p) {
                    setToolTipText(p.id() + " takes " + String.join(" ", new TreeSet<>(p.subscriptions())));
                }
                return c;
            }
        };
    }

    /** @return the recipient chooser's renderer: a client by its name */
    static ListCellRenderer<Object> recipients() {
        return new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean sel,
                                                          boolean focus) {
                return super.getListCellRendererComponent(list, value instanceof SampPeer p ? p.name() : value,
                                                          index, sel, focus);
            }
        };
    }

    /** @return the log's renderer: each line, in full as its tooltip (long lines are cut by the width) */
    static ListCellRenderer<Object> logLines() {
        return new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean sel,
                                                          boolean focus) {
                Component c = super.getListCellRendererComponent(list, value, index, sel, focus);
                setToolTipText(String.valueOf(value));
                return c;
            }
        };
    }
}
