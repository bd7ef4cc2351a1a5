package org.isosamp.topcat;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.io.File;
import javax.swing.Box;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.samp.ProductFetch;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.topcat.Safety;
import uk.ac.starlink.topcat.TopcatModel;
import uk.ac.starlink.topcat.activate.AbstractActivatorConfigurator;
import uk.ac.starlink.topcat.activate.Activator;
import uk.ac.starlink.topcat.activate.ConfigState;

/**
 * The "ISO product" action's panel in TOPCAT's activation window: the TDT column, the archive, STANDALONE or
 * OBSERVATION and its product level, what then (load into TOPCAT, send over SAMP, show the postcard, save only), and
 * the folder. Each change tells TOPCAT (which asks again for the {@link #getActivator activator} and the
 * {@link #getConfigMessage message}). The settings are saved in TOPCAT sessions as {@link ProductActionSettings}.
 * Event thread only, as all of TOPCAT's configurators.
 */
final class IsoProductConfigurator extends AbstractActivatorConfigurator {

    private final TopcatModel model;
    private final JComboBox<String> columnField;
    private final JComboBox<String> archiveField;
    private final JComboBox<RetrievalType> typeField;
    private final JComboBox<ProductLevel> levelField;
    private final JComboBox<ProductFetch.Then> thenField;
    private final JTextField folderField;
    /** One postcard window for all this action's activations. */
    private final IsoProductPostcardWindow postcards;

    IsoProductConfigurator(TopcatModel model) {
        this(model, new JPanel(new GridBagLayout()));
    }

    private IsoProductConfigurator(TopcatModel model, JPanel panel) {
        super(panel);
        this.model = model;
        this.postcards = new IsoProductPostcardWindow(panel);
        StarTable table = model.getDataModel();
        columnField = new JComboBox<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            columnField.addItem(table.getColumnInfo(i).getName());
        }
        archiveField = new JComboBox<>(new String[] {IsoLoadDialog.PRODUCTION});
        archiveField.setEditable(true);
        archiveField.setToolTipText("production, an archive's URL (…/nida-sl-tap/, e.g. iso-samp serve-local's), "
                                    + "or local where available");
        typeField = new JComboBox<>(new RetrievalType[] {RetrievalType.STANDALONE, RetrievalType.OBSERVATION});
        typeField.setToolTipText("STANDALONE: the observation's one VO product (a FITS spectrum or image); "
                                 + "OBSERVATION: a tar of its products at the product level");
        levelField = new JComboBox<>(ProductLevel.values());
        thenField = new JComboBox<>(ProductFetch.Then.values());
        thenField.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                Object shown = value instanceof ProductFetch.Then t ? t.label() : value;
                return super.getListCellRendererComponent(list, shown, index, selected, focus);
            }
        });
        folderField = new JTextField(16);
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> chooseFolder(panel));

        // five short rows under short labels: TOPCAT 4.8.7's activation window shows an action's panel in about
        // 390x145 pixels at its own size, and scrolls the rest; a sixth row, or a wider one, hid the folder behind
        // scroll bars. So the combo boxes are not as wide as their longest item (a long column name, an archive's
        // URL: the field scrolls), and they may narrow further when the window is narrower
        columnField.setPrototypeDisplayValue("a_column_named_so");
        archiveField.setPrototypeDisplayValue("http://host:port/nida-sl-tap/");
        columnField.setToolTipText("The column with the observation's TDT");
        levelField.setToolTipText("The OBSERVATION tar's product level");
        for (JComponent c : java.util.List.of(columnField, archiveField, typeField, levelField, thenField,
                                              folderField)) {
            c.setMinimumSize(new Dimension(48, c.getPreferredSize().height));
        }
        Box type = Box.createHorizontalBox();
        type.add(typeField);
        type.add(Box.createHorizontalStrut(4));
        type.add(levelField);
        int row = 0;
        row = line(panel, row, "TDT in:", columnField);
        row = line(panel, row, "Archive:", archiveField);
        row = line(panel, row, "Retrieval:", type);
        row = line(panel, row, "Then:", thenField);
        Box folder = Box.createHorizontalBox();
        folder.add(folderField);
        folder.add(Box.createHorizontalStrut(4));
        folder.add(browse);
        line(panel, row, "Folder:", folder);

        apply(ProductActionSettings.defaults(IsoProductActivationType.tdtColumn(table)));
        for (JComboBox<?> c : java.util.List.of(columnField, archiveField, typeField, levelField, thenField)) {
            c.addActionListener(e -> changed());
        }
        onEdit((JTextComponent) archiveField.getEditor().getEditorComponent());
        onEdit(folderField);
    }

    private static int line(JPanel p, int row, String label, JComponent field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(1, 4, 0, 4);
        p.add(new JLabel(label), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        p.add(field, c);
        return row + 1;
    }

    private void onEdit(JTextComponent field) {
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                changed();
            }
        });
    }

    private void chooseFolder(Component parent) {
        JFileChooser chooser = new JFileChooser(folderField.getText());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle("Folder for ISO products");
        if (chooser.showDialog(parent, "Choose") == JFileChooser.APPROVE_OPTION) {
            File f = chooser.getSelectedFile();
            folderField.setText(f.getAbsolutePath());
        }
    }

    /** The product level means something for OBSERVATION tars only; then tells TOPCAT. */
    private void changed() {
        levelField.setEnabled(typeField.getSelectedItem() == RetrievalType.OBSERVATION);
        getActionForwarder().actionPerformed(new ActionEvent(this, ActionEvent.ACTION_PERFORMED, "changed"));
    }

    /** @return what the panel shows now */
    ProductActionSettings settings() {
        Object archive = archiveField.getEditor().getItem();
        return new ProductActionSettings((String) columnField.getSelectedItem(),
            archive == null ? null : archive.toString(), (RetrievalType) typeField.getSelectedItem(),
            (ProductLevel) levelField.getSelectedItem(), (ProductFetch.Then) thenField.getSelectedItem(),
            folderField.getText());
    }

    /** Shows {@code s} in the panel, as a user would set it (a column the table lacks is added to the list). */
    void apply(ProductActionSettings s) {
        if (!s.column().isEmpty() && ((javax.swing.DefaultComboBoxModel<String>) columnField.getModel())
                .getIndexOf(s.column()) < 0) {
            columnField.addItem(s.column());
        }
        columnField.setSelectedItem(s.column().isEmpty() ? null : s.column());
        archiveField.setSelectedItem(s.archive());
        archiveField.getEditor().setItem(s.archive());
        typeField.setSelectedItem(s.type());
        levelField.setSelectedItem(s.level());
        thenField.setSelectedItem(s.then());
        folderField.setText(s.folder());
        changed();
    }

    @Override
    public Activator getActivator() {
        ProductActionSettings s = settings();
        return s.problem() == null ? new IsoProductActivator(model, s, postcards) : null;
    }

    @Override
    public String getConfigMessage() {
        return settings().problem();
    }

    @Override
    public ConfigState getState() {
        return new ConfigState(settings().toMap());
    }

    @Override
    public void setState(ConfigState state) {
        apply(ProductActionSettings.fromMap(state.getMap(),
            ProductActionSettings.defaults(IsoProductActivationType.tdtColumn(model.getDataModel()))));
    }

    /** UNSAFE, as TOPCAT's own Download action: it writes files and sends to other applications. */
    @Override
    public Safety getSafety() {
        return Safety.UNSAFE;
    }
}
