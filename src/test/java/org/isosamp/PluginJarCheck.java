package org.isosamp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Checks {@code target/iso-samp-topcat.jar}, the jar for TOPCAT's classpath, as the build's {@code verify} phase
 * runs it (pom.xml, execution {@code plugin-jar-check}): it may hold iso-samp's own core classes and resources,
 * and third-party classes only relocated under {@code org/isosamp/shaded/}. A class of a library TOPCAT has (STIL,
 * JSAMP: TOPCAT's older copy would win, or half of ours would load against it), of the command line, of the local
 * archive, or of any library left unrelocated, fails the build, each named.
 * ({@code ../shared/reference/topcat-plugin.md} says what a second copy breaks inside TOPCAT 4.8.7.)
 */
public final class PluginJarCheck {

    /** Our own packages that must stay out: the faces and the embedded archive that TOPCAT does not get. */
    static final List<String> OURS_LEFT_OUT = List.of("org/isosamp/cli/", "org/isosamp/local/", "org/isosamp/IsoSamp");

    /** The plug-in class TOPCAT is told to load ({@code plugin-manifest/TOPCAT.md}). */
    static final String LOAD_DIALOG = "org/isosamp/topcat/IsoLoadDialog.class";

    /** The activation action TOPCAT is told to load ({@code plugin-manifest/TOPCAT.md}). */
    static final String ACTIVATOR = "org/isosamp/topcat/IsoProductActivationType.class";

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
        List<String> problems = problems(entries);
        if (!problems.isEmpty()) {
            System.err.println(jar + " holds what TOPCAT's classpath must not get (" + problems.size() + "):");
            problems.stream().limit(40).forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.out.println(jar + ": " + entries.size() + " entries, nothing of TOPCAT's, everything else relocated");
    }
}
