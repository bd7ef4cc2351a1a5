package org.isosamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package arrows point one way: faces (the command line, and later the window and the TOPCAT plug-in) over the
 * SAMP layer, over the archive client and the product readers, over the records, STIL glue and file helpers; the
 * embedded local archive stands aside, reached only through a service lookup. A rule that is not tested drifts: this
 * reads every {@code import} and every fully qualified {@code org.isosamp.x.} name (comments and string literals
 * aside) in {@code src/main/java} and fails with the file, the line and the arrow that points the wrong way.
 *
 * <p>A small scan rather than ArchUnit: one table below, no new dependency, and sources rather than classes, so
 * that the message quotes the offending line.
 */
class LayeringTest {

    /**
     * Who may use whom. Left: a package under {@code org.isosamp} (its subpackages included; {@code (root)} is the
     * launcher, {@code org.isosamp} itself). Right: what its code may name besides itself, as packages under
     * {@code org.isosamp} or as guarded JDK packages ({@code java.awt}, {@code javax.swing}). A package may always use
     * its own subpackages and the JDK's other packages and libraries; a new package needs a row.
     *
     * <p>AWT and Swing are the faces' (gui, topcat). {@code java.awt.image} alone, pixels drawn into an image with no
     * window (a headless quick look, the local archive's synthetic postcards), is allowed below them: where drawing
     * needs more of {@code java.awt} ({@code Graphics2D}, fonts), it moves to a face, or to {@code plot}, the quick-look
     * renderer the faces share, which draws charts into images with {@code java.awt} but never opens a window nor
     * imports Swing (the window wraps its chart in a chart panel itself).
     */
    static final String ARROWS = """
        (root)   -> cli samp archive products model table io
        cli      -> plot samp archive products model table io
        gui      -> plot samp archive products model table io java.awt javax.swing
        topcat   -> gui plot samp archive products model table io java.awt javax.swing
        plot     -> products model io java.awt
        samp     -> archive products model table io
        archive  -> model table io
        products -> model table io java.awt.image
        table    -> model io
        model    ->
        io       ->
        local    -> model table io java.awt.image
        """;

    /**
     * Single files allowed one more arrow than their package, each with its reason. {@code local} is reached by
     * nothing else of the client: {@code --archive local} finds it through {@code archive.EmbeddedArchive} and
     * {@code META-INF/services}, and tests and benchmarks (not scanned) start it directly.
     */
    static final String EXCEPTIONS = """
        cli/ServeLocalCommand.java      -> local                    serve-local is the local archive's own command
        cli/GuiCommand.java             -> gui java.awt javax.swing  gui is the window's own command
        local/LocalArchiveProvider.java -> archive.EmbeddedArchive  the service behind --archive local
        """;

    /** The names this test guards: ours, and the windowing toolkits. */
    private static final Pattern REFERENCE =
        Pattern.compile("(?<![\\w.])(org\\.isosamp(?:\\.\\w+)+|java\\.awt(?:\\.\\w+)*|javax\\.swing(?:\\.\\w+)*)");

    private static final Map<String, List<String>> MAY_USE = table(ARROWS);
    private static final Map<String, List<String>> FILE_MAY_USE = table(EXCEPTIONS);

    @Test
    void everyArrowInTheMainSourcesPointsDown() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java/org/isosamp");
        List<String> wrong = new ArrayList<>();
        int files;
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            files = sources.size();
            for (Path p : sources) {
                wrong.addAll(violations(root.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
            }
        }
        assertTrue(files > 100, "read " + files + " sources under " + root);
        assertTrue(wrong.isEmpty(), wrong.size() + " arrows point the wrong way (the table is LayeringTest.ARROWS):\n"
                                    + String.join("\n", wrong));
    }

    /** The checker itself: each wrong arrow found, each right one let through. */
    @Test
    void theScanFindsWrongArrowsAndOnlyThose() {
        assertEquals(List.of("cli/Bad.java:2: import org.isosamp.local.LocalArchive;  (cli may not use local: "
                             + "cli -> plot samp archive products model table io)"),
                     violations("cli/Bad.java", "package org.isosamp.cli;\nimport org.isosamp.local.LocalArchive;\n"));
        assertEquals(List.of(), violations("cli/ServeLocalCommand.java",
                                           "package org.isosamp.cli;\nimport org.isosamp.local.LocalArchive;\n"));
        String samp = """
            package org.isosamp.samp;
            import javax.swing.JFrame;
            import static org.isosamp.cli.OptionChecks.check;
            // org.isosamp.local.LocalArchive in a comment is no dependency
            /* nor java.awt.Frame in a block */ class X {
                String s = "org.isosamp.local.LocalArchive";
                org.isosamp.archive.IsoArchive ok; java.awt.image.BufferedImage img;
                org.isosamp.local.db.ArchiveDatabase db;
            }
            """;
        List<String> found = violations("samp/X.java", samp);
        assertEquals(4, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("samp/X.java:2: import javax.swing.JFrame;  (samp may not use javax.swing"),
                   found.get(0));
        assertTrue(found.get(1).startsWith("samp/X.java:3: import static org.isosamp.cli.OptionChecks.check;  "
                                           + "(samp may not use cli"), found.get(1));
        assertTrue(found.get(2).startsWith("samp/X.java:7: ") && found.get(2).contains("may not use java.awt.image"),
                   found.get(2));
        assertTrue(found.get(3).startsWith("samp/X.java:8: ") && found.get(3).contains("may not use local"),
                   found.get(3));
        assertEquals(List.of("local/LocalArchive.java:1: package org.isosamp.local; import org.isosamp.archive.IsoArchive;"
                             + "  (local may not use archive: local -> model table io java.awt.image)"),
                     violations("local/LocalArchive.java",
                                "package org.isosamp.local; import org.isosamp.archive.IsoArchive;"));
        // the quick-look renderer draws with java.awt, never with Swing: the window wraps its chart
        assertEquals(List.of(), violations("plot/A.java", "package org.isosamp.plot;\nimport java.awt.Graphics2D;\n"));
        assertEquals(1, violations("plot/A.java", "package org.isosamp.plot;\nimport javax.swing.JPanel;\n").size());
        assertEquals(1, violations("plot/A.java", "package org.isosamp.plot;\nimport org.isosamp.samp.SampSession;\n")
            .size());
        assertEquals(List.of("newpkg/A.java: package newpkg has no row in LayeringTest.ARROWS"),
                     violations("newpkg/A.java", "package org.isosamp.newpkg;\n"));
    }

    /**
     * @param file   the source's path under {@code org/isosamp}, e.g. {@code cli/QueryCommand.java}
     * @param source its text
     * @return one line per wrong arrow: file, line, the line itself and the rule it breaks
     */
    static List<String> violations(String file, String source) {
        String pkg = file.contains("/") ? file.substring(0, file.indexOf('/')) : "(root)";
        List<String> allowed = MAY_USE.get(pkg);
        if (allowed == null) {
            return List.of(file + ": package " + pkg + " has no row in LayeringTest.ARROWS");
        }
        List<String> fileAllowed = FILE_MAY_USE.getOrDefault(file, List.of());
        String[] lines = source.split("\n", -1);
        String[] code = codeOnly(source).split("\n", -1);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < code.length; i++) {
            String line = code[i].replaceFirst("^\\s*package\\s+[\\w.]+\\s*;", "");
            Matcher m = REFERENCE.matcher(line);
            while (m.find()) {
                String name = m.group(1);
                String target = packageOf(name);
                if (!target.equals(pkg) && !covers(allowed, name) && !covers(fileAllowed, name)) {
                    wrong.add(file + ":" + (i + 1) + ": " + lines[i].strip() + "  (" + pkg + " may not use "
                              + target + ": " + pkg + " -> " + String.join(" ", allowed) + ")");
                }
            }
        }
        return wrong;
    }

    /** @return {@code local} for {@code org.isosamp.local.db.X}, {@code (root)} for {@code org.isosamp.IsoSamp}; a
     *          JDK name as far as it is guarded ({@code java.awt.image} for {@code java.awt.image.Raster}) */
    private static String packageOf(String name) {
        if (!name.startsWith("org.isosamp.")) {
            String[] parts = name.split("\\.");
            // java.awt.X or java.awt.sub.X: the subpackage, so that java.awt.image reads as itself
            return parts.length > 2 && Character.isLowerCase(parts[2].charAt(0)) ? parts[0] + "." + parts[1] + "."
                + parts[2] : parts[0] + "." + parts[1];
        }
        String first = name.split("\\.")[2];
        return Character.isUpperCase(first.charAt(0)) ? "(root)" : first;
    }

    /** @return whether a rule's targets cover a name: {@code local} covers {@code org.isosamp.local.db.X} */
    private static boolean covers(List<String> targets, String name) {
        for (String t : targets) {
            String prefix = t.startsWith("java.") || t.startsWith("javax.") ? t : "org.isosamp." + t;
            if (t.equals("(root)") ? packageOf(name).equals("(root)") : name.equals(prefix)
                                                                        || name.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Reads {@code left -> target target ... [reason]} lines; a reason is whatever follows two or more spaces. */
    private static Map<String, List<String>> table(String text) {
        Map<String, List<String>> t = new LinkedHashMap<>();
        for (String line : text.strip().split("\n")) {
            String[] sides = line.split("->", 2);
            String right = sides[1].strip().split("\\s{2,}")[0].strip();
            t.put(sides[0].strip(), right.isEmpty() ? List.of() : Arrays.asList(right.split("\\s+")));
        }
        return t;
    }

    /**
     * @return the source with comments and string, character and text-block literals blanked out (line breaks
     *         kept, so line numbers hold): a name mentioned there is no dependency
     */
    static String codeOnly(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && s.charAt(end) != c && s.charAt(end) != '\n') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (b.charAt(k) != '\n') {
                    b.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return b.toString();
    }
}
