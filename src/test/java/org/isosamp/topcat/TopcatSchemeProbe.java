package org.isosamp.topcat;

import java.time.Duration;
import javax.swing.ListModel;
import org.isosamp.archive.ArchiveSession;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.testing.Await;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSequence;

/**
 * TOPCAT's main class as {@code iso-samp topcat} runs it in {@link TopcatSchemeTopcatTest}: runs the real TOPCAT
 * ({@code Driver}, with the arguments and the properties the launcher gave), waits for the tables its command line
 * named to arrive in TOPCAT's table list, and prints what TOPCAT holds and what the plug-in sees inside it, then
 * exits TOPCAT with 0. One line per fact:
 * <pre>
 * table LABEL ROWS          each table in ControlWindow's list (the first's columns follow)
 * column NAME|UNIT|UCD
 * choices A,B               the load dialog's archive field (DialogArchives.choices())
 * local URL PORT-OWNED      what 'local' opens inside TOPCAT, and whether TOPCAT's JVM started it
 * dialog-local LABEL ROWS   the M31 cone loaded through TOPCAT's own load dialog with its first archive choice
 * done
 * </pre>
 * TOPCAT's own classes are reached by reflection, as {@link TopcatLoadProbe} does.
 */
public final class TopcatSchemeProbe {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private TopcatSchemeProbe() {
    }

    public static void main(String[] args) {
        InTopcat.probe(() -> probe(args));
    }

    private static void probe(String[] args) throws Exception {
        // one table per location on the command line (TOPCAT's own flags start with -)
        int expected = (int) java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).count();
        Object cw = InTopcat.start(args);
        ListModel<?> tables = InTopcat.tables(cw);
        Await.until(() -> tables.getSize() >= expected, WAIT, expected + " tables in TOPCAT's list");
        for (int i = 0; i < tables.getSize(); i++) {
            Object model = tables.getElementAt(i);
            StarTable t = (StarTable) model.getClass().getMethod("getDataModel").invoke(model);
            System.out.println("table " + model.getClass().getMethod("getLabel").invoke(model) + " "
                               + t.getRowCount());
            for (int c = 0; i == 0 && c < t.getColumnCount(); c++) {
                ColumnInfo info = t.getColumnInfo(c);
                System.out.println("column " + info.getName() + "|" + info.getUnitString() + "|" + info.getUCD());
            }
        }
        System.out.println("choices " + String.join(",", DialogArchives.choices()));
        try (ArchiveSession s = ArchiveSettings.local().open()) {
            // base() by reflection: in the plug-in jar its type is the relocated OkHttp's HttpUrl
            Object base = s.archive().getClass().getMethod("base").invoke(s.archive());
            System.out.println("local " + base + " " + s.localPort().isPresent());
        }
        // the load dialog as TOPCAT's Load window made it (from the launcher's startable.load.dialogs), set as a
        // user sets it: the archive field's first choice
        java.util.concurrent.atomic.AtomicReference<IsoLoadDialog> found = new java.util.concurrent.atomic.AtomicReference<>();
        javax.swing.SwingUtilities.invokeAndWait(() -> {
            try {
                Object lw = cw.getClass().getMethod("getLoadWindow").invoke(cw);
                for (Object d : (Object[]) lw.getClass().getMethod("getKnownDialogs").invoke(lw)) {
                    if (d instanceof IsoLoadDialog iso) {
                        found.set(iso);
                    }
                }
                // TOPCAT configures a dialog (its submit action) when the Load window first shows it
                ((java.awt.Window) lw).setVisible(true);
                javax.swing.Action open = (javax.swing.Action) lw.getClass().getMethod("getDialogAction", Class.class)
                    .invoke(lw, IsoLoadDialog.class);
                open.actionPerformed(new java.awt.event.ActionEvent(lw, java.awt.event.ActionEvent.ACTION_PERFORMED,
                                                                    "open"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        IsoLoadDialog dialog = found.get();
        if (dialog == null) {
            throw new IllegalStateException("no IsoLoadDialog in TOPCAT's Load window");
        }
        javax.swing.SwingUtilities.invokeAndWait(() -> {
            dialog.setArchive(DialogArchives.defaultChoice());
            dialog.setCone("ida.observations", "10.684708 41.26875", "0.1");
        });
        java.util.concurrent.atomic.AtomicReference<uk.ac.starlink.table.gui.TableLoader> loader =
            new java.util.concurrent.atomic.AtomicReference<>();
        javax.swing.SwingUtilities.invokeAndWait(() -> loader.set(dialog.createTableLoader()));
        TableSequence seq = loader.get().loadTables(null);
        StarTable t = seq.nextTable();
        System.out.println("dialog-local " + t.getName() + " " + t.getRowCount());
        System.out.println("done");
        System.out.flush();
        System.exit(0);
    }
}
