package org.isosamp.topcat;

import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.IOException;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.QueryRequest;
import uk.ac.starlink.table.gui.AbstractTableLoadDialog;
import uk.ac.starlink.table.gui.TableLoader;

/**
 * TOPCAT's load dialog "ISO Data Archive": search ISO's archive by position or target name and radius, by TDT, or
 * by ADQL, and load the result as a table. TOPCAT creates it by name:
 *
 * <pre>
 * topcat -classpath iso-samp-topcat.jar -Dstartable.load.dialogs=org.isosamp.topcat.IsoLoadDialog
 * </pre>
 *
 * The archive field takes {@code production} (the default), an archive's URL, or {@code local} where the embedded
 * local archive is on the class path (it is not in {@code iso-samp-topcat.jar}); each archive is opened once per
 * dialog and kept until TOPCAT exits, so that the URLs in loaded tables keep working. The form is read on the event
 * thread, checked, and nothing else happens there: the query runs in {@link #createTableLoader()}'s loader, on
 * TOPCAT's worker thread. Only STIL 4.1.3's API is used (TOPCAT 4.8.7's).
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
    private JComboBox<String> tableField;
    private JRadioButton byCone;
    private JRadioButton byTdt;
    private JRadioButton byAdql;
    private JTextField targetField;
    private JTextField radiusField;
    private JTextField tdtField;
    private JTextArea adqlField;
    private JTextField maxrecField;
    private JLabel statusLabel;

    /** The dialog, as TOPCAT makes it (public, no arguments). */
    public IsoLoadDialog() {
        super(NAME, "Search ISO's archive (ISO Data Archive, or a local one) by position, target name, TDT or ADQL");
        // iso-samp's SAMP icon (48 px), at the size of TOPCAT's other Load window buttons
        java.net.URL icon = IsoLoadDialog.class.getResource("/META-INF/iso-samp/iso-samp-icon.png");
        if (icon != null) {
            setIcon(new javax.swing.ImageIcon(new javax.swing.ImageIcon(icon).getImage()
                .getScaledInstance(24, 24, java.awt.Image.SCALE_SMOOTH)));
        }
    }

    @Override
    protected Component createQueryComponent() {
        archiveField = new JComboBox<>(new String[] {PRODUCTION});
        archiveField.setEditable(true);
        archiveField.setToolTipText("production, an archive's URL (…/nida-sl-tap/), or local where available");
        tableField = new JComboBox<>(IsoSearch.TABLES.toArray(new String[0]));
        byCone = new JRadioButton("Position or target", true);
        byTdt = new JRadioButton("TDT");
        byAdql = new JRadioButton("ADQL");
        ButtonGroup group = new ButtonGroup();
        group.add(byCone);
        group.add(byTdt);
        group.add(byAdql);
        targetField = new JTextField(24);
        targetField.setToolTipText("M31, \"10.684708 41.26875\" or \"00:42:44.3 +41:16:09\" (ICRS)");
        radiusField = new JTextField("0.1", 8);
        tdtField = new JTextField(12);
        adqlField = new JTextArea(4, 40);
        adqlField.setLineWrap(true);
        maxrecField = new JTextField(Long.toString(QueryRequest.DEFAULT_MAXREC), 10);
        statusLabel = new JLabel(" ");
        // typing in a field chooses what the search is by
        targetField.addFocusListener(select(byCone));
        radiusField.addFocusListener(select(byCone));
        tdtField.addFocusListener(select(byTdt));
        adqlField.addFocusListener(select(byAdql));

        JPanel p = new JPanel(new GridBagLayout());
        p.setBorder(BorderFactory.createEmptyBorder(5, 5, 5, 5));
        int row = 0;
        row = line(p, row, new JLabel("Archive:"), archiveField);
        row = line(p, row, new JLabel("Table:"), tableField);
        row = line(p, row, byCone, targetField);
        row = line(p, row, new JLabel("    Radius (degrees):"), radiusField);
        row = line(p, row, byTdt, tdtField);
        row = line(p, row, byAdql, new JScrollPane(adqlField));
        row = line(p, row, new JLabel("MAXREC:"), maxrecField);
        line(p, row, new JLabel("Last load:"), statusLabel);
        return p;
    }

    /**
     * Reads the form (on the event thread) into a loader. A wrong field gives a loader that fails at once with the
     * reason, which TOPCAT shows as any load failure; nothing is contacted here.
     */
    @Override
    public TableLoader createTableLoader() {
        getQueryComponent(); // the form's fields exist even if TOPCAT submits before showing it
        IsoSearch search;
        ArchiveSettings settings;
        try {
            settings = archive(String.valueOf(archiveField.getSelectedItem()));
            IsoSearch.Kind kind = byTdt.isSelected() ? IsoSearch.Kind.TDT
                : byAdql.isSelected() ? IsoSearch.Kind.ADQL : IsoSearch.Kind.CONE;
            String text = switch (kind) {
                case CONE -> targetField.getText();
                case TDT -> tdtField.getText();
                case ADQL -> adqlField.getText();
            };
            search = IsoSearch.read(String.valueOf(tableField.getSelectedItem()), kind, text,
                                    radiusField.getText(), maxrecField.getText());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            return new TableLoader() {
                @Override
                public String getLabel() {
                    return NAME;
                }

                @Override
                public uk.ac.starlink.table.TableSequence loadTables(uk.ac.starlink.table.StarTableFactory f)
                        throws IOException {
                    throw new IOException(message);
                }
            };
        }
        statusLabel.setText("Loading " + search.label() + " ...");
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

    // the setters below let a test (or a SAMP-driven form) fill the form as a user would; event thread only

    /** Sets the archive field ({@value #PRODUCTION}, a URL, or local). */
    void setArchive(String text) {
        getQueryComponent();
        archiveField.setSelectedItem(text);
    }

    /** Chooses a cone search on {@code table} around a position or target name. */
    void setCone(String table, String target, String radiusDeg) {
        getQueryComponent();
        tableField.setSelectedItem(table);
        byCone.setSelected(true);
        targetField.setText(target);
        radiusField.setText(radiusDeg);
    }

    /** Sets MAXREC. */
    void setMaxrec(String maxrec) {
        getQueryComponent();
        maxrecField.setText(maxrec);
    }

    /** @return the last load's outcome as the form shows it */
    String status() {
        getQueryComponent();
        return statusLabel.getText();
    }

    private static java.awt.event.FocusListener select(JRadioButton button) {
        return new java.awt.event.FocusAdapter() {
            @Override
            public void focusGained(java.awt.event.FocusEvent e) {
                button.setSelected(true);
            }
        };
    }

    private static int line(JPanel p, int row, Component label, Component field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.insets = new Insets(2, 2, 2, 2);
        c.anchor = GridBagConstraints.WEST;
        p.add(label, c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        p.add(field, c);
        return row + 1;
    }
}
