package org.isosamp.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The class path of a real TOPCAT 4.8.7 with iso-samp's plug-in, for tests that run TOPCAT in a child JVM: Debian's
 * TOPCAT jar first (its STIL 4.1.3, JSAMP and org.json win, as with {@code topcat -classpath}), then the plug-in.
 *
 * <p>The plug-in is the built {@code target/iso-samp-topcat.jar} when the build names it in {@value #PLUGIN_JAR}
 * (Maven's failsafe runs the TOPCAT tests after {@code package}, so CI tests the jar users get, relocations and
 * all). Run alone from an IDE or with {@code -Dtest=}, the plug-in stands in as {@code target/classes} and the
 * libraries without STIL and JSAMP, with nom-tam-fits 1.21 ahead of TOPCAT's jar, whose manifest names Debian's
 * 1.15.2 (the jar carries 1.21 relocated). The test classes come last, for the probes.
 */
public final class TopcatClassPath {

    /** Debian's TOPCAT 4.8.7. */
    public static final Path TOPCAT_JAR = Path.of("/usr/share/java/starlink-topcat.jar");

    /** The system property naming the built plug-in jar (set by the build for failsafe). */
    public static final String PLUGIN_JAR = "iso.plugin.jar";

    private TopcatClassPath() {
    }

    /** @return the built plug-in jar, when the build names one that exists */
    public static java.util.Optional<Path> pluginJar() {
        String p = System.getProperty(PLUGIN_JAR);
        return p == null || p.isBlank() || !Files.isRegularFile(Path.of(p)) ? java.util.Optional.empty()
            : java.util.Optional.of(Path.of(p));
    }

    /** @return the plug-in's entries, without TOPCAT's jar: the jar and the test classes, or their stand-in */
    public static List<Path> plugin() {
        List<String> all = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<Path> out = new ArrayList<>();
        java.util.Optional<Path> jar = pluginJar();
        if (jar.isPresent()) {
            out.add(jar.get());
            all.stream().filter(p -> p.replace('\\', '/').endsWith("/test-classes")).map(Path::of).forEach(out::add);
        } else {
            all.stream()
                .filter(p -> !p.replace('\\', '/').contains("/uk/ac/starlink/")
                             && !p.replace('\\', '/').contains("/org/astrogrid/"))
                .map(Path::of).forEach(out::add);
        }
        return out;
    }

    /** @return the whole class path, joined: [nom-tam stand-in,] TOPCAT's jar, the plug-in */
    public static String of() {
        List<String> path = new ArrayList<>();
        if (pluginJar().isEmpty()) {
            Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.replace('\\', '/').contains("/gov/nasa/gsfc/heasarc/")).forEach(path::add);
        }
        path.add(TOPCAT_JAR.toString());
        plugin().stream().map(Path::toString)
            .filter(p -> !p.replace('\\', '/').contains("/gov/nasa/gsfc/heasarc/")).forEach(path::add);
        return path.stream().collect(Collectors.joining(File.pathSeparator));
    }
}
