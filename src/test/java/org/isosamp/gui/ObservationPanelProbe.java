package org.isosamp.gui;

import org.isosamp.testing.Components;
import org.isosamp.testing.Shots;
import static org.isosamp.testing.Edt.ui;
import static org.isosamp.testing.Say.say;
import static org.isosamp.testing.Edt.edt;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.WindowConstants;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.plot.SpectrumQuickLook;
import org.isosamp.testing.Await;
import org.isosamp.testing.SharedArchive;
import org.jfree.chart.ChartPanel;

/**
 * Run by {@link ObservationPanelWindowTest} in a JVM of its own on an Xvfb display: the observation panel in a
 * window over the local archive, driven through its named components on the event thread, one line per fact
 * ({@code key=value}). At {@code SHOT <name>} it waits for the file {@code <name>.shot} in its working folder: the
 * test's sign that the screenshot is taken.
 */
public final class ObservationPanelProbe {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private ObservationPanelProbe() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            // a window keeps the JVM alive: end it, so that the test sees the failure at once
            e.printStackTrace(System.out);
            say("FAILED " + e);
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        IsoArchive archive = new IsoArchive(HttpUrl.get(SharedArchive.get().baseUrl().toString()),
                                            IsoArchive.defaultHttpClient(), Path.of("cache"));
        ObservationPanel p = edt(ObservationPanel::new);
        JFrame frame = edt(() -> {
            JFrame f = new JFrame("iso-samp: observation");
            f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            f.setContentPane(p);
            f.setBounds(0, 0, 960, 680);
            f.setVisible(true);
            return f;
        });
        Rectangle b = edt(frame::getBounds);
        say("frame=" + b.x + "," + b.y + "," + b.width + "," + b.height);

        p.show(archive, 58002102L);
        awaitDone(p, 58002102L);
        say("heading=" + label(p, "observation.heading"));
        say("target=" + edt(() -> metadata(p, "target")));
        say("look=" + edt(() -> p.look().getClass().getSimpleName()));
        say("series=" + edt(() -> p.chartPanel().getChart().getXYPlot().getDataset().getSeriesCount()));
        say("segments=" + edt(() -> ((SpectrumQuickLook) p.look()).segments().size()));
        say("cursor=" + hover(p));
        shot(p, "spectrum");

        p.show(archive, 80001538L);
        awaitDone(p, 80001538L);
        say("heading=" + label(p, "observation.heading"));
        say("look=" + edt(() -> p.look().getClass().getSimpleName()));
        say("cursor=" + hover(p));
        shot(p, "image");

        edt(() -> {
            ((JTabbedPane) Components.named(p, "observation.tabs")).setSelectedIndex(ObservationPanel.PRODUCTS_TAB);
            return null;
        });
        Await.until(() -> ui(() -> ((JTable) Components.named(p, "observation.products")).getRowCount() > 2
                                     && !p.busy()), WAIT, "the products listed");
        say("products=" + edt(() -> ((JTable) Components.named(p, "observation.products")).getRowCount()));
        say("standalone=" + edt(() -> ((JTable) Components.named(p, "observation.products")).getValueAt(0, 1)));
        shot(p, "products");
        edt(() -> {
            ((JTabbedPane) Components.named(p, "observation.tabs")).setSelectedIndex(ObservationPanel.POSTCARD_TAB);
            return null;
        });
        say("postcard=" + edt(() -> ((JLabel) Components.named(p, "observation.postcard")).getIcon() != null));
        shot(p, "postcard");
        edt(() -> {
            ((JTabbedPane) Components.named(p, "observation.tabs")).setSelectedIndex(ObservationPanel.METADATA_TAB);
            return null;
        });
        shot(p, "metadata");
        edt(() -> {
            ((JTabbedPane) Components.named(p, "observation.tabs")).setSelectedIndex(ObservationPanel.LOOK_TAB);
            return null;
        });

        p.show(archive, 12345678L);
        awaitDone(p, 12345678L);
        say("error=" + label(p, "observation.status"));

        // two quick calls from a thread that is not the event thread: the later is what shows
        p.show(archive, 80001538L);
        p.show(archive, 58002102L);
        awaitDone(p, 58002102L);
        say("quick=" + label(p, "observation.heading") + " " + edt(() -> p.look().getClass().getSimpleName()));
        edt(() -> {
            frame.dispose();
            return null;
        });
        say("DONE");
        System.exit(0);
    }

    private static String metadata(ObservationPanel p, String name) {
        JTable t = (JTable) Components.named(p, "observation.metadata");
        for (int r = 0; r < t.getModel().getRowCount(); r++) {
            if (name.equals(t.getModel().getValueAt(r, 0))) {
                return (String) t.getModel().getValueAt(r, 1);
            }
        }
        return "(none)";
    }

    /** @return the cursor line after the mouse moved to the middle of the chart's data area */
    private static String hover(ObservationPanel p) throws Exception {
        // the chart is drawn (and an image laid out) once shown: wait for its data area
        Await.until(() -> ui(() -> {
            ChartPanel c = p.chartPanel();
            Rectangle2D a = c.getChartRenderingInfo().getPlotInfo().getDataArea();
            return a != null && a.getWidth() > 10;
        }), WAIT, "the chart drawn");
        return edt(() -> {
            ChartPanel c = p.chartPanel();
            Rectangle2D a = c.getScreenDataArea();
            MouseEvent e = new MouseEvent(c, MouseEvent.MOUSE_MOVED, System.currentTimeMillis(), 0,
                (int) a.getCenterX(), (int) a.getCenterY(), 0, false);
            c.dispatchEvent(e);
            return ((JLabel) Components.named(p, "observation.cursor")).getText();
        });
    }

    private static String label(ObservationPanel p, String name) throws Exception {
        return edt(() -> ((JLabel) Components.named(p, name)).getText());
    }

    private static void awaitDone(ObservationPanel p, long tdt) throws InterruptedException {
        Await.until(() -> ui(() -> p.tdt() == tdt && !p.busy()), WAIT, "the panel to show " + tdt);
    }

    private static void shot(ObservationPanel p, String name) throws Exception {
        Shots.paintNow(p);   // the tab just chosen, drawn: the test's screenshot shows it, not the one before
        say("SHOT " + name);
        Path done = Path.of(name + ".shot");
        Await.until(() -> Files.exists(done), WAIT, "the test's screenshot " + done);
    }

}
