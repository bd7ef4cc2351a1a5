package org.isosamp.samp;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.isosamp.archive.ArchiveSession;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.IsoArchive;

/**
 * Starts the installed TOPCAT with iso-samp's plug-in: the plug-in jar on TOPCAT's class path, the plug-in
 * properties ({@link #PLUGIN_PROPERTIES}: the load dialog, the activation action, the {@code :iso:} scheme, the
 * toolbar button that opens iso-samp's window), and the archive they use by default
 * ({@value ArchiveSettings#PROPERTY}). For the local archive, which the plug-in jar leaves out, the launcher runs it
 * in its own JVM for as long as TOPCAT runs and names it in {@value ArchiveSettings#LOCAL_PROPERTY}, so that
 * {@code local} in TOPCAT is that archive.
 *
 * <pre>
 * TopcatLauncher launcher = new TopcatLauncher(TopcatLauncher.findTopcat(null, System.getenv()),
 *                                              TopcatLauncher.findPluginJar(null));
 * try (TopcatLauncher.Running topcat = launcher.start(ArchiveSettings.local(), List.of(":iso:80000203"),
 *                                                     ProcessBuilder.Redirect.INHERIT)) {
 *     int exit = topcat.waitFor();     // the local archive stops when TOPCAT exits
 * }
 * </pre>
 *
 * TOPCAT is found as a script ({@code topcat} on {@code PATH}: Debian's, or upstream's beside
 * {@code topcat-full.jar}), run as {@code topcat -classpath PLUGIN -D... ARGS}, or as a jar ({@code topcat-full.jar},
 * or Debian's {@code starlink-topcat.jar}), run as {@code java -classpath TOPCAT:PLUGIN -D...
 * uk.ac.starlink.topcat.Driver ARGS}. Either way TOPCAT's own jars come first, and TOPCAT's arguments are split as
 * the scripts split them: {@code -D...} and {@code -X...} go to Java, {@code -Jopt} gives Java {@code opt},
 * {@code -classpath X} adds X to the class path, the rest go to TOPCAT. Nothing is printed: the command line is
 * {@link #command}'s, for a face to show ({@link #shellLine}). Immutable and thread-safe.
 */
public final class TopcatLauncher {

    private static final Logger LOG = Logger.getLogger(TopcatLauncher.class.getName());

    /** TOPCAT's main class. */
    public static final String DRIVER = "uk.ac.starlink.topcat.Driver";

    /** The plug-in jar's name, made by the build beside {@code iso-samp.jar}. */
    public static final String PLUGIN_JAR = "iso-samp-topcat.jar";

    /** The environment variable naming TOPCAT's jar, when there is no {@code topcat} script to run. */
    public static final String TOPCAT_JAR_ENV = "TOPCAT_JAR";

    /** What {@link #command} shows for the local archive's URL before it runs ({@code --print}). */
    public static final String LOCAL_URL_PLACEHOLDER = "http://127.0.0.1:PORT/nida-sl-tap/";

    /**
     * The properties that make TOPCAT load the plug-in, in order: the load dialog, the activation action, the table
     * scheme, the toolbar button that opens iso-samp's window. Class names TOPCAT creates by name (public, no
     * arguments); several in one property are {@code :}-separated.
     */
    public static final Map<String, String> PLUGIN_PROPERTIES = pluginProperties();

    private static Map<String, String> pluginProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("startable.load.dialogs", "org.isosamp.topcat.IsoLoadDialog");
        m.put("topcat.activators", "org.isosamp.topcat.IsoProductActivationType");
        m.put("startable.schemes", "org.isosamp.topcat.IsoTableScheme");
        m.put("topcat.exttools", "org.isosamp.topcat.IsoWindowTool");
        return Collections.unmodifiableMap(m);
    }

    /** Arguments a shell reads as they are; anything else is quoted by {@link #shellLine}. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.,:=@%+-]+");

    /**
     * An installed TOPCAT.
     *
     * @param path   the {@code topcat} script, or TOPCAT's jar
     * @param script whether {@code path} is a script (run it) or a jar (run Java with it)
     */
    public record Topcat(Path path, boolean script) {
        /** Checks the path is there. */
        public Topcat {
            Objects.requireNonNull(path, "path");
        }
    }

    private final Topcat topcat;
    private final List<Path> pluginPath;
    private final String mainClass;
    private final Path java;

    /**
     * @param topcat     the TOPCAT to run ({@link #findTopcat})
     * @param pluginPath the plug-in jar ({@link #findPluginJar}), or the class path that stands for it (tests)
     */
    public TopcatLauncher(Topcat topcat, List<Path> pluginPath) {
        this(topcat, pluginPath, DRIVER, Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    private TopcatLauncher(Topcat topcat, List<Path> pluginPath, String mainClass, Path java) {
        this.topcat = Objects.requireNonNull(topcat, "topcat");
        this.pluginPath = List.copyOf(pluginPath);
        if (this.pluginPath.isEmpty()) {
            throw new IllegalArgumentException("no plug-in class path given");
        }
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
        this.java = java;
    }

    /**
     * @param name a class whose {@code main} runs TOPCAT's {@link #DRIVER} (a test's probe that then reads TOPCAT's
     *             state); a script runs its own main class, so this applies to a jar only
     * @return this launcher with that main class
     * @throws IllegalStateException for a script
     */
    public TopcatLauncher withMainClass(String name) {
        if (topcat.script()) {
            throw new IllegalStateException("the topcat script " + topcat.path() + " runs its own main class");
        }
        return new TopcatLauncher(topcat, pluginPath, name, java);
    }

    /** @return the TOPCAT this launcher runs */
    public Topcat topcat() {
        return topcat;
    }

    /**
     * Finds TOPCAT: {@code jar} if given, else {@value #TOPCAT_JAR_ENV}, else the first {@code topcat} on
     * {@code PATH}.
     *
     * @param jar TOPCAT's jar as the user named it ({@code --topcat-jar}), or null
     * @param env the environment ({@code System.getenv()})
     * @return the TOPCAT to run
     * @throws IOException saying where it looked and how to name one, or that a named jar is not there
     */
    public static Topcat findTopcat(Path jar, Map<String, String> env) throws IOException {
        if (jar != null) {
            return jar(jar, "TOPCAT's jar");
        }
        String fromEnv = env.get(TOPCAT_JAR_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return jar(Path.of(fromEnv.trim()), "$" + TOPCAT_JAR_ENV);
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "topcat");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return new Topcat(p, true);
            }
        }
        throw new IOException("no TOPCAT found: no topcat on PATH (" + path + ") and no $" + TOPCAT_JAR_ENV
                              + "; install TOPCAT (Debian: apt install topcat) or name its topcat-full.jar with $"
                              + TOPCAT_JAR_ENV + " or --topcat-jar");
    }

    private static Topcat jar(Path jar, String what) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(what + " " + jar + ": " + (Files.exists(jar) ? "not a file" : "no such file"));
        }
        if (!Files.isReadable(jar)) {
            throw new IOException(what + " " + jar + ": Permission denied");
        }
        return new Topcat(jar, false);
    }

    /**
     * Finds the plug-in jar: {@code given} if not null, else {@value #PLUGIN_JAR} beside the jar this class runs
     * from ({@code target/iso-samp.jar}: {@code target/iso-samp-topcat.jar}; classes in {@code target/classes}:
     * {@code target/}).
     *
     * @param given the plug-in jar as the user named it ({@code --plugin-jar}), or a class path of several entries
     *              ({@link File#pathSeparator}), or null
     * @return the plug-in's class path
     * @throws IOException when it is not there, saying what builds it
     */
    public static List<Path> findPluginJar(String given) throws IOException {
        if (given != null) {
            List<Path> out = new ArrayList<>();
            for (String s : given.split(Pattern.quote(File.pathSeparator))) {
                if (s.isEmpty()) {
                    continue;
                }
                Path p = Path.of(s);
                if (!Files.exists(p)) {
                    throw new IOException("the plug-in jar " + p + ": no such file");
                }
                out.add(p);
            }
            if (out.isEmpty()) {
                throw new IOException("no plug-in jar given");
            }
            return out;
        }
        Path where;
        try {
            where = Path.of(TopcatLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where iso-samp runs from, to find " + PLUGIN_JAR + " beside it: "
                                  + e.getMessage(), e);
        }
        return List.of(pluginJarBeside(where));
    }

    /**
     * @param where the jar (or classes folder) iso-samp runs from
     * @return {@value #PLUGIN_JAR} in the same folder (beside a classes folder: in its parent, Maven's target)
     * @throws IOException when it is not there
     */
    static Path pluginJarBeside(Path where) throws IOException {
        Path dir = where.toAbsolutePath().getParent();
        Path jar = dir == null ? Path.of(PLUGIN_JAR) : dir.resolve(PLUGIN_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no TOPCAT plug-in jar: " + jar + " does not exist (mvn package builds it beside"
                                  + " iso-samp.jar; or name it with --plugin-jar)");
        }
        return jar;
    }

    /**
     * The command that starts TOPCAT.
     *
     * @param archive    the base URL of the archive TOPCAT's plug-ins use by default ({@value ArchiveSettings#PROPERTY});
     *                   null for production, which needs no property
     * @param local      whether that archive is the local one run beside TOPCAT (also named in
     *                   {@value ArchiveSettings#LOCAL_PROPERTY}, so that {@code local} opens it)
     * @param topcatArgs TOPCAT's own arguments, split as the scripts split them (see the class comment)
     * @return the command, ready for {@link ProcessBuilder}
     */
    public List<String> command(String archive, boolean local, List<String> topcatArgs) {
        List<String> props = new ArrayList<>();
        PLUGIN_PROPERTIES.forEach((k, v) -> props.add("-D" + k + "=" + v));
        if (archive != null) {
            props.add("-D" + ArchiveSettings.PROPERTY + "=" + archive);
            if (local) {
                props.add("-D" + ArchiveSettings.LOCAL_PROPERTY + "=" + archive);
            }
        }
        List<String> jvm = new ArrayList<>();
        List<String> app = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        pluginPath.forEach(p -> classPath.add(p.toString()));
        for (int i = 0; i < topcatArgs.size(); i++) {
            String a = topcatArgs.get(i);
            if (a.equals("-classpath") && i + 1 < topcatArgs.size()) {
                classPath.add(topcatArgs.get(++i));
            } else if (a.startsWith("-D") || a.startsWith("-X")) {
                jvm.add(a);
            } else if (a.startsWith("-J")) {
                jvm.add(a.substring(2));
            } else {
                app.add(a);
            }
        }
        List<String> cmd = new ArrayList<>();
        if (topcat.script()) {
            List<String> args = new ArrayList<>(List.of("-classpath", String.join(File.pathSeparator, classPath)));
            args.addAll(props);
            jvm.forEach(a -> args.add(a.startsWith("-D") || a.startsWith("-X") ? a : "-J" + a));
            args.addAll(app);
            cmd.add(topcat.path().toString());
            // the scripts (Debian's and upstream's) wrap each argument in single quotes and eval the line: a quote
            // inside an argument would end it early, so it goes in as '\'' (close, escaped quote, reopen)
            args.forEach(a -> cmd.add(a.replace("'", "'\\''")));
        } else {
            cmd.add(java.toString());
            cmd.add("-classpath");
            cmd.add(topcat.path() + File.pathSeparator + String.join(File.pathSeparator, classPath));
            cmd.addAll(props);
            cmd.addAll(jvm);
            cmd.add(mainClass);
            cmd.addAll(app);
        }
        return cmd;
    }

    /**
     * @param command a command
     * @return it as one shell line: plain words as they are, anything else in single quotes
     */
    public static String shellLine(List<String> command) {
        List<String> words = new ArrayList<>();
        for (String a : command) {
            words.add(PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }

    /**
     * Starts TOPCAT: for the local archive, first starts it (in this JVM, on a free port of 127.0.0.1) and keeps
     * it until TOPCAT exits. If this JVM is stopped first, TOPCAT is stopped with it (its local archive would be
     * gone).
     *
     * @param archive    the archive TOPCAT's plug-ins use by default
     * @param topcatArgs TOPCAT's own arguments
     * @param output     where TOPCAT's output and errors go ({@link ProcessBuilder.Redirect#INHERIT}: this JVM's,
     *                   and TOPCAT reads this JVM's input; otherwise its input is empty)
     * @return the running TOPCAT; the caller waits for it or closes it
     * @throws IOException when the local archive or TOPCAT cannot start
     */
    public Running start(ArchiveSettings archive, List<String> topcatArgs, ProcessBuilder.Redirect output)
            throws IOException {
        return start(archive.open(), topcatArgs, output);
    }

    /**
     * Starts TOPCAT on an archive session already open (a face that opened it to set its logging first).
     *
     * @param session the archive TOPCAT's plug-ins use by default; it is closed when TOPCAT exits (for the local
     *                archive: stopped), or now if TOPCAT cannot start
     * @see #start(ArchiveSettings, List, ProcessBuilder.Redirect)
     */
    public Running start(ArchiveSession session, List<String> topcatArgs, ProcessBuilder.Redirect output)
            throws IOException {
        return start(session, topcatArgs, output, Map.of());
    }

    /**
     * Starts TOPCAT on an archive session already open, with more environment variables (e.g. {@code DISPLAY}).
     *
     * @param environment set in TOPCAT's environment, over this JVM's
     * @see #start(ArchiveSession, List, ProcessBuilder.Redirect)
     */
    public Running start(ArchiveSession session, List<String> topcatArgs, ProcessBuilder.Redirect output,
                         Map<String, String> environment) throws IOException {
        boolean local = session.localPort().isPresent();
        String url = local || !session.archive().base().equals(IsoArchive.PRODUCTION_BASE)
            ? session.archive().base().toString() : null;
        List<String> cmd = command(url, local, topcatArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(output).redirectError(output);
        pb.environment().putAll(environment);
        if (output == ProcessBuilder.Redirect.INHERIT) {
            pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            Process p = pb.start();
            if (output != ProcessBuilder.Redirect.INHERIT) {
                p.getOutputStream().close();
            }
            LOG.info("TOPCAT started (pid " + p.pid() + "): " + shellLine(cmd));
            return new Running(p, session, cmd, url);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw new IOException("cannot start TOPCAT (" + cmd.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** A TOPCAT this launcher started, and the local archive kept for it. Thread-safe. */
    public static final class Running implements AutoCloseable {

        private final Process process;
        private final ArchiveSession session;
        private final List<String> command;
        private final String archiveUrl;
        private final Thread hook;
        private final AtomicBoolean archiveClosed = new AtomicBoolean();

        Running(Process process, ArchiveSession session, List<String> command, String archiveUrl) {
            this.process = process;
            this.session = session;
            this.command = List.copyOf(command);
            this.archiveUrl = archiveUrl;
            this.hook = new Thread(this::stop, "iso-samp topcat stop");
            Runtime.getRuntime().addShutdownHook(hook);
            // the local archive goes when TOPCAT goes, whoever waits (a window may not)
            process.onExit().thenRun(this::closeArchive);
        }

        /** @return TOPCAT's process */
        public Process process() {
            return process;
        }

        /** @return the command that started it */
        public List<String> command() {
            return command;
        }

        /** @return the URL TOPCAT was given in {@value ArchiveSettings#PROPERTY}; empty for production */
        public Optional<String> archiveUrl() {
            return Optional.ofNullable(archiveUrl);
        }

        /**
         * Waits for TOPCAT to exit, then stops the local archive.
         *
         * @return TOPCAT's exit code
         */
        public int waitFor() throws InterruptedException {
            int rc = process.waitFor();
            closeArchive();
            return rc;
        }

        /** Stops TOPCAT if it still runs (as a window closes: TOPCAT may ask), then the local archive. */
        @Override
        public void close() {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) stop() itself
            }
        }

        private void stop() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            closeArchive();
        }

        /**
         * Stops the local archive once; every caller returns only when it is stopped (synchronized: the exit
         * watcher may be closing it while {@link #waitFor} returns, and the caller then expects the port closed).
         */
        private synchronized void closeArchive() {
            if (session != null && archiveClosed.compareAndSet(false, true)) {
                session.close();
            }
        }
    }
}
