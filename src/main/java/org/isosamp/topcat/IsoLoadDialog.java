package org.isosamp.topcat;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.IOException;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.gui.SearchPanel;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableSequence;
import uk.ac.starlink.table.gui.AbstractTableLoadDialog;
import uk.ac.starlink.table.gui.TableLoader;

/**
 * TOPCAT's load dialog "ISO Data Archive": the archive to search, and iso-samp's search panel ({@link SearchPanel}:
 * target or position and radius, TDT, revolution, instrument/AOT, time range, or ADQL with a table and column
 * browser; MAXREC) over {@code ida.observations}, {@code ivoa.obscore}, {@code ivoa.ssap}, {@code ivoa.siap} or any
 * table. TOPCAT creates it by name:
 *
 * <pre>
 * topcat -classpath iso-samp-topcat.jar -Dstartable.load.dialogs=org.isosamp.topcat.IsoLoadDialog
 * </pre>
 *
 * The archive field takes {@code production} (the default), an archive's URL, or {@code local} where the embedded
 * local archive is on the class path (it is not in {@code iso-samp-topcat.jar}); each archive is opened once per
 * dialog and kept until TOPCAT exits, so that the URLs in loaded tables keep working. The form is read on the event
 * thread, checked, and nothing else happens there: the archive's metadata is read by the panel's worker, and the
 * query runs in {@link #createTableLoader()}'s loader, on TOPCAT's worker thread. The status line says how the last
 * load went, and when MAXREC cut it. Only STIL 4.1.3's API is used (TOPCAT 4.8.7's).
 *
 * <p>Swing objects: use on the event thread, as any Swing component.
 */
public class IsoLoadDialog extends AbstractTableLoadDialog {

    /** The name TOPCAT shows on the button and in the DataSources menu. */
    public static final String NAME = "ISO Data Archive";

    /** The archive field's word for the production archive. */
    static final String PRODUCTION = "production";

    private final DialogArchives archives = new DialogArchives();
    private JComboBox<String> archiveField;
    private SearchPanel searchPanel;
    private JLabel statusLabel;

    /** The dialog, as TOPCAT makes it (public, no arguments). */
    public IsoLoadDialog() {
        super(NAME, "Search ISO's archive (ISO Data Archive, or a local one) by position, target name, TDT, "
                    + "revolution, instrument/AOT, time or ADQL");
        // iso-samp's SAMP icon (48 px), at the size of TOPCAT's other Load window buttons
        java.net.URL icon = IsoLoadDialog.class.getResource("/META-INF/iso-samp/iso-samp-icon.png");
        if (icon != null) {
            setIcon(new javax.swing.ImageIcon(new javax.swing.ImageIcon(icon).getImage()
                .getScaledInstance(24, 24, java.awt.Image.SCALE_SMOOTH)));
        }
    }

    @Override
    protected Component createQueryComponent() {
        archiveField = new JComboBox<>(DialogArchives.choices());
        archiveField.setEditable(true);
        archiveField.setToolTipText("production, an archive's URL (…/nida-sl-tap/), or local where available");
        searchPanel = new SearchPanel();
        statusLabel = new JLabel(" ");
        // a new archive: the panel reads its tables, columns and AOTs off the event thread
        archiveField.addActionListener(e -> archiveChanged());

        JPanel top = new JPanel(new GridBagLayout());
        top.setBorder(BorderFactory.createEmptyBorder(5, 5, 0, 5));
        JLabel archiveLabel = new JLabel("Archive:");
        archiveLabel.setDisplayedMnemonic('c'); // not H: the Load window's Help menu has it
        archiveLabel.setLabelFor(archiveField);
        line(top, 0, archiveLabel, archiveField);
        JPanel bottom = new JPanel(new GridBagLayout());
        bottom.setBorder(BorderFactory.createEmptyBorder(0, 5, 5, 5));
        line(bottom, 0, new JLabel("Last load:"), statusLabel);

        JPanel p = new JPanel(new BorderLayout());
        p.add(top, BorderLayout.NORTH);
        p.add(searchPanel, BorderLayout.CENTER);
        p.add(bottom, BorderLayout.SOUTH);
        archiveChanged();
        return p;
    }

    /** Tells the panel which archive the field names now (a wrong one: no metadata, and the load says why). */
    private void archiveChanged() {
        try {
            ArchiveSettings settings = archive(String.valueOf(archiveField.getSelectedItem()));
            searchPanel.setArchive(settings, () -> archives.session(settings).archive());
        } catch (IllegalArgumentException e) {
            searchPanel.setArchive(null, null);
        }
    }

    /**
     * Reads the form (on the event thread) into a loader. A wrong field gives a loader that fails at once with the
     * reason, which TOPCAT shows as any load failure (and the cursor is put in that field); nothing is contacted
     * here.
     */
    @Override
    public TableLoader createTableLoader() {
        getQueryComponent(); // the form's fields exist even if TOPCAT submits before showing it
        ArchiveSearch search;
        ArchiveSettings settings;
        try {
            settings = archive(String.valueOf(archiveField.getSelectedItem()));
            search = searchPanel.search();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            statusLabel.setText("Not loaded: " + message);
            return new TableLoader() {
                @Override
                public String getLabel() {
                    return NAME;
                }

                @Override
                public TableSequence loadTables(StarTableFactory f) throws IOException {
                    throw new IOException(message);
                }
            };
        }
        statusLabel.setText("Loading " + search.label() + " (MAXREC " + search.maxrec() + ") ...");
        return new IsoTableLoader(archives, settings, search,
                                  line -> SwingUtilities.invokeLater(() -> statusLabel.setText(line)));
    }

    /** @return the archive the field names: blank or {@value #PRODUCTION} for production, else a URL or local */
    static ArchiveSettings archive(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.toLowerCase(Locale.ROOT).equals(PRODUCTION)) {
            return ArchiveSettings.production();
        }
        return ArchiveSettings.parse(t);
    }

    // the methods below let a test (or a SAMP-driven form) fill the form as a user would; event thread only

    /** Sets the archive field ({@value #PRODUCTION}, a URL, or local). */
    void setArchive(String text) {
        getQueryComponent();
        archiveField.setSelectedItem(text);
    }

    /** @return the search panel, to fill as a user would */
    SearchPanel searchPanel() {
        getQueryComponent();
        return searchPanel;
    }

    /** Chooses a cone search (and nothing else) on {@code table} around a position or target name. */
    void setCone(String table, String target, String radiusDeg) {
        SearchPanel p = searchPanel();
        p.setAdqlSelected(false);
        p.clearFields();
        p.setText(ArchiveSearch.Field.TABLE, table);
        p.setText(ArchiveSearch.Field.TARGET, target);
        p.setText(ArchiveSearch.Field.RADIUS, radiusDeg);
    }

    /** Sets MAXREC. */
    void setMaxrec(String maxrec) {
        searchPanel().setText(ArchiveSearch.Field.MAXREC, maxrec);
    }

    /** @return the last load's outcome as the form shows it */
    String status() {
        getQueryComponent();
        return statusLabel.getText();
    }

    private static void line(JPanel p, int row, Component label, Component field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.insets = new Insets(2, 2, 2, 2);
        c.anchor = GridBagConstraints.WEST;
        p.add(label, c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        p.add(field, c);
    }
}
