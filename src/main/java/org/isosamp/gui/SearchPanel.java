package org.isosamp.gui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import javax.swing.text.JTextComponent;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.ArchiveSearch.BadField;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.archive.QueryRequest;
import org.isosamp.model.TableMeta;

/**
 * The search form every face with a window shows (TOPCAT's "ISO Data Archive" load dialog, the desktop window):
 * a table chooser, the fields of an {@link ArchiveSearch} (target or position and radius, TDT, revolution,
 * instrument and AOT, start and end in UTC; the filled ones are combined), an ADQL tab with the archive's tables and
 * columns to browse (double-click or Enter inserts a name; tooltips give units, UCDs and descriptions), and MAXREC.
 * The tab shown says what the search is by: the form's fields, or the ADQL.
 *
 * <p>The host says which archive the form is about ({@link #setArchive}); its metadata (tables, columns, the AOTs it
 * has) is read by a {@link SwingWorker}, never on the event thread, and kept per archive ({@link ArchiveMetadata}).
 * {@link #search()} reads the form into an {@link ArchiveSearch}, or puts the cursor in the wrong field and throws
 * its message. Every field has a label with a mnemonic (Alt+letter) that moves the focus to it.
 *
 * <p>Swing: create and use on the event thread.
 */
public final class SearchPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SearchPanel.class.getName());

    /** The index of the tab of the form's fields. */
    private static final int FORM_TAB = 0;
    /** The index of the ADQL tab. */
    private static final int ADQL_TAB = 1;

    private final JComboBox<String> table = new JComboBox<>(ArchiveSearch.TABLES.toArray(new String[0]));
    private final JTextField target = new JTextField(22);
    private final JTextField radius = new JTextField(Double.toString(ArchiveSearch.DEFAULT_RADIUS), 6);
    private final JTextField tdt = new JTextField(10);
    private final JTextField revolution = new JTextField(6);
    private final JComboBox<String> instrument = new JComboBox<>(new String[] {"", "CAM", "LWS", "PHT", "SWS"});
    private final JComboBox<String> aot = new JComboBox<>();
    private final JTextField start = new JTextField(16);
    private final JTextField end = new JTextField(16);
    private final JTextArea adql = new JTextArea(6, 40);
    private final JTextField maxrec = new JTextField(Long.toString(QueryRequest.DEFAULT_MAXREC), 9);
    /**
     * As tall as the tab shown, not the tallest tab (Swing's default): the form has no empty band under it, and the
     * ADQL tab gets its browser's height when it is chosen (the host's layout follows on revalidate).
     */
    private final JTabbedPane tabs = new JTabbedPane() {
        @Override
        public java.awt.Dimension getPreferredSize() {
            java.awt.Dimension d = super.getPreferredSize();
            java.awt.Component shown = getSelectedComponent();
            if (isPreferredSizeSet() || shown == null) {
                return d;
            }
            int tallest = 0;
            for (java.awt.Component c : getComponents()) {
                tallest = Math.max(tallest, c.getPreferredSize().height);
            }
            return new java.awt.Dimension(d.width, d.height - tallest + shown.getPreferredSize().height);
        }
    };
    private final JLabel metadataStatus = new JLabel(" ");
    /**
     * The ADQL tab's browser and completion are made when that tab is first shown (or asked for): the window shows
     * the form first, and they took ~10 ms of its start-up (bench/window-start.sh); null until then.
     */
    private transient SchemaBrowser browser;
    /** the browser's place: sized as before, empty until the browser is made */
    private final JScrollPane tree = new JScrollPane();
    private final JLabel browserLabel = label("Tables (double-click to insert):", 'B', null);
    /** the tables the browser lists (the last metadata applied) */
    private transient List<TableMeta> browserTables = List.of();
    private final transient Map<Field, JComponent> fields = new EnumMap<>(Field.class);

    private transient AdqlCompletionPopup completion;

    private transient List<String> aots = ArchiveSearch.KNOWN_AOTS;
    /** The tables the ADQL completion offers: null until the archive's metadata has been read. */
    private transient List<TableMeta> adqlTables;
    private transient Object archiveKey;
    private transient SwingWorker<ArchiveMetadata, Void> fetching;

    /** An empty form on {@code ida.observations}, with no archive yet ({@link #setArchive}). */
    public SearchPanel() {
        super(new BorderLayout());
        table.setEditable(true);
        table.setToolTipText("ida.observations, ivoa.obscore, ivoa.ssap and ivoa.siap take the form's fields; any "
                             + "other table loads whole (up to MAXREC), or use ADQL");
        target.setToolTipText("a name (M31: Sesame, else the archive's own target names), or a position: "
                              + "\"10.684708 41.26875\" (degrees) or \"00:42:44.3 +41:16:09\" (RA in hours)");
        radius.setToolTipText("cone radius, degrees");
        tdt.setToolTipText("Target Dedicated Time number, e.g. 80001538");
        revolution.setToolTipText("ISO revolution (orbit) number, 0 to 999");
        instrument.setToolTipText("CAM, LWS, PHT or SWS; empty for any");
        instrument.setRenderer(anyForEmpty());
        aot.setEditable(true);
        aot.setRenderer(anyForEmpty());
        aot.setToolTipText("Astronomical Observation Template, e.g. S01 (the archive's own list); empty for any");
        start.setToolTipText("UTC, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]: observations that end at or after it");
        end.setToolTipText("UTC, YYYY-MM-DD (to the end of that day) or YYYY-MM-DDThh:mm[:ss]: observations that "
                           + "start at or before it");
        adql.setLineWrap(true);
        adql.setWrapStyleWord(true);
        adql.getAccessibleContext().setAccessibleName("ADQL query");
        adql.setToolTipText("Ctrl+Space completes a table or column name from the archive's metadata");
        maxrec.setToolTipText("most rows wanted (TAP MAXREC); a result cut there says so");
        fields.put(Field.TABLE, table);
        fields.put(Field.TARGET, target);
        fields.put(Field.RADIUS, radius);
        fields.put(Field.TDT, tdt);
        fields.put(Field.REVOLUTION, revolution);
        fields.put(Field.INSTRUMENT, instrument);
        fields.put(Field.AOT, aot);
        fields.put(Field.START, start);
        fields.put(Field.END, end);
        fields.put(Field.ADQL, adql);
        fields.put(Field.MAXREC, maxrec);
        // names for tests and hosts that find the fields: search.target, search.maxrec, ...
        fields.forEach((f, c) -> c.setName("search." + f.name().toLowerCase(java.util.Locale.ROOT)));
        setAots(ArchiveSearch.KNOWN_AOTS);
        instrument.addActionListener(e -> setAots(aots));

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(5, 5, 5, 5));
        int row = 0;
        row = line(form, row, label("Table:", 'T', table), table, null, null);
        row = line(form, row, label("Target or position:", 'g', target), target,
                   label("Radius (deg):", 'R', radius), radius);
        row = line(form, row, label("TDT:", 'D', tdt), tdt, label("Revolution:", 'v', revolution), revolution);
        row = line(form, row, label("Instrument:", 'I', instrument), instrument, label("AOT:", 'O', aot), aot);
        row = line(form, row, label("Start (UTC):", 'S', start), start, label("End (UTC):", 'E', end), end);
        GridBagConstraints filler = new GridBagConstraints();
        filler.gridy = row;
        filler.weighty = 1;
        form.add(new JLabel(" "), filler);

        JPanel adqlTab = new JPanel(new BorderLayout(4, 4));
        adqlTab.setBorder(BorderFactory.createEmptyBorder(5, 5, 5, 5));
        tree.setPreferredSize(new Dimension(220, 160));
        JPanel query = new JPanel(new BorderLayout());
        query.add(label("Query (Ctrl+Space completes names):", 'Q', adql), BorderLayout.NORTH);
        query.add(new JScrollPane(adql), BorderLayout.CENTER);
        JPanel tables = new JPanel(new BorderLayout());
        tables.add(browserLabel, BorderLayout.NORTH);
        tables.add(tree, BorderLayout.CENTER);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, tables, query);
        split.setResizeWeight(0.35);
        adqlTab.add(split, BorderLayout.CENTER);
        adqlTab.add(metadataStatus, BorderLayout.SOUTH);

        tabs.addTab("Fields", form);
        tabs.setMnemonicAt(FORM_TAB, KeyEvent.VK_F);
        tabs.setToolTipTextAt(FORM_TAB, "search by the fields filled in (all of them together)");
        tabs.addTab("ADQL", adqlTab);
        tabs.setMnemonicAt(ADQL_TAB, KeyEvent.VK_A);
        tabs.setToolTipTextAt(ADQL_TAB, "search with your own ADQL");
        tabs.addChangeListener(e -> {
            tabs.revalidate(); // its preferred height is the shown tab's
            if (tabs.getSelectedIndex() == ADQL_TAB) {
                adqlTools();
                if (adql.getText().isBlank()) {
                    adql.setText(formAdql()); // a start: the form's query, to edit
                }
            }
        });
        add(tabs, BorderLayout.CENTER);

        JPanel bottom = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEADING, 4, 2));
        bottom.add(label("MAXREC:", 'M', maxrec));
        bottom.add(maxrec);
        add(bottom, BorderLayout.SOUTH);
    }

    /**
     * Says which archive the form is about: its tables, columns and AOTs are read (once per {@code key}, in a
     * {@link SwingWorker}) and offered in the table chooser, the ADQL browser and the AOT list. Event thread.
     *
     * @param key    the archive as the host names it (equal keys share their metadata, e.g. an
     *               {@code ArchiveSettings}); null for none
     * @param opener opens it, off the event thread
     */
    public void setArchive(Object key, ArchiveOpener opener) {
        if (Objects.equals(key, archiveKey) && (fetching != null || ArchiveMetadata.cached(key) != null)) {
            return;
        }
        archiveKey = key;
        if (fetching != null) {
            fetching.cancel(true);
            fetching = null;
        }
        if (key == null) {
            apply(new ArchiveMetadata(List.of(), ArchiveSearch.KNOWN_AOTS));
            metadataStatus.setText("No archive");
            return;
        }
        ArchiveMetadata known = ArchiveMetadata.cached(key);
        if (known != null) {
            apply(known);
            return;
        }
        adqlTables = null;
        metadataStatus.setText("Reading the archive's tables ...");
        SwingWorker<ArchiveMetadata, Void> worker = new SwingWorker<>() {
            @Override
            protected ArchiveMetadata doInBackground() throws Exception {
                return ArchiveMetadata.fetch(key, opener);
            }

            @Override
            protected void done() {
                if (fetching != this) {
                    return; // another archive was chosen meanwhile
                }
                fetching = null;
                try {
                    apply(get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    LOG.log(Level.FINE, "metadata of " + key, c);
                    metadataStatus.setText("Could not read the archive's tables: "
                                           + (c.getMessage() == null ? c.toString() : c.getMessage()));
                    if (completion != null) {
                        completion.refresh(); // a list opened meanwhile says why it has no names
                    }
                } catch (InterruptedException | java.util.concurrent.CancellationException e) {
                    metadataStatus.setText(" ");
                }
            }
        };
        fetching = worker;
        worker.execute();
    }

    /**
     * Reads the form. On a wrong field, the cursor goes there (its tab shown) and its message is thrown.
     *
     * @return the search the form asks for: the ADQL when the ADQL tab is shown, else the fields filled in
     * @throws BadField naming the wrong field
     */
    public ArchiveSearch search() {
        try {
            return read();
        } catch (BadField e) {
            JComponent c = fields.get(e.field());
            if (c != null) {
                if (e.field() != Field.MAXREC) {
                    tabs.setSelectedIndex(e.field() == Field.ADQL ? ADQL_TAB : FORM_TAB);
                }
                c.requestFocusInWindow();
            }
            throw e;
        }
    }

    private ArchiveSearch read() {
        if (isAdqlSelected()) {
            return ArchiveSearch.adqlBuilder(adql.getText()).text(Field.MAXREC, maxrec.getText()).build();
        }
        return readForm();
    }

    private ArchiveSearch readForm() {
        ArchiveSearch.Builder b = ArchiveSearch.builder(text(Field.TABLE));
        for (Field f : List.of(Field.TARGET, Field.RADIUS, Field.TDT, Field.REVOLUTION, Field.INSTRUMENT, Field.AOT,
                               Field.START, Field.END, Field.MAXREC)) {
            b.text(f, text(f));
        }
        return b.build();
    }

    /** @return the form's ADQL as far as it can be made now (a name unresolved: the table alone) */
    private String formAdql() {
        try {
            ArchiveSearch s = readForm();
            return s.needsResolver() ? "SELECT TOP 100 * FROM " + s.table() : s.adql();
        } catch (IllegalArgumentException e) {
            return "SELECT TOP 100 * FROM " + text(Field.TABLE).strip();
        }
    }

    /**
     * @param field a field
     * @return its text as typed ({@code ""} for an empty choice)
     */
    public String text(Field field) {
        JComponent c = fields.get(field);
        if (c instanceof JTextComponent t) {
            return t.getText();
        }
        Object item = ((JComboBox<?>) c).isEditable()
            ? ((JComboBox<?>) c).getEditor().getItem() : ((JComboBox<?>) c).getSelectedItem();
        return item == null ? "" : item.toString();
    }

    /**
     * Fills a field as a user would type it (for a host that fills the form, e.g. from a SAMP message or a test).
     *
     * @param field a field
     * @param text  its text
     */
    public void setText(Field field, String text) {
        JComponent c = fields.get(field);
        if (c instanceof JTextComponent t) {
            t.setText(text);
        } else {
            JComboBox<?> box = (JComboBox<?>) c;
            if (box.isEditable()) {
                box.getEditor().setItem(text);
            }
            box.setSelectedItem(text);
        }
    }

    /** Clears the form's fields (not the table, radius or MAXREC). */
    public void clearFields() {
        for (Field f : List.of(Field.TARGET, Field.TDT, Field.REVOLUTION, Field.INSTRUMENT, Field.AOT, Field.START,
                               Field.END)) {
            setText(f, "");
        }
    }

    /** @param adqlMode true to search by the ADQL tab's query, false by the form's fields */
    public void setAdqlSelected(boolean adqlMode) {
        tabs.setSelectedIndex(adqlMode ? ADQL_TAB : FORM_TAB);
    }

    /** @return true when the ADQL tab is shown, so the search is by ADQL */
    public boolean isAdqlSelected() {
        return tabs.getSelectedIndex() == ADQL_TAB;
    }

    /** @return the line under the browser: the archive's tables read, being read, or why not */
    public String metadataStatus() {
        return metadataStatus.getText();
    }

    /** @return true while the archive's metadata is being read */
    public boolean isFetching() {
        return fetching != null;
    }

    /** @return the columns the ADQL browser lists for {@code table} (empty until the metadata has arrived) */
    public List<String> browserColumns(String table) {
        return browser().columnsShown(table);
    }

    /** @return the tables the table chooser offers */
    public List<String> tableChoices() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < table.getItemCount(); i++) {
            out.add(table.getItemAt(i));
        }
        return out;
    }

    /** @return the AOTs the AOT list offers now (those of the chosen instrument), the first being "" for any */
    public List<String> aotChoices() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < aot.getItemCount(); i++) {
            out.add(aot.getItemAt(i));
        }
        return out;
    }

    /**
     * Shows a table's columns in the ADQL browser (expanded, scrolled to, selected), if the archive has it.
     *
     * @param tableName the table's qualified name
     * @return true if the browser has it
     */
    public boolean showInBrowser(String tableName) {
        SchemaBrowser browser = browser();
        javax.swing.tree.TreePath path = browser.pathOf(tableName, null);
        if (path == null) {
            return false;
        }
        browser.expandPath(path);
        browser.setSelectionPath(path);
        // its last column first, then the table: the table's row at the top, as many columns under it as fit
        int row = browser.getRowForPath(path);
        browser.scrollRowToVisible(row + ((javax.swing.tree.TreeNode) path.getLastPathComponent()).getChildCount());
        browser.scrollPathToVisible(path);
        return true;
    }

    /** The ADQL browser, for the package's tests and hosts that drive it. */
    SchemaBrowser browser() {
        adqlTools();
        return browser;
    }

    /** Makes the ADQL tab's browser and name completion, once (event thread). */
    private void adqlTools() {
        if (browser != null) {
            return;
        }
        browser = new SchemaBrowser(this::insertIntoAdql);
        browser.setTables(browserTables);
        tree.setViewportView(browser);
        browserLabel.setLabelFor(browser);
        // from the metadata already read, never the archive itself: nothing slow on the event thread
        completion = new AdqlCompletionPopup(adql, () -> adqlTables, () -> metadataStatus.getText()
            .startsWith("Could not") ? metadataStatus.getText() : "metadata still loading");
    }

    /** Inserts a table or column name at the ADQL's cursor (replacing a selection), and shows the query. */
    void insertIntoAdql(String name) {
        String before = adql.getText().substring(0, adql.getSelectionStart());
        // a name after a word or a comma gets a space; after a space, "(" or "." it joins on
        boolean space = !before.isEmpty() && !Character.isWhitespace(before.charAt(before.length() - 1))
                        && "(.".indexOf(before.charAt(before.length() - 1)) < 0;
        adql.replaceSelection((space ? " " : "") + name);
        adql.requestFocusInWindow();
    }

    /** The ADQL text area, for the package's tests. */
    JTextArea adqlArea() {
        adqlTools();
        return adql;
    }

    /** The ADQL area's name completion, for the package's tests. */
    AdqlCompletionPopup adqlCompletion() {
        adqlTools();
        return completion;
    }

    private void apply(ArchiveMetadata m) {
        browserTables = m.tables();
        if (browser != null) {
            browser.setTables(m.tables());
        }
        adqlTables = m.tables();
        Object chosen = table.getEditor().getItem();
        DefaultComboBoxModel<String> model = new DefaultComboBoxModel<>(ArchiveSearch.TABLES.toArray(new String[0]));
        for (TableMeta t : m.tables()) {
            if (!ArchiveSearch.TABLES.contains(t.name().toLowerCase(java.util.Locale.ROOT))) {
                model.addElement(t.name());
            }
        }
        table.setModel(model);
        table.setSelectedItem(chosen);
        setAots(m.aots());
        metadataStatus.setText(m.tables().size() + " tables");
        if (completion != null) {
            completion.refresh(); // a list opened while the metadata was read offers it now
        }
    }

    /** Offers these AOTs, those of the chosen instrument only, keeping what is typed. */
    private void setAots(List<String> all) {
        aots = all;
        String typed = text(Field.AOT);
        String inst = text(Field.INSTRUMENT);
        DefaultComboBoxModel<String> model = new DefaultComboBoxModel<>();
        model.addElement("");
        for (String a : all) {
            if (inst.isEmpty() || a.startsWith(inst.substring(0, 1))) {
                model.addElement(a);
            }
        }
        aot.setModel(model);
        aot.setSelectedItem(typed);
    }

    /** @return a renderer that shows the empty choice as "any" */
    private static javax.swing.ListCellRenderer<Object> anyForEmpty() {
        return new javax.swing.DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                                                          boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, "".equals(value) ? "any" : value, index, selected,
                                                          focus);
            }
        };
    }

    private static JLabel label(String text, char mnemonic, Component field) {
        JLabel l = new JLabel(text);
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(field);
        return l;
    }

    private static int line(JPanel p, int row, JLabel l1, Component f1, JLabel l2, Component f2) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.insets = new Insets(2, 2, 2, 4);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        p.add(l1, c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        if (l2 == null) {
            c.gridwidth = 3;
        }
        p.add(f1, c);
        if (l2 != null) {
            c.gridx = 2;
            c.weightx = 0;
            c.fill = GridBagConstraints.NONE;
            p.add(l2, c);
            c.gridx = 3;
            c.weightx = 0.5;
            c.fill = GridBagConstraints.HORIZONTAL;
            p.add(f2, c);
        }
        return row + 1;
    }
}
