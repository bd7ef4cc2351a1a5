import java.awt.Frame;
import java.lang.reflect.Method;

/**
 * Issue 12: starts an application's main (on a thread of its own) and prints the wall-clock time (epoch ms) at which
 * a frame of the given class first shows, then halts. Used by bench/window-start.sh for iso-samp's window
 * (org.isosamp.gui.IsoWindow from `iso-samp gui`) and TOPCAT's ControlWindow, on the same Xvfb.
 * Usage: java -cp APP:bench/out/classes WindowStart FRAME_CLASS MAIN_CLASS [ARGS...]
 */
public final class WindowStart {
    public static void main(String[] args) throws Exception {
        String frameClass = args[0];
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
        Thread app = new Thread(() -> {
            try {
                main.invoke(null, (Object) rest);
            } catch (ReflectiveOperationException e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(3);
            }
        }, "app main");
        app.setDaemon(true);
        app.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            for (Frame f : Frame.getFrames()) {
                if (f.getClass().getName().equals(frameClass) && f.isShowing()) {
                    System.out.println("shown " + System.currentTimeMillis());
                    System.out.flush();
                    if (System.getenv("WINDOW_START_EXIT") != null) {
                        System.exit(0); // a CDS training run: the JVM dumps its archive at exit
                    }
                    Runtime.getRuntime().halt(0);
                }
            }
            Thread.sleep(5);
        }
        System.out.println("not shown");
        Runtime.getRuntime().halt(2);
    }
}
