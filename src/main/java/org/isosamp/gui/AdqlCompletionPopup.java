package org.isosamp.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JWindow;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.border.Border;
import javax.swing.event.AncestorEvent;
import javax.swing.event.AncestorListener;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import javax.swing.text.JTextComponent;
import org.isosamp.gui.AdqlCompletion.Candidate;
import org.isosamp.gui.AdqlCompletion.Context;
import org.isosamp.gui.AdqlCompletion.Result;
import org.isosamp.model.TableMeta;

/**
 * Completion of table and column names in an ADQL text area: Ctrl+Space, or a '.' typed after a table, alias or
 * schema name, opens a list of the names {@link AdqlCompletion} offers there; Up/Down choose, Enter or Tab (or a
 * double-click) inserts, Escape closes, typing narrows the list and a character that ends the word (a space, a comma,
 * an operator) closes it, as do Left, Right, Home, End and a click in the text. Each entry's unit and description are
 * its tooltip and the line under the list. The names come from metadata already read (the supplier's; null while it
 * is read): the list never waits for the archive, it says "metadata still loading" instead.
 *
 * <p>The list is a non-focusable {@link JWindow}, so the text area keeps the focus and the keys, in any look and feel;
 * with no display (or the area not shown) the list is filled but not shown, and {@link #acceptSelected} inserts its
 * choice. It opens under the caret, or over it where the screen has no room below, and stays on the screen; it
 * follows the caret when the window moves, and closes when the text area leaves the screen (its tab left, its window
 * hidden) or loses the focus. Event thread only.
 */
final class AdqlCompletionPopup {

    /** The action's name in the text area's action map (bound to Ctrl+Space). */
    static final String ACTION = "completeAdqlName";

    /** The widest the list gets, in pixels: a long description is cut, not the list widened to it. */
    private static final int MAX_WIDTH = 420;

    private final JTextComponent area;
    private final Supplier<List<TableMeta>> tables;
    private final Supplier<String> whyNone;
    private final DefaultListModel<Candidate> model = new DefaultListModel<>();
    private final JList<Candidate> list = new JList<>(model);
    private final JLabel note = new JLabel(" ");
    private final JPanel content = new JPanel(new BorderLayout());
    private JWindow window;
    private boolean open;

    /**
     * Binds Ctrl+Space and the keys of the list to {@code area}.
     *
     * @param area    the ADQL text area
     * @param tables  the archive's tables and columns read so far, or null while they are being read
     * @param whyNone what the list says when {@code tables} gives null (e.g. "metadata still loading")
     */
    AdqlCompletionPopup(JTextComponent area, Supplier<List<TableMeta>> tables, Supplier<String> whyNone) {
        this.area = area;
        this.tables = tables;
        this.whyNone = whyNone;
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setFocusable(false);
        list.setVisibleRowCount(8);
        list.getAccessibleContext().setAccessibleName("ADQL names");
        list.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected,
                                                          boolean focus) {
                super.getListCellRendererComponent(l, value, index, selected, focus);
                if (selected) {
                    // the list never has the focus (the text area keeps it), so a look and feel such as FlatLaf
                    // would paint the choice in its pale "inactive" colour: paint it as a list in use is painted
                    Color bg = UIManager.getColor("List.selectionBackground");
                    Color fg = UIManager.getColor("List.selectionForeground");
                    if (bg != null && fg != null) {
                        setBackground(bg);
                        setForeground(fg);
                    }
                }
                String detail = value instanceof Candidate c ? c.detail() : "";
                setToolTipText(detail.isEmpty() ? null : detail);
                return this;
            }
        });
        list.addListSelectionListener(e -> showDetail());
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    acceptSelected();
                }
            }
        });
        note.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        JScrollPane scroll = new JScrollPane(list);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        content.add(scroll, BorderLayout.CENTER);
        content.add(note, BorderLayout.SOUTH);
        Border b = UIManager.getBorder("PopupMenu.border");
        content.setBorder(b != null ? b : BorderFactory.createLineBorder(java.awt.Color.GRAY));

        area.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, InputEvent.CTRL_DOWN_MASK), ACTION);
        area.getActionMap().put(ACTION, new AbstractAction("Complete name") {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                open();
            }
        });
        // a key listener runs before the key bindings: while the list is open, these keys are the list's
        area.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (open && listKey(e.getKeyCode())) {
                    e.consume();
                } else if (open && movesCaret(e.getKeyCode())) {
                    close(); // the caret leaves the word the list was for: the key moves it as usual
                }
            }
        });
        area.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                close(); // a click puts the caret elsewhere: the list was for the word it leaves
            }
        });
        area.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                close();
            }
        });
        // the list follows the text area: placed again when it (or its window) moves, closed when it leaves the
        // screen (its tab left, its window hidden or closed)
        area.addAncestorListener(new AncestorListener() {
            @Override
            public void ancestorAdded(AncestorEvent e) {
            }

            @Override
            public void ancestorRemoved(AncestorEvent e) {
                close();
            }

            @Override
            public void ancestorMoved(AncestorEvent e) {
                if (open && window != null && window.isVisible() && area.isShowing()) {
                    show();
                }
            }
        });
        area.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                String typed = e.getLength() == 1 ? textAt(e.getOffset()) : "";
                boolean dot = ".".equals(typed);
                // a space, comma, bracket or operator typed ends the word, and the list with it: the next Enter is
                // the text's again (else, open on every word after, it would take the Enter meant for a new line)
                boolean endsWord = typed.length() == 1 && !dot && typed.charAt(0) != '"'
                                   && !AdqlCompletion.isWordChar(typed.charAt(0));
                // after the caret has moved past what was typed
                SwingUtilities.invokeLater(() -> {
                    if (endsWord) {
                        close();
                    } else {
                        changed(dot);
                    }
                });
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                SwingUtilities.invokeLater(() -> changed(false));
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
    }

    /** Fills the list for the word at the caret, and shows it if the area is on screen (what Ctrl+Space does). */
    void open() {
        fill();
        open = true;
        if (area.isShowing()) {
            show();
        }
    }

    /**
     * Fills an open list again from the tables now known: what the host calls when the metadata has come (or failed
     * to), so that a list opened while it was read offers the names (or says why there are none) without another key.
     */
    void refresh() {
        if (open) {
            fill();
            if (area.isShowing()) {
                show();
            }
        }
    }

    /** Closes the list. */
    void close() {
        open = false;
        model.clear();
        if (window != null) {
            window.setVisible(false);
        }
    }

    /** @return true while the list is open (filled; shown when the area is on screen) */
    boolean isOpen() {
        return open;
    }

    /** @return the names the list offers now */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            out.add(model.get(i).name());
        }
        return out;
    }

    /** @return the line under the list: the chosen entry's unit and description, or why there is none */
    String note() {
        return note.getText();
    }

    /**
     * Inserts the chosen name in place of the word being typed, and closes the list (what Enter, Tab and a
     * double-click do).
     *
     * @return true if there was a name to insert
     */
    boolean acceptSelected() {
        Candidate c = list.getSelectedValue();
        List<TableMeta> t = tables.get();
        if (!open || c == null || t == null) {
            return false;
        }
        Result r = AdqlCompletion.complete(area.getText(), area.getCaretPosition(), t);
        close();
        try {
            area.getDocument().remove(r.start(), r.end() - r.start());
            area.getDocument().insertString(r.start(), c.name(), null);
        } catch (BadLocationException e) {
            throw new IllegalStateException("completing at " + r.start() + ".." + r.end(), e);
        }
        area.setCaretPosition(r.start() + c.name().length());
        return true;
    }

    /** @return true if the key is the list's: moves the choice, inserts it, or closes */
    private boolean listKey(int code) {
        int n = model.size();
        int i = list.getSelectedIndex();
        switch (code) {
            case KeyEvent.VK_DOWN -> select(n == 0 ? -1 : (i + 1) % n);
            case KeyEvent.VK_UP -> select(n == 0 ? -1 : (i - 1 + n) % n);
            case KeyEvent.VK_PAGE_DOWN -> select(Math.min(n - 1, i + list.getVisibleRowCount()));
            case KeyEvent.VK_PAGE_UP -> select(Math.max(n == 0 ? -1 : 0, i - list.getVisibleRowCount()));
            case KeyEvent.VK_ENTER, KeyEvent.VK_TAB -> {
                if (!acceptSelected()) {
                    close();
                    return false;   // nothing to insert: the key is the text's (a new line), not lost
                }
            }
            case KeyEvent.VK_ESCAPE -> close();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean movesCaret(int code) {
        return code == KeyEvent.VK_LEFT || code == KeyEvent.VK_RIGHT || code == KeyEvent.VK_HOME
               || code == KeyEvent.VK_END || code == KeyEvent.VK_KP_LEFT || code == KeyEvent.VK_KP_RIGHT;
    }

    private void select(int i) {
        if (i >= 0) {
            list.setSelectedIndex(i);
            list.ensureIndexIsVisible(i);
        }
    }

    /** After an edit: a '.' after a name opens the list; typing while it is open narrows it, or closes it. */
    private void changed(boolean dot) {
        if (open) {
            fill();
            if (model.isEmpty()) {
                close();
            } else if (area.isShowing()) {
                show();
            }
        } else if (dot && tables.get() != null) {
            Result r = AdqlCompletion.complete(area.getText(), area.getCaretPosition(), tables.get());
            if ((r.context() == Context.QUALIFIED_COLUMN || r.context() == Context.SCHEMA_TABLE)
                && !r.candidates().isEmpty()) {
                open();
            }
        }
    }

    private void fill() {
        model.clear();
        List<TableMeta> t = tables.get();
        if (t == null) {
            note.setText(whyNone.get());
            return;
        }
        Result r = AdqlCompletion.complete(area.getText(), area.getCaretPosition(), t);
        r.candidates().forEach(model::addElement);
        list.setVisibleRowCount(Math.max(1, Math.min(8, model.size()))); // as tall as its names, up to 8
        if (model.isEmpty()) {
            note.setText(r.prefix().isEmpty() ? "no names here" : "no name starts with \"" + r.prefix() + "\"");
        } else {
            list.setSelectedIndex(0);
            list.ensureIndexIsVisible(0);
            showDetail();
        }
    }

    private void showDetail() {
        Candidate c = list.getSelectedValue();
        if (c != null) {
            note.setText(c.detail().isEmpty() ? " " : shorten(c.detail()));
        }
    }

    /** Shows the list under the caret. */
    private void show() {
        Window owner = SwingUtilities.getWindowAncestor(area);
        if (window == null || window.getOwner() != owner) {
            if (window != null) {
                window.dispose();
            }
            window = new JWindow(owner);
            window.setFocusableWindowState(false); // the text area keeps the focus, and so the keys
            window.setContentPane(content);
            window.addComponentListener(new ComponentAdapter() {
                @Override
                public void componentShown(ComponentEvent e) {
                    // AWT shows a window again with its owner if the owner hid it: not a list that was closed since
                    if (!open || !area.isShowing()) {
                        e.getComponent().setVisible(false);
                    }
                }
            });
        }
        Rectangle caret;
        try {
            caret = area.modelToView2D(area.getCaretPosition()).getBounds();
        } catch (BadLocationException e) {
            caret = new Rectangle(0, 0, 0, area.getHeight());
        }
        Point at = new Point(caret.x, caret.y);
        SwingUtilities.convertPointToScreen(at, area);
        window.pack();
        // as wide as the names need (260 px at least); a long description does not widen it: its line is cut short
        window.setSize(Math.max(260, Math.min(window.getWidth(), MAX_WIDTH)), window.getHeight());
        window.setLocation(place(window.getSize(), new Rectangle(at, caret.getSize()), screen()));
        window.setVisible(true);
    }

    /**
     * @param list   the list's size
     * @param caret  the caret, on the screen
     * @param screen the screen's usable part
     * @return where the list goes: under the caret, or over it when there is no room below; moved left when it
     *         would pass the screen's right edge
     */
    static Point place(Dimension list, Rectangle caret, Rectangle screen) {
        int x = Math.max(screen.x, Math.min(caret.x, screen.x + screen.width - list.width));
        int y = caret.y + caret.height;
        if (y + list.height > screen.y + screen.height) {
            y = caret.y - list.height >= screen.y ? caret.y - list.height
                : Math.max(screen.y, screen.y + screen.height - list.height);
        }
        return new Point(x, y);
    }

    /** @return the usable part of the screen the text area is on (without the task bar's and panels' insets) */
    private Rectangle screen() {
        GraphicsConfiguration gc = area.getGraphicsConfiguration();
        if (gc == null) {
            return new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        }
        Rectangle b = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right,
                             b.height - in.top - in.bottom);
    }

    private String textAt(int offset) {
        try {
            return area.getDocument().getText(offset, 1);
        } catch (BadLocationException e) {
            return "";
        }
    }

    /** @return the text cut to about a line */
    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
