package org.isosamp.gui;

import static org.isosamp.testing.Edt.ui;
import static org.isosamp.testing.Say.say;
import static org.isosamp.testing.Edt.edt;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JTextArea;
import javax.swing.JWindow;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.local.LocalArchive;
import org.isosamp.testing.Await;
import org.isosamp.testing.EdtIo;

/**
 * The ADQL completion list in a real {@link SearchPanel} on a test's Xvfb display ({@link AdqlCompletionPopupTest}),
 * over a local archive of its own, driven with real keys ({@link Robot}: the X server routes them to the focused
 * text area, as a user's). The list is read as a user sees it: the visible window that holds the "ADQL names" list,
 * its place on the screen against the caret's. Prints one line per fact; prints {@code SCREENSHOT} with the list
 * open and waits for the file {@code shot-taken} in its working folder before going on; {@link EdtIo} watches the
 * event thread throughout. Exits 0 at the end, 1 on a failure (its stack printed).
 */
public final class AdqlCompletionProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final java.util.concurrent.CountDownLatch metadataHeld = new java.util.concurrent.CountDownLatch(1);

    private static Robot keys;
    private static JTextArea area;

    private AdqlCompletionProbe() {
    }

    public static void main(String... args) {
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            say("FAILED " + e);
            System.exit(1); // the window would keep the JVM alive
        }
        say("DONE");
        System.exit(0);
    }

    private static void run() throws Exception {
        System.setProperty("java.awt.headless", "false");
        LocalArchive local = LocalArchive.builder().port(0).start();
        IsoArchive archive = new IsoArchive(HttpUrl.get(local.baseUrl().toString()), IsoArchive.defaultHttpClient(),
                                            null);
        EdtIo check = EdtIo.start();
        org.isosamp.cli.GuiCommand.installLookAndFeel(); // as iso-samp gui starts: the screenshot shows its look
        JFrame frame = edt(() -> {
            SearchPanel p = new SearchPanel();
            p.setArchive("probe archive", () -> {
                // the metadata is still being read until the probe has looked at the list meanwhile
                try {
                    if (!metadataHeld.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new java.io.IOException("the probe never let the metadata through");
                    }
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("cancelled");
                }
                return archive;
            });
            p.setAdqlSelected(true);
            JFrame f = new JFrame("iso-samp: ADQL completion");
            f.getContentPane().add(p);
            f.setBounds(60, 40, 900, 460);
            f.setVisible(true);
            return f;
        });
        SearchPanel panel = (SearchPanel) frame.getContentPane().getComponent(0);
        area = edt(panel::adqlArea);
        keys = new Robot();
        keys.setAutoDelay(15);
        edt(() -> {
            // no blinking caret: its timer's repaints keep the event queue from ever being idle, so each of the
            // Robot's waitForIdle calls ran to its own time limit (seconds each; over two minutes in all on a busy CI)
            area.getCaret().setBlinkRate(0);
            area.setText("SELECT * FROM ida.");
            area.setCaretPosition(area.getText().length());
            frame.toFront();
            area.requestFocusInWindow();
            return null;
        });
        Await.until(() -> ui(area::isFocusOwner), WAIT, "the ADQL area focused");

        // Ctrl+Space while the metadata is read: the list says so, at once; once it has come, the list offers it
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown while the metadata is read");
        idle();
        say("LOADING shown " + shown() + " names " + names() + " note " + ui(panel.adqlCompletion()::note));
        // Enter on a list with nothing to insert is the text's: a new line, and the list closed
        press(KeyEvent.VK_ENTER);
        idle();
        say("LOADING-ENTER text " + text() + " shown " + shown());
        press(KeyEvent.VK_BACK_SPACE);
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown again while the metadata is read");
        idle();
        metadataHeld.countDown();
        Await.until(() -> ui(() -> !panel.isFetching() && panel.metadataStatus().matches("\\d+ tables")), WAIT,
                    "the archive's metadata");
        idle();
        settle(() -> !names().isEmpty(), "the open list filled with the metadata come");
        say("LOADED shown " + shown() + " names " + names().subList(0, Math.min(3, names().size())) + " note "
            + ui(panel.adqlCompletion()::note).replaceAll("\\. LOCAL SAMPLE.*", ""));
        press(KeyEvent.VK_ESCAPE);
        idle();
        edt(() -> {
            area.setText("");
            return null;
        });

        // typed as a user types: the '.' after the schema opens the list at once, "obs" narrows it
        type("SELECT * FROM ida.obs");
        awaitText("SELECT * FROM ida.obs");
        idle();
        say("TYPED-DOT shown " + shown() + " names " + names());
        press(KeyEvent.VK_ESCAPE);
        idle();
        say("ESCAPE shown " + shown() + " open " + ui(panel.adqlCompletion()::isOpen) + " text " + text());

        // Ctrl+Space opens it again: the tables of ida that start with "obs"
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space");
        idle();
        say("CTRL-SPACE shown " + shown() + " names " + names() + " selected " + selected() + " focus "
            + ui(area::isFocusOwner));
        JWindow shownList = popup();
        say("PLACE " + place() + " inside-window " + edt(() -> {
            Rectangle list = shownList.getBounds();
            return list.x + list.width <= frame.getX() + frame.getWidth();
        }));
        say("CHOICE-PAINTED " + choicePainted());
        say("SCREENSHOT");
        Await.until(() -> Files.exists(Path.of("shot-taken")), WAIT, "the test's screenshot");

        // arrows move the choice; Enter inserts it, and only it
        press(KeyEvent.VK_DOWN);
        idle();
        int down = selectedIndex();
        press(KeyEvent.VK_UP);
        idle();
        int up = selectedIndex();
        press(KeyEvent.VK_UP); // wraps to the last
        idle();
        int wrapped = selectedIndex();
        say("ARROWS down " + down + " up " + up + " up-again " + wrapped + " of " + names().size() + " text "
            + text());
        int want = names().indexOf("observations");
        while (selectedIndex() != want) {
            press(KeyEvent.VK_DOWN);
            idle();
        }
        press(KeyEvent.VK_ENTER);
        idle();
        say("ENTER text " + text() + " shown " + shown() + " focus " + ui(area::isFocusOwner));

        // a column after an alias: the '.' opens the table's columns, "ra_" narrows them
        type(" o WHERE o.ra_");
        awaitText("SELECT * FROM ida.observations o WHERE o.ra_");
        idle();
        ctrlSpace();
        idle();
        say("ALIAS shown " + shown() + " names " + names() + " note " + ui(panel.adqlCompletion()::note));
        press(KeyEvent.VK_ENTER);
        idle();
        say("ALIAS-ENTER text " + text() + " shown " + shown());

        // a column after the table's own name; Tab inserts too
        type(" > 10 AND ida.observations.de");
        awaitText("SELECT * FROM ida.observations o WHERE o.ra_deg > 10 AND ida.observations.de");
        idle();
        ctrlSpace();
        idle();
        say("QUALIFIED shown " + shown() + " names " + names());
        press(KeyEvent.VK_TAB);
        idle();
        say("TAB text " + text() + " shown " + shown());

        // Escape closes without touching the text
        type(" AND o.t");
        idle();
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space");
        say("BEFORE-ESCAPE names " + names());
        press(KeyEvent.VK_ESCAPE);
        idle();
        say("ESCAPE-AGAIN text " + text() + " shown " + shown() + " focus " + ui(area::isFocusOwner));

        // a double-click on a name inserts it; the query keeps the focus
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space");
        idle();
        Point cell = cellOnScreen(names().indexOf("tdt"));
        keys.mouseMove(cell.x, cell.y);
        for (int i = 0; i < 2; i++) {
            keys.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
            keys.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
        }
        idle();
        say("DOUBLE-CLICK text " + text() + " shown " + shown() + " focus " + ui(area::isFocusOwner));

        // the caret moved away from the word (an arrow, a click in the text): the list goes, the text stays
        type(" AND o.t");
        idle();
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space");
        press(KeyEvent.VK_LEFT);
        idle();
        settle(() -> !shown(), "the list closed by Left");
        say("LEFT shown " + shown() + " caret-back "
            + ui(() -> area.getCaretPosition() == area.getText().length() - 1));
        press(KeyEvent.VK_END);
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space");
        Point start = edt(() -> {
            Rectangle r = area.modelToView2D(7).getBounds(); // in "SELECT * ..."
            Point p = new Point(r.x + 1, r.y + r.height / 2);
            javax.swing.SwingUtilities.convertPointToScreen(p, area);
            return p;
        });
        keys.mouseMove(start.x, start.y);
        keys.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
        keys.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
        idle();
        settle(() -> !shown(), "the list closed by a click in the text");
        say("CLICK shown " + shown() + " text " + text());
        edt(() -> {
            area.setCaretPosition(area.getText().length());
            return null;
        });

        // a space ends the word, and the list with it: Enter after it is the text's (a new line), not the list's
        edt(() -> {
            area.setText("");
            return null;
        });
        type("SELECT * FROM ida.observations");
        awaitText("SELECT * FROM ida.observations");
        idle();
        say("WORD-TYPED shown " + shown() + " names " + names());
        type(" o");
        awaitText("SELECT * FROM ida.observations o");
        idle();
        say("SPACE shown " + shown() + " names " + names());
        press(KeyEvent.VK_ENTER);
        type("WHERE");
        awaitText("SELECT * FROM ida.observations o\nWHERE", "SELECT * FROM ida.observations o");
        idle();
        say("NEW-LINE text " + text() + " shown " + shown());

        // the list goes when the query does: its tab left, its window moved, hidden, shown again
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space");
        keys.keyPress(KeyEvent.VK_ALT);
        press(KeyEvent.VK_F); // the Fields tab's mnemonic
        keys.keyRelease(KeyEvent.VK_ALT);
        idle();
        say("OTHER-TAB shown " + shown() + " open " + ui(panel.adqlCompletion()::isOpen));
        keys.keyPress(KeyEvent.VK_ALT);
        press(KeyEvent.VK_A);
        keys.keyRelease(KeyEvent.VK_ALT);
        idle();
        edt(() -> area.requestFocusInWindow());
        Await.until(() -> ui(area::isFocusOwner), WAIT, "the ADQL area focused again");
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space");
        edt(() -> {
            frame.setLocation(frame.getX() + 80, frame.getY() + 60);
            return null;
        });
        idle();
        // the window's move reaches Swing from the X server: wait for the list to follow it
        settle(() -> shown() && place().contains("below-caret true"), "the list under the caret after the move");
        say("MOVED shown " + shown() + (shown() ? " " + place() : ""));
        ctrlSpace();
        idle();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space");
        edt(() -> {
            frame.setVisible(false);
            return null;
        });
        idle();
        settle(() -> !shown(), "the list hidden with its window");
        say("HIDDEN shown " + shown() + " open " + ui(panel.adqlCompletion()::isOpen));
        edt(() -> {
            frame.setVisible(true);
            frame.toFront();
            return null;
        });
        Await.until(() -> ui(frame::isShowing), WAIT, "the window shown again");
        idle();
        settle(() -> !shown(), "the closed list not shown again with its window");
        say("SHOWN-AGAIN shown " + shown() + " open " + ui(panel.adqlCompletion()::isOpen));

        // near the screen's bottom right corner the list stays on the screen, by the caret
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
            .getDefaultConfiguration().getBounds();
        edt(() -> {
            frame.setBounds(screen.x + screen.width - 560, screen.y + screen.height - 220, 560, 220);
            area.setText("SELECT * FROM ida.observations AS o WHERE o.");
            area.setCaretPosition(area.getText().length());
            frame.toFront();
            area.requestFocusInWindow();
            return null;
        });
        Await.until(() -> ui(area::isFocusOwner), WAIT, "the ADQL area focused in the corner");
        idle();
        if (shown()) { // the '.' set by setText opened it: start from closed
            press(KeyEvent.VK_ESCAPE);
            idle();
        }
        ctrlSpace();
        Await.until(() -> shown(), WAIT, "the list shown after Ctrl+Space in the corner");
        idle();
        say("CORNER " + place());

        say("EDT-IO " + check.stop(Path.of(".").toAbsolutePath()));
        local.close();
    }

    /** @return where the list is, against the caret: "below-caret true|false on-screen true|false ..." */
    private static String place() throws Exception {
        JWindow w = popup();
        if (w == null) {
            return "no list shown";
        }
        return edt(() -> {
            Rectangle caret = area.modelToView2D(area.getCaretPosition()).getBounds();
            Point at = caret.getLocation();
            javax.swing.SwingUtilities.convertPointToScreen(at, area);
            Rectangle c = new Rectangle(at, caret.getSize());
            Rectangle list = w.getBounds();
            Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
            boolean below = list.y >= c.y + c.height && list.y <= c.y + c.height + 4;
            boolean above = list.y + list.height <= c.y && list.y + list.height >= c.y - 4;
            // the caret's column inside the list's width: at it, or shifted left to stay on the screen
            boolean atCaret = list.x <= c.x + 1 && c.x < list.x + list.width;
            return "below-caret " + below + " above-caret " + above + " at-caret-x " + atCaret + " on-screen "
                   + screen.contains(list) + " (list " + list + ", caret " + c + ")";
        });
    }

    /** Waits a while for a condition the X server's events decide; goes on either way (the facts say what is). */
    private static void settle(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        try {
            Await.until(() -> {
                try {
                    return condition.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, Duration.ofSeconds(10), what);
        } catch (AssertionError e) {
            say("(" + e.getMessage() + ")");
        }
    }

    /**
     * @return "active" if the list paints its choice in the look and feel's colours of a list in use (the list never
     *         has the focus: the text area keeps it), else what it paints
     */
    private static String choicePainted() throws Exception {
        JWindow w = popup();
        return edt(() -> {
            @SuppressWarnings("unchecked")
            JList<Object> l = (JList<Object>) list(w.getContentPane());
            int i = l.getSelectedIndex();
            Component c = l.getCellRenderer().getListCellRendererComponent(l, l.getModel().getElementAt(i), i, true,
                                                                           false);
            java.awt.Color want = javax.swing.UIManager.getColor("List.selectionBackground");
            return c.getBackground().equals(want) ? "active" : "background " + c.getBackground() + " not " + want;
        });
    }

    /** @return the shown window that holds the "ADQL names" list, or null */
    private static JWindow popup() throws Exception {
        return edt(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof JWindow jw && w.isShowing() && list(jw.getContentPane()) != null) {
                    return jw;
                }
            }
            return null;
        });
    }

    private static JList<?> list(Container c) {
        for (Component k : c.getComponents()) {
            if (k instanceof JList<?> l && "ADQL names".equals(l.getAccessibleContext().getAccessibleName())) {
                return l;
            }
            if (k instanceof Container kc) {
                JList<?> f = list(kc);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static boolean shown() {
        try {
            return popup() != null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the names the shown list holds (empty if none is shown) */
    private static List<String> names() throws Exception {
        JWindow w = popup();
        return w == null ? List.of() : edt(() -> {
            JList<?> l = list(w.getContentPane());
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.getModel().getSize(); i++) {
                out.add(String.valueOf(l.getModel().getElementAt(i)));
            }
            return out;
        });
    }

    private static int selectedIndex() throws Exception {
        JWindow w = popup();
        return w == null ? -2 : edt(() -> list(w.getContentPane()).getSelectedIndex());
    }

    private static String selected() throws Exception {
        JWindow w = popup();
        return w == null ? null : edt(() -> String.valueOf(list(w.getContentPane()).getSelectedValue()));
    }

    private static String text() throws Exception {
        return "\"" + edt(area::getText).replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    /** @return the middle of the shown list's row {@code i}, on the screen */
    private static Point cellOnScreen(int i) throws Exception {
        JWindow w = popup();
        return edt(() -> {
            JList<?> l = list(w.getContentPane());
            Rectangle r = l.getCellBounds(i, i);
            Point p = new Point(r.x + r.width / 4, r.y + r.height / 2);
            javax.swing.SwingUtilities.convertPointToScreen(p, l);
            return p;
        });
    }

    private static void awaitText(String want) throws InterruptedException {
        Await.until(() -> ui(area::getText).equals(want), WAIT, "the area to read \"" + want + "\"");
    }

    /** Waits for the text to be {@code want}, or to end with "WHERE" after {@code start} (then says what it is). */
    private static void awaitText(String want, String start) throws Exception {
        settle(() -> ui(area::getText).equals(want) || ui(area::getText).startsWith(start)
                     && ui(area::getText).endsWith("WHERE"), "the area to read \"" + want + "\"");
    }

    /** Waits until the keys pressed so far and what they queued on the event thread have been handled. */
    private static void idle() throws Exception {
        keys.waitForIdle();
        edt(() -> null); // the popup's invokeLater after an edit
        keys.waitForIdle();
    }

    private static void ctrlSpace() {
        keys.keyPress(KeyEvent.VK_CONTROL);
        press(KeyEvent.VK_SPACE);
        keys.keyRelease(KeyEvent.VK_CONTROL);
    }

    private static void press(int key) {
        keys.keyPress(key);
        keys.keyRelease(key);
    }

    /** Types the text with a US keyboard's keys (the Xvfb's keymap), shifted where a user shifts. */
    private static void type(String s) {
        for (char ch : s.toCharArray()) {
            boolean shift = Character.isUpperCase(ch) || "*_>".indexOf(ch) >= 0;
            int code = switch (ch) {
                case ' ' -> KeyEvent.VK_SPACE;
                case '*' -> KeyEvent.VK_8;
                case '.', '>' -> KeyEvent.VK_PERIOD;
                case '_' -> KeyEvent.VK_MINUS;
                case '=' -> KeyEvent.VK_EQUALS;
                default -> {
                    if (Character.isLetterOrDigit(ch)) {
                        yield KeyEvent.getExtendedKeyCodeForChar(Character.toUpperCase(ch));
                    }
                    throw new IllegalArgumentException("no key for '" + ch + "'");
                }
            };
            if (shift) {
                keys.keyPress(KeyEvent.VK_SHIFT);
            }
            press(code);
            if (shift) {
                keys.keyRelease(KeyEvent.VK_SHIFT);
            }
        }
    }
}
