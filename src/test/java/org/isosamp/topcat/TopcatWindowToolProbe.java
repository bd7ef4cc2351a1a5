package org.isosamp.topcat;

import org.isosamp.testing.Components;
import org.isosamp.testing.Edt;
import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.event.WindowEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JToolBar;
import javax.swing.ListModel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.gui.IsoWindow;
import org.isosamp.gui.ResultsPanel;
import org.isosamp.gui.SearchPanel;
import org.isosamp.testing.Await;

/**
 * Runs the real TOPCAT ({@code Driver}, with {@code -Dtopcat.exttools=org.isosamp.topcat.IsoWindowTool} and the
 * archive properties {@code iso-samp topcat --archive local} sets, given by the caller) and drives the tool as a user
 * would: finds its button on the Control Window's toolbar (by its action), presses it, searches the seed's M31 cone in
 * the window, loads the result into TOPCAT, presses the button again, then closes the window. One line per fact, for
 * {@link IsoWindowToolTopcatTest}:
 * <pre>
 * laf CLASS                  the look and feel once TOPCAT is up
 * button TOOLTIP ICONxICON   the toolbar button whose action is the tool
 * window TITLE               the window the press showed
 * archive TEXT               the window's archive chooser
 * ui CLASS                   the UI class of the window's Search button
 * startHub VISIBLE|NONE|ABSENT the bus panel's Start hub button offered, hidden, or no bus panel
 * rows N                     the search's rows (or: status LINE, the window's failure, and the probe ends)
 * table LABEL ROWS           the table "Load results into TOPCAT" added to TOPCAT's list
 * name NAME                  its name
 * windows N                  iso-samp windows showing after a second press
 * laf CLASS                  the look and feel with the window open
 * shown                      (the caller takes a screenshot, then writes "go")
 * windows N                  iso-samp windows showing, again
 * closed DISPLAYABLE         the window closed (false: disposed)
 * topcat SHOWING             TOPCAT's Control Window still showing
 * done                       (the caller writes "quit", and the probe ends the JVM)
 * </pre>
 * Arguments: none. TOPCAT's classes beyond the plug-in's stubs are reached by reflection.
 */
public final class TopcatWindowToolProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private TopcatWindowToolProbe() {
    }

    public static void main(String[] args) {
        InTopcat.probe(TopcatWindowToolProbe::run);
        System.exit(0);
    }

    private static void run() throws Exception {
        Object cw = InTopcat.start();
        Frame control = (Frame) cw;
        Await.until(() -> edt(control::isShowing), WAIT, "TOPCAT's Control Window");
        System.out.println("laf " + Edt.edt(() -> UIManager.getLookAndFeel().getClass().getName()));

        AbstractButton button = Edt.edt(() -> {
            JToolBar bar = (JToolBar) cw.getClass().getMethod("getToolBar").invoke(cw);
            for (Component c : bar.getComponents()) {
                if (c instanceof AbstractButton b && b.getAction() instanceof IsoWindowTool) {
                    return b;
                }
            }
            return null;
        });
        if (button == null) {
            System.out.println("button NONE");
            return;
        }
        System.out.println("button " + Edt.edt(button::getToolTipText) + " " + Edt.edt(() -> button.getIcon().getIconWidth()
                           + "x" + button.getIcon().getIconHeight()));
        SwingUtilities.invokeAndWait(button::doClick);
        IsoWindow w = Await.value(() -> edt(() -> showing().stream().findFirst().orElse(null)), WAIT,
                                  () -> "the iso-samp window");
        System.out.println("window " + Edt.edt(w::getTitle));
        System.out.println("archive " + Edt.edt(() -> ((JComboBox<?>) Components.named(w, "window.archive")).getSelectedItem()));
        System.out.println("ui " + Edt.edt(() -> ((AbstractButton) Components.named(w, "window.searchButton")).getUI().getClass()
                                              .getName()));
        System.out.println("startHub " + Edt.edt(() -> {
            Component c = Components.named(w, "bus.startHub");
            // isVisible, not isShowing: the Bus tab is not the one in front
            return c == null ? "ABSENT" : c.isVisible() ? "VISIBLE" : "NONE";
        }));

        // the seed's M31 cone, as a user fills the form and presses Search
        SearchPanel form = Edt.edt(() -> find(w, SearchPanel.class));
        ResultsPanel results = Edt.edt(() -> find(w, ResultsPanel.class));
        SwingUtilities.invokeAndWait(() -> {
            form.setText(Field.TABLE, "ida.observations");
            form.setText(Field.TARGET, "10.684708 41.26875");
            form.setText(Field.RADIUS, "0.1");
            form.setText(Field.MAXREC, "1000");
            ((AbstractButton) Components.named(w, "window.searchButton")).doClick();
        });
        javax.swing.JLabel status = Edt.edt(() -> (javax.swing.JLabel) Components.named(w, "window.status"));
        Await.until(() -> edt(() -> results.result() != null
                                    || status.getText().matches("(Search failed|Not searched|Cancelled).*")),
                    WAIT, "the search's result");
        if (Edt.edt(() -> results.result() == null)) {
            System.out.println("status " + Edt.edt(status::getText));
            return;
        }
        System.out.println("rows " + Edt.edt(results::rowCount));

        // the window's TOPCAT menu hands the result to TOPCAT
        ListModel<?> tables = InTopcat.tables(cw);
        SwingUtilities.invokeAndWait(() -> ((AbstractButton) Components.named(w.getJMenuBar(), "topcat.load")).doClick());
        Object model = Await.value(() -> edt(() -> tables.getSize() > 0 ? tables.getElementAt(0) : null), WAIT,
                                   () -> "the table in TOPCAT's list");
        Object data = model.getClass().getMethod("getDataModel").invoke(model);
        System.out.println("table " + model.getClass().getMethod("getLabel").invoke(model) + " "
                           + data.getClass().getMethod("getRowCount").invoke(data));
        System.out.println("name " + data.getClass().getMethod("getName").invoke(data));

        // a second press brings the same window to the front
        SwingUtilities.invokeAndWait(button::doClick);
        SwingUtilities.invokeAndWait(() -> { });
        System.out.println("windows " + Edt.edt(() -> showing().size()));
        System.out.println("laf " + Edt.edt(() -> UIManager.getLookAndFeel().getClass().getName()));
        System.out.println("shown");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        while (!"go".equals(in.readLine())) {
            // the caller's screenshot first
        }

        // still one, after the screenshot's time (a second window would have come by now)
        System.out.println("windows " + Edt.edt(() -> showing().size()));
        // closed as a user closes it: the window goes, TOPCAT stays
        SwingUtilities.invokeAndWait(() -> w.dispatchEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSING)));
        w.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        System.out.println("closed " + Edt.edt(w::isDisplayable));
        System.out.println("topcat " + Edt.edt(control::isShowing));
        System.out.println("done");
        while (!"quit".equals(in.readLine())) {
            // the caller checks TOPCAT's JVM runs on
        }
    }

    /** @return the iso-samp windows showing */
    private static List<IsoWindow> showing() {
        List<IsoWindow> out = new ArrayList<>();
        for (Frame f : Frame.getFrames()) {
            if (f instanceof IsoWindow w && w.isShowing()) {
                out.add(w);
            }
        }
        return out;
    }


    private static <T> T find(Container c, Class<T> type) {
        for (Component child : c.getComponents()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof Container inner) {
                T found = find(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** {@link #onEdt} for Await's suppliers: a failure is unchecked. */
    private static <T> T edt(Callable<T> c) {
        try {
            return Edt.edt(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
