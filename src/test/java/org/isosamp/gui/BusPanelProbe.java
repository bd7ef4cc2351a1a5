package org.isosamp.gui;

import org.isosamp.testing.Components;
import org.isosamp.testing.Shots;
import static org.isosamp.testing.Edt.ui;
import static org.isosamp.testing.Edt.edt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.ListModel;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryRequest;
import org.isosamp.testing.Await;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.Tables;

/**
 * Runs the bus panel in a window of its own (child JVM, Xvfb display, the hub of {@code SAMP_HUB}) and drives it
 * through its components, on the event thread, printing one line per fact for {@link BusPanelTest}:
 * {@code REGISTERED <id>}, {@code CLIENT <line>}, {@code LOG <line>}, {@code ROW <n>}, and markers the test waits
 * for before it acts ({@code SENT-TABLE}, {@code LISTENING}, {@code POINTAT-DONE}, {@code SCREENSHOT}).
 *
 * <p>Arguments: the local archive's base URL, then the name of the client that stands for TOPCAT.
 */
public final class BusPanelProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private BusPanelProbe() {
    }

    public static void main(String... args) throws Exception {
        System.setProperty("java.awt.headless", "false");
        IsoArchive archive = new IsoArchive(HttpUrl.get(args[0]), IsoArchive.defaultHttpClient(), null);
        String topcat = args[1];
        // the result table, as the window would have it: the M31 cone of the documentation
        StarTable m31 = Tables.randomTable(archive.query(QueryRequest.builder(
            IsoArchive.coneQuery("ida.observations", 10.68470833, 41.26875, 1 / 12.0)).build()).table());
        List<Integer> rowsFromBus = new CopyOnWriteArrayList<>();
        BusPanel panel = edt(() -> {
            BusPanel p = new BusPanel();
            JFrame f = new JFrame("iso-samp: the SAMP bus");
            f.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
            f.getContentPane().add(p);
            f.setSize(640, 620);
            f.setLocation(20, 20);
            f.setVisible(true);
            p.setRowSelectionHandler(rowsFromBus::add);
            return p;
        });
        panel.setArchive(archive);
        panel.setResults(m31, "M31 observations", archive);

        JLabel status = edt(() -> Components.named(panel, "bus.status", JLabel.class));
        Await.until(() -> ui(status::getText).startsWith("Registered with the SAMP hub as "), WAIT,
                    "registered");
        fact("REGISTERED " + edt(status::getText).substring("Registered with the SAMP hub as ".length()));
        JList<?> clients = edt(() -> Components.named(panel, "bus.clients", JList.class));
        Await.until(() -> lines(clients).stream().anyMatch(l -> l.startsWith(topcat + ": ")), WAIT,
                    topcat + " in the client list " + lines(clients));
        for (String l : lines(clients)) {
            fact("CLIENT " + l);
        }

        // send the table to every client that takes tables
        JList<?> log = edt(() -> Components.named(panel, "bus.log", JList.class));
        AbstractButton sendTable = edt(() -> Components.named(panel, "bus.sendTable", AbstractButton.class));
        Await.until(() -> ui(sendTable::isEnabled), WAIT, "Send table enabled");
        edt(() -> {
            sendTable.doClick();
            return null;
        });
        awaitLog(log, "table \"M31 observations\" (49 rows): ");
        fact("SENT-TABLE");

        // a spectrum row selected, its product sent
        int spectrumRow = -1;
        for (int r = 0; r < m31.getRowCount(); r++) {
            if (String.valueOf(m31.getCell(r, column(m31, "tdt"))).equals("58002102")) {
                spectrumRow = r;
            }
        }
        panel.rowsSelected(new long[] {spectrumRow});
        AbstractButton sendProduct = edt(() -> Components.named(panel, "bus.sendProduct", AbstractButton.class));
        Await.until(() -> ui(sendProduct::isEnabled), WAIT, "Send product enabled");
        edt(() -> {
            sendProduct.doClick();
            return null;
        });
        awaitLog(log, "product 58002102 (spectrum) as spectrum.load.ssa-generic: ");

        // listen, with the nearest spectrum and image
        AbstractButton listen = edt(() -> Components.named(panel, "bus.listen", AbstractButton.class));
        AbstractButton nearest = edt(() -> Components.named(panel, "bus.nearest", AbstractButton.class));
        Await.until(() -> ui(listen::isEnabled), WAIT, "Listen enabled");
        edt(() -> {
            nearest.doClick();
            listen.doClick();
            return null;
        });
        awaitLog(log, "listening for coord.pointAt.sky: ");
        fact("LISTENING");
        awaitLog(log, "#1 done");
        fact("POINTAT-DONE");

        Await.until(() -> !rowsFromBus.isEmpty(), WAIT, "a row from the bus");
        fact("ROW " + rowsFromBus.get(0));
        panel.rowsSelected(new long[] {rowsFromBus.get(0)});   // the window echoes the bus's row: not sent back
        panel.rowsSelected(new long[] {7});
        for (String l : lines(log)) {
            fact("LOG " + l);
        }
        edt(() -> {
            log.clearSelection();
            return null;
        });
        Shots.paintNow(panel);   // what the screenshot shows is the model now
        fact("SCREENSHOT");
        new java.util.concurrent.CountDownLatch(1).await();   // until the test ends this JVM
    }

    private static int column(StarTable t, String name) {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    private static void awaitLog(JList<?> log, String start) throws InterruptedException {
        Await.until(() -> lines(log).stream().anyMatch(l -> l.startsWith(start)), WAIT,
                    "a log line starting \"" + start + "\" in " + lines(log));
    }

    private static List<String> lines(JList<?> list) {
        try {
            return edt(() -> {
                List<String> out = new ArrayList<>();
                ListModel<?> m = list.getModel();
                for (int i = 0; i < m.getSize(); i++) {
                    Object v = m.getElementAt(i);
                    out.add(v instanceof org.isosamp.samp.SampPeer p ? BusTakes.describe(p) : String.valueOf(v));
                }
                return out;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fact(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
