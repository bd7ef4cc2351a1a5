package org.isosamp.gui;

import static org.isosamp.testing.Edt.edt;
import static org.isosamp.testing.Edt.ui;

import org.isosamp.testing.Components;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import org.isosamp.testing.Await;

/**
 * The bus panel with no hub at its lockfile ({@code SAMP_HUB}, argument 0 the lockfile's path), driven through its
 * buttons: it says so, "Start hub" starts one and registers, "Unregister" and "Register" do so, and closing the panel
 * stops the hub it started (its lockfile goes). One line per fact for {@link BusPanelTest}; exits 0 at the end.
 */
public final class BusPanelHubProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private BusPanelHubProbe() {
    }

    private static void awaitLog(JList<?> log, String start) throws InterruptedException {
        Await.until(() -> ui(() -> {
            for (int i = 0; i < log.getModel().getSize(); i++) {
                if (String.valueOf(log.getModel().getElementAt(i)).startsWith(start)) {
                    return true;
                }
            }
            return false;
        }), WAIT, "a log line starting \"" + start + "\"");
    }

    public static void main(String... args) throws Exception {
        System.setProperty("java.awt.headless", "false");
        Path lockfile = Path.of(args[0]);
        BusPanel panel = edt(() -> {
            BusPanel p = new BusPanel();
            JFrame f = new JFrame("iso-samp: the SAMP bus");
            f.getContentPane().add(p);
            f.setSize(640, 500);
            f.setVisible(true);
            return p;
        });
        JLabel status = edt(() -> Components.named(panel, "bus.status", JLabel.class));
        AbstractButton start = edt(() -> Components.named(panel, "bus.startHub", AbstractButton.class));
        AbstractButton register = edt(() -> Components.named(panel, "bus.register", AbstractButton.class));
        JList<?> log = edt(() -> Components.named(panel, "bus.log", JList.class));
        Await.until(() -> ui(start::isEnabled), WAIT, "Start hub enabled");
        System.out.println("NOHUB " + ui(status::getText));
        edt(() -> {
            start.doClick();
            return null;
        });
        Await.until(() -> ui(status::getText).startsWith("Registered with the SAMP hub as "), WAIT, "registered");
        // as a user would, wait for the log to say so (it hears from the client's watch, within 200 ms)
        awaitLog(log, "registered with the SAMP hub as ");
        System.out.println("HUB-STARTED lockfile " + Files.exists(lockfile) + ", start enabled "
                           + ui(start::isEnabled) + ", button " + ui(register::getText));
        edt(() -> {
            register.doClick();
            return null;
        });
        Await.until(() -> ui(status::getText).startsWith("Not registered"), WAIT, "unregistered");
        awaitLog(log, "unregistered from the SAMP hub");
        System.out.println("UNREGISTERED button " + ui(register::getText));
        edt(() -> {
            register.doClick();
            return null;
        });
        Await.until(() -> ui(status::getText).startsWith("Registered with the SAMP hub as "), WAIT, "registered");
        awaitLog(log, "registered again with the SAMP hub as ");
        System.out.println("REGISTERED-AGAIN");
        for (int i = 0; i < ui(() -> log.getModel().getSize()); i++) {
            int row = i;
            System.out.println("LOG " + ui(() -> log.getModel().getElementAt(row)));
        }
        edt(() -> {
            panel.close();
            return null;
        });
        Await.until(() -> !Files.exists(lockfile), WAIT, "the panel's hub stopped, its lockfile gone");
        System.out.println("CLOSED hub gone");
        System.exit(0);
    }
}
