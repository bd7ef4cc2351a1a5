package org.isosamp.gui;

import static org.isosamp.testing.Edt.ui;
import static org.isosamp.testing.Edt.edt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.tree.TreePath;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.ArchiveSearch.BadField;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.archive.IsoArchive;
import org.isosamp.model.ColumnMeta;
import org.isosamp.testing.Await;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;

/**
 * The search panel driven through its components, on the event thread (headless, as surefire runs: the panel is
 * never put in a window, so no display is needed): fields read into the same {@link ArchiveSearch} the core builds,
 * a wrong field named, and the ADQL browser fed by the local archive's own metadata, read off the event thread and
 * kept per archive.
 */
class SearchPanelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);


    @Test
    void theFilledFieldsAreTheSearch() throws Exception {
        ArchiveSearch s = edt(() -> {
            SearchPanel p = new SearchPanel();
            p.setText(Field.TABLE, "ivoa.ssap");
            p.setText(Field.TARGET, "00:42:44.3 +41:16:09");
            p.setText(Field.RADIUS, "0.5");
            p.setText(Field.REVOLUTION, "437");
            p.setText(Field.INSTRUMENT, "SWS");
            p.setText(Field.AOT, "s01");
            p.setText(Field.START, "1997-01-01");
            p.setText(Field.END, "1997-02-01T12:00");
            p.setText(Field.MAXREC, "500");
            return p.search();
        });
        assertEquals(ArchiveSearch.builder("ivoa.ssap").target("00:42:44.3 +41:16:09").radius(0.5).revolution(437)
                         .instrument(ArchiveSearch.Instrument.SWS).aot("S01").text(Field.START, "1997-01-01")
                         .text(Field.END, "1997-02-01T12:00").maxrec(500).build(), s);
        assertTrue(s.adql().contains(" AND tdt BETWEEN 43700000 AND 43799999 AND instrument_name = 'SWS' AND "
                                     + "aotname = 'S01' AND date_obs >= '1997-01-01T00:00:00' AND "
                                     + "date_obs <= '1997-02-01T12:00:00'"), s.adql());
    }

    @Test
    void theFormHasNoEmptyBandBelowItAndTheAdqlTabItsOwnHeight() throws Exception {
        // a tabbed pane is as tall as its tallest tab: the ADQL tab once left ~70 px empty under the form
        List<Integer> heights = edt(() -> {
            SearchPanel p = new SearchPanel();
            javax.swing.JTabbedPane tabs = (javax.swing.JTabbedPane) java.util.Arrays.stream(p.getComponents())
                .filter(c -> c instanceof javax.swing.JTabbedPane).findFirst().orElseThrow();
            int withForm = tabs.getPreferredSize().height;
            int form = tabs.getComponentAt(0).getPreferredSize().height;
            p.setAdqlSelected(true);
            return List.of(withForm, form, tabs.getPreferredSize().height,
                           tabs.getComponentAt(1).getPreferredSize().height);
        });
        int chrome = heights.get(0) - heights.get(1);
        assertTrue(chrome >= 0 && chrome < 60, "the Fields tab: tabs " + heights.get(0) + " px for a form of "
                   + heights.get(1) + " px (only the tab row and border around it)");
        assertEquals(heights.get(3) + chrome, heights.get(2), "the ADQL tab shown: as tall as it asks");
        assertTrue(heights.get(3) > heights.get(1), "the ADQL tab asks more than the form: " + heights);
    }

    @Test
    void theAdqlTabIsAnAdqlSearchStartedFromTheForm() throws Exception {
        List<String> adql = edt(() -> {
            SearchPanel p = new SearchPanel();
            p.setText(Field.TABLE, "ida.observations");
            p.setText(Field.TDT, "80001538");
            p.setAdqlSelected(true); // the tab starts with the form's query, to edit
            List<String> out = new ArrayList<>(List.of(p.text(Field.ADQL)));
            p.setText(Field.ADQL, "SELECT TOP 3 * FROM ivoa.siap");
            p.setText(Field.MAXREC, "3");
            ArchiveSearch s = p.search();
            out.add(s.adql());
            out.add(Long.toString(s.maxrec()));
            return out;
        });
        assertEquals(List.of("SELECT * FROM ida.observations WHERE tdt = 80001538", "SELECT TOP 3 * FROM ivoa.siap",
                             "3"), adql);
    }

    @Test
    void aWrongFieldIsNamedAndItsTabShown() throws Exception {
        List<Object> got = edt(() -> {
            SearchPanel p = new SearchPanel();
            p.setText(Field.REVOLUTION, "four");
            BadField e = assertThrows(BadField.class, p::search);
            List<Object> out = new ArrayList<>(List.of(e.field(), e.getMessage()));
            p.setText(Field.REVOLUTION, "");
            p.setAdqlSelected(true);
            p.setText(Field.ADQL, "");
            out.add(assertThrows(BadField.class, p::search).getMessage());
            out.add(p.isAdqlSelected());
            p.setText(Field.INSTRUMENT, "CAM");
            p.setText(Field.AOT, "S01");
            p.setAdqlSelected(false);
            e = assertThrows(BadField.class, p::search);
            out.add(e.field());
            return out;
        });
        assertEquals(List.of(Field.REVOLUTION, "Revolution \"four\" is not a whole number", "ADQL is empty", true,
                             Field.AOT), got);
    }

    @Test
    void theBrowserListsTheLocalArchivesColumnsReadOffTheEventThread() throws Exception {
        IsoArchive archive = SharedArchive.client();
        List<String> want = archive.columns("ida.observations").stream().map(ColumnMeta::name).toList();
        List<Boolean> onEdt = new CopyOnWriteArrayList<>();
        Object key = "test archive " + System.nanoTime(); // a key of its own: nothing cached yet
        ArchiveOpener opener = () -> {
            onEdt.add(SwingUtilities.isEventDispatchThread());
            return archive;
        };
        SearchPanel p = edt(() -> {
            SearchPanel panel = new SearchPanel();
            panel.setArchive(key, opener);
            return panel;
        });
        Await.until(() -> ui(() -> !p.isFetching()), WAIT, "the archive's metadata");
        assertEquals(List.of(false), onEdt, "opened once, off the event thread");
        assertEquals(want, edt(() -> p.browserColumns("ida.observations")));
        assertTrue(edt(p::metadataStatus).matches("\\d+ tables"), edt(p::metadataStatus));
        List<String> tables = edt(p::tableChoices);
        assertEquals(ArchiveSearch.TABLES, tables.subList(0, 4));
        assertTrue(tables.contains("ida.postcards"), tables.toString());

        // the AOTs are the archive's, those of the chosen instrument
        List<String> sws = ArchiveSearch.aotValues(archive).stream().filter(a -> a.startsWith("S")).toList();
        assertFalse(sws.isEmpty());
        assertEquals(sws, edt(() -> {
            p.setText(Field.INSTRUMENT, "SWS");
            return p.aotChoices().subList(1, p.aotChoices().size());
        }));

        // a column's tooltip; a double-click's insertion into the ADQL
        List<String> tip = edt(() -> {
            TreePath col = p.browser().pathOf("ida.observations", "ra_deg");
            TreePath tab = p.browser().pathOf("ida.observations", null);
            p.setAdqlSelected(true);
            p.setText(Field.ADQL, "SELECT");
            p.browser().pick(col);
            p.setText(Field.ADQL, p.text(Field.ADQL) + ",");
            p.browser().pick(p.browser().pathOf("ida.observations", "dec"));
            p.setText(Field.ADQL, p.text(Field.ADQL) + " FROM ");
            p.browser().pick(tab);
            return List.of(p.browser().tipOf(col), p.text(Field.ADQL));
        });
        assertTrue(tip.get(0).contains("unit: deg") && tip.get(0).contains("UCD: pos.eq.ra;meta.main")
                   && tip.get(0).contains("degrees"), tip.get(0));
        assertEquals("SELECT ra_deg, dec FROM ida.observations", tip.get(1));

        // a second panel on the same archive: from the cache, at once, without opening it again
        List<String> again = edt(() -> {
            SearchPanel second = new SearchPanel();
            second.setArchive(key, opener);
            return second.browserColumns("ida.observations");
        });
        assertEquals(want, again);
        assertEquals(1, onEdt.size(), "opened once");
    }

    @Test
    void anArchiveThatFailsSaysWhy() throws Exception {
        SearchPanel p = edt(SearchPanel::new);
        edt(() -> {
            p.setArchive("broken " + System.nanoTime(), () -> {
                throw new IOException("no route to the archive");
            });
            return null;
        });
        Await.until(() -> ui(() -> !p.isFetching()), WAIT, "the failure");
        assertEquals("Could not read the archive's tables: no route to the archive", edt(p::metadataStatus));
        assertEquals(ArchiveSearch.TABLES, edt(p::tableChoices));
    }

    @Test
    void ctrlSpaceCompletesNamesFromTheMetadataAlreadyRead() throws Exception {
        IsoArchive archive = SharedArchive.client();
        List<String> columns = archive.columns("ida.observations").stream().map(ColumnMeta::name).toList();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Object key = "completion archive " + System.nanoTime();
        SearchPanel p = edt(() -> {
            SearchPanel panel = new SearchPanel();
            panel.setArchive(key, () -> {
                try { // the metadata is still being read until the test says so
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("cancelled");
                }
                return archive;
            });
            return panel;
        });
        // while it is read: the list opens at once, empty, and says so
        List<Object> loading = edt(() -> {
            p.adqlArea().setText("SELECT * FROM ida.");
            p.adqlArea().setCaretPosition(p.adqlArea().getText().length());
            ctrlSpace(p.adqlArea());
            return List.of(p.adqlCompletion().isOpen(), p.adqlCompletion().names(), p.adqlCompletion().note(),
                           p.adqlCompletion().acceptSelected(), p.adqlArea().getText());
        });
        assertEquals(List.of(true, List.of(), "metadata still loading", false, "SELECT * FROM ida."), loading);
        release.countDown();
        Await.until(() -> ui(() -> !p.isFetching()), WAIT, "the archive's metadata");

        // Ctrl+Space after "o.ra": the columns of the table aliased o that start with "ra"; the first inserted
        List<String> wantRa = columns.stream().filter(c -> c.toLowerCase(java.util.Locale.ROOT).startsWith("ra"))
            .toList();
        assertFalse(wantRa.isEmpty(), columns.toString());
        List<Object> ra = edt(() -> {
            JTextArea a = p.adqlArea();
            a.setText("SELECT o.RA FROM ida.observations AS o");
            a.setCaretPosition("SELECT o.RA".length());
            ctrlSpace(a);
            List<Object> out = new ArrayList<>(List.of(p.adqlCompletion().names()));
            out.add(p.adqlCompletion().acceptSelected());
            out.add(a.getText());
            out.add(p.adqlCompletion().isOpen());
            return out;
        });
        assertEquals(List.of(wantRa, true, "SELECT o." + wantRa.get(0) + " FROM ida.observations AS o", false), ra);

        // typing '.' after an alias opens the table's columns; Down, Enter inserts the second; Escape closes
        edt(() -> {
            JTextArea a = p.adqlArea();
            a.setText("SELECT * FROM ida.observations o WHERE o");
            a.setCaretPosition(a.getText().length());
            a.replaceSelection(".");
            return null;
        });
        List<Object> typed = edt(() -> { // after the '.' has been handled (invokeLater)
            JTextArea a = p.adqlArea();
            List<Object> out = new ArrayList<>(List.of(p.adqlCompletion().isOpen(), p.adqlCompletion().names()));
            press(a, java.awt.event.KeyEvent.VK_DOWN);
            press(a, java.awt.event.KeyEvent.VK_ENTER);
            out.add(a.getText());
            a.setText("SELECT t");
            a.setCaretPosition(a.getText().length());
            ctrlSpace(a);
            out.add(p.adqlCompletion().isOpen());
            press(a, java.awt.event.KeyEvent.VK_ESCAPE);
            out.add(p.adqlCompletion().isOpen());
            out.add(a.getText());
            return out;
        });
        assertEquals(List.of(true, columns, "SELECT * FROM ida.observations o WHERE o." + columns.get(1), true,
                             false, "SELECT t"), typed);
    }

    /** Does what Ctrl+Space does: the action the area's key binding names. */
    private static void ctrlSpace(JTextArea a) {
        Object name = a.getInputMap().get(javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_SPACE,
                                                                             java.awt.event.InputEvent.CTRL_DOWN_MASK));
        assertEquals(AdqlCompletionPopup.ACTION, name);
        a.getActionMap().get(name).actionPerformed(new java.awt.event.ActionEvent(a, 0, "complete"));
    }

    /** A key pressed in the area, as its key listeners get it (no display: no focus to route it). */
    private static void press(JTextArea a, int code) {
        java.awt.event.KeyEvent e = new java.awt.event.KeyEvent(a, java.awt.event.KeyEvent.KEY_PRESSED,
                                                                System.currentTimeMillis(), 0, code,
                                                                java.awt.event.KeyEvent.CHAR_UNDEFINED);
        for (java.awt.event.KeyListener l : a.getKeyListeners()) {
            l.keyPressed(e);
        }
    }
}
