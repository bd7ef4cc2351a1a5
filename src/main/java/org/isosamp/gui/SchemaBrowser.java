package org.isosamp.gui;

import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JTree;
import javax.swing.KeyStroke;
import javax.swing.ToolTipManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import org.isosamp.model.ColumnMeta;
import org.isosamp.model.TableMeta;

/**
 * The archive's tables and columns as a tree (schema, table, column), for writing ADQL: a column's tooltip gives its
 * type, unit, UCD and description, a table's its description, and a double-click or Enter on a node hands its name
 * ({@code ida.observations}, {@code ra_deg}) to the consumer, which inserts it into the query. Event thread only.
 */
final class SchemaBrowser extends JTree {

    private static final long serialVersionUID = 1L;

    /** What a node shows and inserts. */
    private record Item(String label, String insert, String tip) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final transient Consumer<String> insert;
    private transient List<TableMeta> tables = List.of();

    /** @param insert given the name of the node the user picks */
    SchemaBrowser(Consumer<String> insert) {
        super(new DefaultTreeModel(new DefaultMutableTreeNode("tables")));
        this.insert = insert;
        setRootVisible(false);
        setShowsRootHandles(true);
        ToolTipManager.sharedInstance().registerComponent(this);
        getAccessibleContext().setAccessibleName("Tables and columns");
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    TreePath p = getPathForLocation(e.getX(), e.getY());
                    if (p != null) {
                        pick(p);
                    }
                }
            }
        });
        getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "insertName");
        getActionMap().put("insertName", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                if (getSelectionPath() != null) {
                    pick(getSelectionPath());
                }
            }
        });
    }

    /** Shows these tables, grouped by schema, the schemas and tables collapsed. */
    void setTables(List<TableMeta> tables) {
        this.tables = List.copyOf(tables);
        DefaultMutableTreeNode root = new DefaultMutableTreeNode("tables");
        Map<String, DefaultMutableTreeNode> schemas = new LinkedHashMap<>();
        for (TableMeta t : tables) {
            int dot = t.name().indexOf('.');
            String schema = dot > 0 ? t.name().substring(0, dot) : "";
            DefaultMutableTreeNode s = schemas.computeIfAbsent(schema, k -> {
                DefaultMutableTreeNode n = new DefaultMutableTreeNode(new Item(k.isEmpty() ? "(no schema)" : k, k,
                                                                               "schema " + k));
                root.add(n);
                return n;
            });
            DefaultMutableTreeNode tn = new DefaultMutableTreeNode(new Item(t.name(), t.name(), tip(t.name(),
                t.description())));
            for (ColumnMeta c : t.columns()) {
                String unit = blank(c.unit()) ? "" : " (" + c.unit() + ")";
                tn.add(new DefaultMutableTreeNode(new Item(c.name() + unit, c.name(), tip(c))));
            }
            s.add(tn);
        }
        setModel(new DefaultTreeModel(root));
    }

    /** @return the tables shown */
    List<TableMeta> tables() {
        return tables;
    }

    /** @return the names of the columns shown under {@code table}, as the tree holds them; empty if absent */
    List<String> columnsShown(String table) {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) getModel().getRoot();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < root.getChildCount(); i++) {
            DefaultMutableTreeNode s = (DefaultMutableTreeNode) root.getChildAt(i);
            for (int j = 0; j < s.getChildCount(); j++) {
                DefaultMutableTreeNode t = (DefaultMutableTreeNode) s.getChildAt(j);
                if (((Item) t.getUserObject()).insert().equalsIgnoreCase(table)) {
                    for (int k = 0; k < t.getChildCount(); k++) {
                        names.add(((Item) ((DefaultMutableTreeNode) t.getChildAt(k)).getUserObject()).insert());
                    }
                }
            }
        }
        return names;
    }

    /** @return the path of a table's node, or of one of its columns if {@code column} is not null; or null */
    TreePath pathOf(String table, String column) {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) getModel().getRoot();
        for (var e = root.depthFirstEnumeration(); e.hasMoreElements();) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) e.nextElement();
            if (n.getUserObject() instanceof Item item && n.getLevel() == 2 && item.insert().equalsIgnoreCase(table)) {
                if (column == null) {
                    return new TreePath(n.getPath());
                }
                for (int k = 0; k < n.getChildCount(); k++) {
                    DefaultMutableTreeNode c = (DefaultMutableTreeNode) n.getChildAt(k);
                    if (((Item) c.getUserObject()).insert().equalsIgnoreCase(column)) {
                        return new TreePath(c.getPath());
                    }
                }
            }
        }
        return null;
    }

    /** @return the tooltip of the node at {@code path} */
    String tipOf(TreePath path) {
        Object o = ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
        return o instanceof Item item ? item.tip() : null;
    }

    /** Hands the name of the node at {@code path} to the consumer (what a double-click or Enter does). */
    void pick(TreePath path) {
        Object o = ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
        if (o instanceof Item item && path.getPathCount() > 2) { // tables and columns, not schemas
            insert.accept(item.insert());
        }
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        TreePath p = getPathForLocation(e.getX(), e.getY());
        return p == null ? null : tipOf(p);
    }

    private static String tip(String table, String description) {
        return "<html><b>" + html(table) + "</b>" + (blank(description) ? "" : "<br>" + wrap(description))
               + "<br><i>double-click or Enter: insert the name</i></html>";
    }

    private static String tip(ColumnMeta c) {
        StringBuilder s = new StringBuilder("<html><b>").append(html(c.name())).append("</b>");
        if (!blank(c.datatype())) {
            s.append(" ").append(html(c.datatype().toLowerCase(Locale.ROOT)));
            if (!blank(c.arraysize())) {
                s.append("[").append(html(c.arraysize())).append("]");
            }
        }
        if (!blank(c.unit())) {
            s.append("<br>unit: ").append(html(c.unit()));
        }
        if (!blank(c.ucd())) {
            s.append("<br>UCD: ").append(html(c.ucd()));
        }
        if (!blank(c.description())) {
            s.append("<br>").append(wrap(c.description()));
        }
        return s.append("</html>").toString();
    }

    /** @return the text escaped for HTML, with a line break about every 70 characters */
    private static String wrap(String text) {
        StringBuilder s = new StringBuilder();
        int line = 0;
        for (String word : text.split("\\s+")) {
            if (line > 0 && line + word.length() > 70) {
                s.append("<br>");
                line = 0;
            } else if (line > 0) {
                s.append(' ');
                line++;
            }
            s.append(html(word));
            line += word.length();
        }
        return s.toString();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
