package org.isosamp;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.isosamp.ApiReferences.ClassPath;
import org.isosamp.ApiReferences.Ref;

/**
 * Checks {@code target/iso-samp-topcat.jar}, the jar for TOPCAT's classpath, as the build's {@code verify} phase
 * runs it (pom.xml, execution {@code plugin-jar-check}): it may hold iso-samp's own core classes and resources,
 * and third-party classes only relocated under {@code org/isosamp/shaded/}. A class of a library TOPCAT has (STIL,
 * JSAMP: TOPCAT's older copy would win, or half of ours would load against it), of the command line, of the local
 * archive, or of any library left unrelocated, fails the build, each named.
 * ({@code ../shared/reference/topcat-plugin.md} says what a second copy breaks inside TOPCAT 4.8.7.)
 *
 * <p>It also reads every class of ours in the jar ({@link ApiReferences}, ASM) and checks that each reference it
 * makes into STIL ({@code uk.ac.starlink}, TOPCAT's own {@code uk.ac.starlink.topcat} included), JSAMP
 * ({@code org.astrogrid}) and {@code org.isosamp} (relocated libraries included) resolves, inherited members and
 * supertypes included, and that each concrete class implements every abstract method of its STIL and JSAMP
 * supertypes, on both TOPCATs the plug-in runs in (the relocated libraries' own references, to their optional
 * dependencies, are theirs):
 * <ul>
 * <li>{@value #TOPCAT_487}: Debian's, the jar {@code /usr/bin/topcat} starts and its manifest's class path (STIL
 *     4.1.3, JSAMP 1.3.7); when it is not installed this part is skipped, and says so (CI installs it);</li>
 * <li>{@value #CURRENT}: the STIL and JSAMP iso-samp compiles against (pom.xml), as current TOPCAT (4.10) has
 *     them; TOPCAT 4.10's own classes are not at hand, so {@code uk.ac.starlink.topcat} is checked only on 4.8.7.</li>
 * </ul>
 * A reference one of them lacks fails the build, named with the classes of ours that make it, unless it is made
 * only behind a guard that keeps it from running there: {@link #GUARDED} lists each such reference, the guard and
 * why; the class that makes it may then be loaded only by its guard (checked too), and an entry no longer needed
 * fails as well, so that the list stays exact.
 */
public final class PluginJarCheck {

    /** Our own packages that must stay out: the faces and the embedded archive that TOPCAT does not get. */
    static final List<String> OURS_LEFT_OUT = List.of("org/isosamp/cli/", "org/isosamp/local/", "org/isosamp/IsoSamp");

    /** The plug-in class TOPCAT is told to load ({@code plugin-manifest/TOPCAT.md}). */
    static final String LOAD_DIALOG = "org/isosamp/topcat/IsoLoadDialog.class";

    /** Debian's TOPCAT, with STIL 4.1.3 and JSAMP 1.3.7. */
    static final String TOPCAT_487 = "TOPCAT 4.8.7";

    /** The STIL and JSAMP of the compile class path, standing for current TOPCAT's. */
    static final String CURRENT = "current STIL/JSAMP";

    /** Debian's start script: TOPCAT's class path is the jar it names, then that jar's manifest class path. */
    static final Path TOPCAT_SCRIPT = Path.of("/usr/bin/topcat");

    /**
     * A reference a target lacks, allowed because it is made only behind a guard that checks first.
     *
     * @param target    {@link #TOPCAT_487} or {@link #CURRENT}
     * @param from      the class of ours that makes it (dotted); only {@code guard}'s class may refer to it
     * @param reference the reference as {@link Ref#toString()} writes it; a class's entry covers its members
     * @param guard     the class and method that check before loading {@code from} (dotted)
     * @param reason    why the reference is worth its guard
     */
    record Guarded(String target, String from, String reference, String guard, String reason) {

        String guardClass() {
            return guard.substring(0, guard.lastIndexOf('.'));
        }
    }

    private static final String FITS_ASCII = "org.isosamp.table.FitsAscii";
    private static final String FITS_ASCII_GUARD = "org.isosamp.table.TableFiles.fastFitsStrings";
    private static final String FITS_ASCII_WHY = "a faster string encoder for STIL 4.3's FITS writers (STIL's own took"
        + " two thirds of a FITS save); STIL 4.1 has no encoder to replace (AsciiCells gives its writer the same"
        + " text)";
    private static final String FITS_WRITER = "uk.ac.starlink.fits.AbstractFitsTableWriter.";

    /**
     * The guarded references: STIL 4.3 gave FITS writers a pluggable string encoder, and {@code FitsAscii} is a
     * faster one ({@code FitsAscii}'s Javadoc says why); on TOPCAT 4.8.7's STIL 4.1.3 the guard leaves the writer
     * as it is.
     */
    static final List<Guarded> GUARDED = List.of(
        new Guarded(TOPCAT_487, FITS_ASCII, "uk.ac.starlink.fits.StringEncoder", FITS_ASCII_GUARD, FITS_ASCII_WHY),
        new Guarded(TOPCAT_487, FITS_ASCII, FITS_WRITER + "getUnicodeHandler()Luk/ac/starlink/fits/StringEncoder;",
                    FITS_ASCII_GUARD, FITS_ASCII_WHY),
        new Guarded(TOPCAT_487, FITS_ASCII, FITS_WRITER + "setUnicodeHandler(Luk/ac/starlink/fits/StringEncoder;)V",
                    FITS_ASCII_GUARD, FITS_ASCII_WHY));

    /**
     * The references checked: into STIL and TOPCAT, JSAMP, org.json (TOPCAT's own, older copy: 4.8.7's has no
     * {@code JSONObject.keySet()}), and our own (relocated libraries included).
     */
    static final Predicate<String> CHECKED =
        n -> n.startsWith("uk/ac/starlink/") || n.startsWith("org/astrogrid/") || n.startsWith("org/json/")
             || n.startsWith("org/isosamp/");

    /** The library supertypes whose abstract methods our classes must implement. */
    private static final Predicate<String> LIBRARIES =
        n -> n.startsWith("uk/ac/starlink/") || n.startsWith("org/astrogrid/") || n.startsWith("org/json/");

    /**
     * A TOPCAT the plug-in runs in, as far as our classes see it.
     *
     * @param name      {@link #TOPCAT_487} or {@link #CURRENT}
     * @param classPath TOPCAT's jars, then the plug-in's classes
     * @param checked   which references this target answers for
     */
    record Target(String name, ClassPath classPath, Predicate<String> checked) {
    }

    /** The activation action TOPCAT is told to load ({@code plugin-manifest/TOPCAT.md}). */
    static final String ACTIVATOR = "org/isosamp/topcat/IsoProductActivationType.class";

    /** The toolbar tool TOPCAT is told to load ({@code topcat.exttools}, {@code plugin-manifest/TOPCAT.md}). */
    static final String WINDOW_TOOL = "org/isosamp/topcat/IsoWindowTool.class";

    private PluginJarCheck() {
    }

    /**
     * @param entries the names of a jar's entries
     * @return one line per entry that does not belong in the plug-in jar (none: the jar is fine)
     */
    static List<String> problems(List<String> entries) {
        List<String> out = new ArrayList<>();
        boolean core = false;
        boolean dialog = false;
        for (String e : entries) {
            if (e.endsWith("/")) {
                continue;
            }
            if (OURS_LEFT_OUT.stream().anyMatch(e::startsWith) || e.startsWith("iso-samp-samples/")
                || e.equals("META-INF/services/org.isosamp.archive.EmbeddedArchive")) {
                out.add(e + ": the command line and the local archive stay out of the plug-in jar");
            } else if (e.startsWith("org/isosamp/shaded/")) {
                continue;
            } else if (e.startsWith("org/isosamp/")) {
                core |= e.startsWith("org/isosamp/archive/");
                dialog |= e.equals(LOAD_DIALOG);
            } else if (e.endsWith(".class")) {
                out.add(e + ": " + (e.startsWith("uk/ac/starlink/") || e.startsWith("org/json/")
                        || e.startsWith("org/yaml/") ? "TOPCAT has its own copy" : "not relocated under org/isosamp/shaded/"));
            }
        }
        if (!core) {
            out.add("no org/isosamp/archive/ classes: not iso-samp's core");
        }
        if (!dialog) {
            out.add("no " + LOAD_DIALOG + ": TOPCAT's startable.load.dialogs would name a missing class");
        }
        if (!entries.contains(ACTIVATOR)) {
            out.add("no " + ACTIVATOR + ": TOPCAT's topcat.activators would name a missing class");
        }
        if (!entries.contains(WINDOW_TOOL)) {
            out.add("no " + WINDOW_TOOL + ": TOPCAT's topcat.exttools would name a missing class");
        }
        return out;
    }

    /**
     * Checks the references our classes make on one target.
     *
     * @param ours    the plug-in's own classes, internal name to bytecode; not the relocated libraries, whose
     *                references to their optional dependencies (OkHttp's Conscrypt, commons-compress's ASM) are
     *                made only when those are present
     * @param target  where they run
     * @param guarded the allowed references (those of other targets are ignored)
     * @return one line per reference the target lacks, per class of ours that does not implement an abstract
     *         method there, and per allow-list entry not needed
     */
    static List<String> referenceProblems(Map<String, byte[]> ours, Target target, List<Guarded> guarded) {
        List<Guarded> mine = guarded.stream().filter(g -> g.target().equals(target.name())).toList();
        Set<Guarded> used = new HashSet<>();
        List<String> out = new ArrayList<>();
        ClassPath cp = target.classPath();
        for (Map.Entry<Ref, SortedSet<String>> e : ApiReferences.collect(ours, target.checked()).entrySet()) {
            String why = cp.unresolved(e.getKey());
            if (why == null || e.getKey().kind() != ApiReferences.Kind.CLASS
                               && cp.unresolved(Ref.type(e.getKey().owner())) != null) {
                continue; // a member of a class that does not resolve: the class's line names every user
            }
            SortedSet<String> users = new TreeSet<>();
            String owner = e.getKey().owner().replace('/', '.');
            for (String user : e.getValue()) {
                String dotted = user.replace('/', '.');
                Optional<Guarded> g = mine.stream()
                    .filter(m -> m.from().equals(dotted) && m.reference().equals(e.getKey().toString())).findFirst();
                // the guarded class itself fails to link here, as expected: only its guard (or itself) names it
                boolean guardedClass = mine.stream().anyMatch(m -> m.from().equals(owner)
                    && (m.from().equals(dotted) || m.guardClass().equals(dotted)));
                if (g.isPresent()) {
                    used.add(g.get());
                } else if (!guardedClass) {
                    users.add(dotted);
                }
            }
            if (!users.isEmpty()) {
                out.add(target.name() + " lacks " + e.getKey() + " (" + why + "), used by " + String.join(", ", users));
            }
        }
        for (String c : new TreeSet<>(ours.keySet())) {
            for (Ref m : cp.unimplemented(c, LIBRARIES.and(target.checked()))) {
                out.add(target.name() + ": " + c.replace('/', '.') + " does not implement " + m + ", abstract there");
            }
        }
        for (Guarded g : mine) {
            if (!used.contains(g)) {
                out.add("allow-list entry not needed on " + target.name() + ": " + g.from() + " -> " + g.reference());
            }
        }
        return out;
    }

    /**
     * @param ours    the plug-in's classes, internal name to bytecode
     * @param guarded the allowed references
     * @return one line per place in our classes, other than the guard method, that refers to a class making guarded
     *         references: loading it there, unguarded, would fail where the guard says
     */
    static List<String> unguardedUses(Map<String, byte[]> ours, List<Guarded> guarded) {
        List<String> out = new ArrayList<>();
        Map<String, Set<String>> guards = new TreeMap<>(); // guarded class (internal) -> its guard methods (dotted)
        for (Guarded g : guarded) {
            guards.computeIfAbsent(g.from().replace('.', '/'), k -> new TreeSet<>()).add(g.guard());
        }
        Map<String, Set<String>> sites = new TreeMap<>();
        ApiReferences.collect(ours, guards::containsKey, true)
            .forEach((ref, by) -> sites.computeIfAbsent(ref.owner(), k -> new TreeSet<>()).addAll(by));
        sites.forEach((cls, by) -> {
            for (String site : by) {
                String user = site.substring(0, site.lastIndexOf('.'));
                String dotted = site.replace('/', '.');
                if (!user.equals(cls) && !user.startsWith(cls + "$") && !guards.get(cls).contains(dotted)) {
                    out.add((dotted.endsWith(".") ? user.replace('/', '.') : dotted) + " refers to "
                            + cls.replace('/', '.') + ", which only " + String.join(", ", guards.get(cls))
                            + " may load, behind its check");
                }
            }
        });
        for (Guarded g : guarded) {
            String cls = g.guardClass().replace('.', '/');
            String method = g.guard().substring(g.guard().lastIndexOf('.') + 1);
            byte[] bytes = ours.get(cls);
            if (bytes == null || ApiReferences.ClassInfo.read(bytes).methods().keySet().stream()
                    .noneMatch(m -> m.startsWith(method + "("))) {
                out.add("no method " + g.guard() + ", the guard the allow-list names for " + g.from());
            }
        }
        return out.stream().distinct().toList();
    }

    /**
     * @param script Debian's {@code topcat} start script
     * @return the jars TOPCAT's JVM has, in order: the one the script names, then its manifest's class path;
     *         empty when TOPCAT is not installed
     */
    static Optional<List<Path>> topcatClassPath(Path script) throws IOException {
        if (!Files.isReadable(script)) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?m)^\\s*appjar=(\\S+)\\s*$")
            .matcher(Files.readString(script, StandardCharsets.UTF_8));
        Path jar = Path.of(m.find() ? m.group(1) : "/usr/share/java/starlink-topcat.jar");
        return Files.isRegularFile(jar) ? Optional.of(ApiReferences.withManifestClassPath(jar)) : Optional.empty();
    }

    /**
     * @return the jars of this JVM's class path (the build's test class path: STIL and JSAMP as pom.xml has them),
     *         manifest class paths followed; class directories left out, so that our classes come only from the
     *         plug-in
     */
    static List<Path> currentClassPath() throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.endsWith(".jar")) {
                out.addAll(ApiReferences.withManifestClassPath(Path.of(e)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param ours the plug-in's classes
     * @return both targets; {@link #TOPCAT_487} only when installed (the note says when not)
     */
    static List<Target> targets(Map<String, byte[]> ours, List<String> notes) throws IOException {
        List<Target> out = new ArrayList<>();
        Optional<List<Path>> topcat = topcatClassPath(TOPCAT_SCRIPT);
        if (topcat.isPresent()) {
            out.add(new Target(TOPCAT_487, new ClassPath(topcat.get(), ours), CHECKED));
        } else {
            notes.add(TOPCAT_487 + " not installed (no " + TOPCAT_SCRIPT + " naming a jar): its references are not"
                      + " checked (Debian: apt-get install topcat)");
        }
        // TOPCAT 4.10's own classes are not at hand: the plug-in's TOPCAT face (the activation action extends
        // TOPCAT's types) is checked on current STIL/JSAMP with TOPCAT's classes as 4.8.7 has them, that one jar alone
        // and after the current libraries; without it, the classes that need TOPCAT's are left to the 4.8.7 target
        List<Path> current = new ArrayList<>(currentClassPath());
        Predicate<String> checked = CHECKED.and(n -> !n.startsWith("uk/ac/starlink/topcat/"));
        Map<String, byte[]> checkedOurs = ours;
        if (topcat.isPresent()) {
            topcat.get().stream().filter(j -> j.getFileName().toString().startsWith("starlink-topcat"))
                .findFirst().ifPresent(current::add);
        } else {
            checkedOurs = new java.util.TreeMap<>(ours);
            checkedOurs.keySet().removeIf(n -> n.startsWith("org/isosamp/topcat/"));
            checked = checked.and(n -> !n.startsWith("org/isosamp/topcat/"));
        }
        out.add(new Target(CURRENT, new ClassPath(current, checkedOurs), checked));
        return out;
    }

    /**
     * @param jar a jar
     * @return its classes, internal name to bytecode
     */
    static Map<String, byte[]> classes(Path jar) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(jf.entries())) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/")) {
                    try (InputStream in = jf.getInputStream(e)) {
                        out.put(n.substring(0, n.length() - ".class".length()), in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param args the jar to check
     * @throws IOException if it cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        List<String> entries;
        try (JarFile jf = new JarFile(jar.toFile())) {
            entries = Collections.list(jf.entries()).stream().map(java.util.zip.ZipEntry::getName).toList();
        }
        List<String> problems = new ArrayList<>(problems(entries));
        Map<String, byte[]> ours = classes(jar);
        List<String> notes = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        Map<String, byte[]> own = new TreeMap<>(ours);
        own.keySet().removeIf(n -> n.startsWith("org/isosamp/shaded/"));
        problems.addAll(unguardedUses(own, GUARDED));
        for (Target t : targets(ours, notes)) {
            try (ClassPath cp = t.classPath()) {
                problems.addAll(referenceProblems(own, t, GUARDED));
                checked.add(t.name() + " (" + ApiReferences.collect(own, t.checked()).size() + " references, "
                            + cp.entries().size() + " jars)");
            }
        }
        notes.forEach(n -> System.out.println(jar + ": " + n));
        if (!problems.isEmpty()) {
            System.err.println(jar + " holds what TOPCAT's classpath must not get, or what TOPCAT lacks ("
                               + problems.size() + "):");
            problems.stream().limit(80).forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.out.println(jar + ": " + entries.size() + " entries, nothing of TOPCAT's, everything else relocated;"
                           + " every reference resolves on " + String.join(" and ", checked));
    }
}
