package org.isosamp.topcat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Image;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.ImageIcon;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.QueryResult;
import org.isosamp.gui.BusPanel;
import org.isosamp.gui.IsoWindow;
import org.isosamp.gui.ResultsPanel;
import org.isosamp.gui.WindowSettings;
import org.isosamp.table.SkyColumns;
import org.isosamp.table.TableParameters;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.topcat.ControlWindow;
import uk.ac.starlink.topcat.TopcatToolAction;

/**
 * A {@code topcat.exttools} entry: a button (iso-samp's icon) on TOPCAT's Control Window toolbar that opens iso-samp's
 * desktop window ({@link IsoWindow}) inside TOPCAT, one per TOPCAT; a second press brings it to the front. TOPCAT
 * creates it by name ({@code -Dtopcat.exttools=org.isosamp.topcat.IsoWindowTool}) and calls {@link #setParent} with
 * its Control Window.
 *
 * <p>The window runs on TOPCAT's STIL and JSAMP and in TOPCAT's look and feel: nothing here installs one (FlatLaf is
 * installed only by {@code iso-samp gui}). Closing it disposes it (its searches stop, its settings are saved), TOPCAT
 * runs on. The window does not offer to start a SAMP hub: TOPCAT runs or finds one. Its menu "TOPCAT" loads the
 * results shown into TOPCAT's table list, sky columns in degrees first as the load dialog gives them
 * ({@link SkyColumns#forTopcat}).
 *
 * <p>The archive first shown is the one {@code iso-samp topcat} chose ({@value ArchiveSettings#PROPERTY}; {@code local}
 * is the archive it runs beside TOPCAT, {@value ArchiveSettings#LOCAL_PROPERTY}), else the one the window remembers.
 *
 * <p>Swing: TOPCAT calls it on the event thread.
 */
public final class IsoWindowTool extends AbstractAction implements TopcatToolAction {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IsoWindowTool.class.getName());

    /** The button's name (its tooltip title) and the action's {@link Action#NAME}. */
    public static final String NAME = "iso-samp";

    /** The window's menu that hands its results to TOPCAT. */
    static final String MENU = "TOPCAT";
    /** The menu item's text. */
    static final String LOAD = "Load results into TOPCAT";

    private transient Component parent;
    private transient IsoWindow window;
    private boolean opening;

    /** The toolbar action TOPCAT creates by name. */
    public IsoWindowTool() {
        super(NAME);
        putValue(SHORT_DESCRIPTION, "Search ISO's archive in iso-samp's window: observations, products, the bus");
        java.net.URL icon = IsoWindowTool.class.getResource("/META-INF/iso-samp/iso-samp-icon.png");
        if (icon != null) {
            // TOPCAT's toolbar icons are 24 px; iso-samp's is 48
            putValue(SMALL_ICON, new ImageIcon(new ImageIcon(icon).getImage()
                .getScaledInstance(24, 24, Image.SCALE_SMOOTH)));
        }
    }

    @Override
    public void setParent(Component parent) {
        this.parent = parent;
    }

    /** Opens the window, or brings it to the front (event thread). */
    @Override
    public void actionPerformed(ActionEvent e) {
        if (window != null && window.isDisplayable()) {
            window.setExtendedState(window.getExtendedState() & ~Frame.ICONIFIED);
            window.toFront();
            window.requestFocus();
            return;
        }
        if (opening) {
            return;
        }
        opening = true;
        // the settings are read from disk: not on the event thread
        Thread t = new Thread(() -> {
            WindowSettings settings = WindowSettings.user();
            String chosen = System.getProperty(ArchiveSettings.PROPERTY);
            if (chosen != null && !chosen.isBlank()) {
                settings.setArchive(DialogArchives.defaultChoice());
            }
            SwingUtilities.invokeLater(() -> open(settings));
        }, "iso-samp window tool");
        t.setDaemon(true);
        t.start();
    }

    private void open(WindowSettings settings) {
        try {
            IsoWindow w = new IsoWindow(settings);
            hideHubStart(w);
            w.getJMenuBar().add(topcatMenu(w));
            if (settings.bounds() == null) {
                placeBelow(w, parent);
            }
            window = w;
            w.setVisible(true);
        } catch (RuntimeException | LinkageError e) {
            // TOPCAT would swallow it into its log: say it where the user looks
            LOG.log(Level.WARNING, "iso-samp's window did not open", e);
            javax.swing.JOptionPane.showMessageDialog(parent, "iso-samp's window did not open: " + e, NAME,
                                                      javax.swing.JOptionPane.ERROR_MESSAGE);
        } finally {
            opening = false;
        }
    }

    /**
     * A first run (no bounds remembered): under TOPCAT's Control Window, as wide as it wants and the screen allows, so
     * that both show; where the screen is too short, as far down as fits.
     */
    private static void placeBelow(IsoWindow w, Component parent) {
        if (parent == null || !parent.isShowing()) {
            return;   // IsoWindow's own size and the platform's place
        }
        java.awt.Rectangle p = parent.getBounds();
        java.awt.GraphicsConfiguration gc = parent.getGraphicsConfiguration();
        java.awt.Rectangle screen = gc.getBounds();
        java.awt.Insets in = java.awt.Toolkit.getDefaultToolkit().getScreenInsets(gc);
        screen = new java.awt.Rectangle(screen.x + in.left, screen.y + in.top, screen.width - in.left - in.right,
                                        screen.height - in.top - in.bottom);
        int width = Math.min(w.getWidth(), screen.width);
        int height = Math.min(w.getHeight(), Math.max(500, screen.y + screen.height - (p.y + p.height)));
        height = Math.min(height, screen.height);
        int x = Math.max(screen.x, Math.min(p.x, screen.x + screen.width - width));
        int y = Math.max(screen.y, Math.min(p.y + p.height, screen.y + screen.height - height));
        w.setBounds(x, y, width, height);
    }

    /** TOPCAT runs or finds the hub: the bus panels in the window do not offer to start one. */
    private static void hideHubStart(Container c) {
        for (Component child : c.getComponents()) {
            if (child instanceof BusPanel bus) {
                bus.setHubStartOffered(false);
            } else if (child instanceof Container inner) {
                hideHubStart(inner);
            }
        }
    }

    private static JMenu topcatMenu(IsoWindow w) {
        ResultsPanel results = find(w, ResultsPanel.class);
        Action load = new AbstractAction(LOAD) {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                QueryResult r = results == null ? null : results.result();
                if (r == null) {
                    java.awt.Toolkit.getDefaultToolkit().beep();   // Ctrl+T before any result
                    return;
                }
                try {
                    String label = results.label() == null ? "ISO search" : results.label();
                    if (r.overflow()) {
                        label += " (truncated at MAXREC " + r.maxrec() + ")";   // as the load dialog names it
                    }
                    StarTable t = TableParameters.fixed(r.table(), label, r.table().getParameters());
                    ControlWindow.getInstance().addTable(Tables.randomTable(SkyColumns.forTopcat(t)), label, true);
                } catch (IOException ex) {
                    LOG.log(Level.WARNING, "results not loaded into TOPCAT", ex);
                    javax.swing.JOptionPane.showMessageDialog(w, "Not loaded into TOPCAT: " + ex.getMessage(), NAME,
                                                              javax.swing.JOptionPane.ERROR_MESSAGE);
                }
            }
        };
        load.putValue(Action.ACCELERATOR_KEY, KeyStroke.getKeyStroke(KeyEvent.VK_T,
            InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));  // Ctrl+T is the window's "Send result table"
        load.putValue(Action.MNEMONIC_KEY, KeyEvent.VK_L);
        load.putValue(Action.SHORT_DESCRIPTION, "add the results shown to TOPCAT's table list (Ctrl+Shift+T)");
        JMenu menu = new JMenu(MENU);
        menu.setMnemonic(KeyEvent.VK_T);
        JMenuItem item = new JMenuItem(load);
        item.setName("topcat.load");
        menu.add(item);
        menu.addMenuListener(new MenuListener() {
            @Override
            public void menuSelected(MenuEvent e) {
                load.setEnabled(results != null && results.result() != null);
            }

            @Override
            public void menuDeselected(MenuEvent e) {
                load.setEnabled(true);   // the accelerator works with the menu closed
            }

            @Override
            public void menuCanceled(MenuEvent e) {
                load.setEnabled(true);
            }
        });
        return menu;
    }

    private static <T> T find(Container c, Class<T> type) {
        for (Component child : c.getComponents()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof Container inner) {
                T t = find(inner, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
