package org.isosamp.topcat;

import org.isosamp.testing.Shots;
import static org.isosamp.topcat.InTopcat.call;

import java.awt.event.ActionEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.Action;
import javax.swing.ListModel;
import javax.swing.SwingUtilities;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.gui.SearchPanel;
import org.isosamp.testing.Await;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.gui.TableLoadDialog;

/**
 * Runs the real TOPCAT (its {@code Driver}, with {@code -Dstartable.load.dialogs=org.isosamp.topcat.IsoLoadDialog}
 * set by the caller) and drives it as a user would: opens the Load window, finds the "ISO Data Archive" dialog among
 * TOPCAT's own list of load dialogs, fills in the M31 cone and presses TOPCAT's submit action, then prints what
 * arrived in TOPCAT's table list. One line per fact, for {@link IsoLoadDialogTopcatTest}:
 * <pre>
 * listed NAME CLASS          the dialog, as the Load window knows it
 * shown                      the Load window shows it (the caller takes a screenshot, then writes "go" to stdin)
 * table LABEL ROWS           the loaded table, as ControlWindow lists it
 * column NAME|UNIT|UCD       each column
 * status TEXT                the dialog's last-load line
 * then, given a revolution and an instrument, a second search through the same dialog's fields, on ivoa.ssap:
 * table2 LABEL ROWS          the second table TOPCAT lists
 * status2 TEXT               the dialog's last-load line
 * adql N                     the ADQL tab shown, its browser listing N columns of ida.observations (the caller takes
 *                            a screenshot, then writes "go")
 * tables N                   how many tables TOPCAT lists at the end
 * done
 * </pre>
 * Arguments: the archive's URL, the cone's position, radius (degrees), table[, revolution, instrument]. TOPCAT's own
 * classes are reached by reflection: they are not on iso-samp's compile class path (STIL's are).
 */
public final class TopcatLoadProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The caller's "go" lines, one reader for all of them (a second reader would miss what the first buffered). */
    private static final java.io.BufferedReader IN = new java.io.BufferedReader(
        new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.US_ASCII));

    private TopcatLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        String archive = args[0];
        String position = args[1];
        String radius = args[2];
        String table = args[3];
        Object cw = InTopcat.start();
        AtomicReference<IsoLoadDialog> found = new AtomicReference<>();
        AtomicReference<java.awt.Window> loadWindow = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            java.awt.Window lw = (java.awt.Window) call(cw, "getLoadWindow");
            loadWindow.set(lw);
            for (TableLoadDialog d : (TableLoadDialog[]) call(lw, "getKnownDialogs")) {
                if (d instanceof IsoLoadDialog iso) {
                    found.set(iso);
                    System.out.println("listed " + d.getName() + " " + d.getClass().getName());
                }
            }
            lw.setVisible(true);
            Action open = (Action) call(lw, "getDialogAction", IsoLoadDialog.class);
            if (open != null) {
                open.actionPerformed(new ActionEvent(lw, ActionEvent.ACTION_PERFORMED, "open"));
            }
        });
        IsoLoadDialog dialog = found.get();
        if (dialog == null) {
            System.out.println("not listed");
            System.exit(3);
        }
        SwingUtilities.invokeAndWait(() -> {
            dialog.setArchive(archive);
            dialog.setCone(table, position, radius);
            dialog.setMaxrec("1000");
        });
        Await.until(() -> {
            AtomicReference<Boolean> showing = new AtomicReference<>(false);
            try {
                SwingUtilities.invokeAndWait(() -> showing.set(dialog.isComponentShowing()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return showing.get();
        }, WAIT, "the ISO dialog showing in the Load window");
        System.out.println("shown");
        System.out.flush();
        // the caller takes its screenshot of the Load window now
        IN.readLine();
        SwingUtilities.invokeAndWait(() -> dialog.getSubmitAction()
            .actionPerformed(new ActionEvent(dialog, ActionEvent.ACTION_PERFORMED, "Submit")));
        ListModel<?> tables = InTopcat.tables(cw);
        Object model = Await.value(() -> tables.getSize() > 0 ? tables.getElementAt(0) : null, WAIT,
            () -> "a table in TOPCAT's list; the dialog says: " + dialog.status());
        StarTable t = (StarTable) call(model, "getDataModel");
        System.out.println("table " + call(model, "getLabel") + " " + t.getRowCount());
        for (int i = 0; i < t.getColumnCount(); i++) {
            ColumnInfo c = t.getColumnInfo(i);
            System.out.println("column " + c.getName() + "|" + c.getUnitString() + "|" + c.getUCD());
        }
        AtomicReference<String> status = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> status.set(dialog.status()));
        System.out.println("status " + status.get());
        if (args.length > 5) {
            SwingUtilities.invokeAndWait(() -> {
                SearchPanel p = dialog.searchPanel();
                p.clearFields();
                p.setText(Field.TABLE, "ivoa.ssap");
                p.setText(Field.REVOLUTION, args[4]);
                p.setText(Field.INSTRUMENT, args[5]);
                dialog.getSubmitAction().actionPerformed(new ActionEvent(dialog, ActionEvent.ACTION_PERFORMED,
                                                                         "Submit"));
            });
            Object second = Await.value(() -> tables.getSize() > 1 ? tables.getElementAt(1) : null, WAIT,
                () -> "a second table in TOPCAT's list; the dialog says: " + dialog.status());
            System.out.println("table2 " + call(second, "getLabel") + " "
                               + ((StarTable) call(second, "getDataModel")).getRowCount());
            // the status line is set by invokeLater after the load: read it once TOPCAT has the table
            Await.until(() -> {
                AtomicReference<String> now = new AtomicReference<>();
                try {
                    SwingUtilities.invokeAndWait(() -> now.set(dialog.status()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                status.set(now.get());
                return !now.get().startsWith("Loading");
            }, WAIT, "the dialog's status line");
            System.out.println("status2 " + status.get());
            // TOPCAT hides its Load window after a load: show it again, on the ADQL tab
            SwingUtilities.invokeAndWait(() -> {
                java.awt.Window lw = loadWindow.get();
                lw.setVisible(true);
                Action open = (Action) call(lw, "getDialogAction", IsoLoadDialog.class);
                open.actionPerformed(new ActionEvent(lw, ActionEvent.ACTION_PERFORMED, "open"));
                dialog.searchPanel().setAdqlSelected(true);
            });
            int columns = Await.value(() -> {
                AtomicReference<Integer> n = new AtomicReference<>(0);
                try {
                    SwingUtilities.invokeAndWait(() -> {
                        SearchPanel p = dialog.searchPanel();
                        n.set(p.showInBrowser("ida.observations") ? p.browserColumns("ida.observations").size() : 0);
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return n.get() > 0 ? n.get() : null;
            }, WAIT, () -> "the ADQL browser's tables");
            System.out.println("adql " + columns);
            System.out.flush();
            IN.readLine();
            // closed, as the user does (the Load window and the dialog's own window), so that the caller's last
            // screenshot shows TOPCAT with the tables
            SwingUtilities.invokeAndWait(() -> {
                loadWindow.get().setVisible(false);
                SwingUtilities.getWindowAncestor(dialog.searchPanel()).setVisible(false);
            });
            Shots.paintNow((java.awt.Component) cw);   // what they covered, drawn before the screenshot
        }
        AtomicReference<Integer> n = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> n.set(tables.getSize()));
        System.out.println("tables " + n.get());
        System.out.println("done");
        System.out.flush();
    }

}
