package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isosamp.IsoSamp;
import org.junit.jupiter.api.Test;

/**
 * The troff man pages the build renders at {@code package} (pom.xml's "man-pages", {@link ManPages}): one in
 * {@code target/man/man1} for iso-samp and for every command of the registry, each real troff that {@code man} shows
 * with its sections, none with AsciiDoc left in it. Run by failsafe after {@code package}, as rendering is not done
 * for the unit tests (JRuby's start-up would cost every test run seconds).
 */
class ManPagesBuiltTest {

    private static final Path MAN1 = Path.of(System.getProperty("iso.man.dir", "target/man"), "man1");

    /** {@code .TH "TITLE" "1" "date" "source" "manual"}: a man page's title line */
    private static final Pattern TITLE = Pattern.compile("(?m)^\\.TH \"([^\"]*)\" \"1\" \"[^\"]*\" \"([^\"]*)\"");

    /** AsciiDoc that AsciiDoctor should have turned into troff: titles, attributes, picocli's tags, bold, lists */
    private static final Pattern ASCIIDOC = Pattern.compile(
        "(?m)^=+ |^:[a-z-]+:|^// |\\*-[-a-zA-Z]|\\*iso-samp|::$|pass:\\[");

    private static List<String> pageNames() {
        List<String> names = new ArrayList<>();
        names.add("iso-samp");
        for (String command : IsoSamp.commandLine().getSubcommands().keySet()) {
            names.add("iso-samp-" + command);
        }
        return names;
    }

    @Test
    void everyCommandHasATroffPage() throws IOException {
        assumeFalse(Boolean.getBoolean("iso.skip.man"), "-Diso.skip.man=true: the build made no man pages");
        for (String name : pageNames()) {
            Path page = MAN1.resolve(name + ".1");
            assertTrue(Files.isRegularFile(page), page + ": no man page (mvn package renders one per command)");
            checkTroff(name, Files.readString(page));
        }
    }

    @Test
    void optionsAndCommandsAreListed() throws IOException {
        assumeFalse(Boolean.getBoolean("iso.skip.man"), "-Diso.skip.man=true: the build made no man pages");
        String query = Files.readString(MAN1.resolve("iso-samp-query.1"));
        assertTrue(query.contains("\\fB\\-\\-maxrec\\fP="), "--maxrec in bold:\n" + query);
        String top = Files.readString(MAN1.resolve("iso-samp.1"));
        int commands = top.indexOf(".SH \"COMMANDS\"");
        assertTrue(commands > 0, "a COMMANDS section:\n" + top);
        for (String command : IsoSamp.commandLine().getSubcommands().keySet()) {
            assertTrue(top.indexOf(command.replace("-", "\\-"), commands) > 0, command + " under COMMANDS:\n" + top);
        }
    }

    /** A page as {@code man} wants it: title line, NAME as {@code name \- summary}, the sections, no AsciiDoc. */
    static void checkTroff(String name, String troff) {
        Matcher title = TITLE.matcher(troff);
        assertTrue(title.find(), name + ": no .TH title line, not troff:\n" + head(troff));
        assertEquals(name.toUpperCase().replace("-", "\\-"), title.group(1), name + ": title");
        // the footer names the build, not picocli's words for a generator run from the classes
        assertTrue(title.group(2).startsWith("iso\\-samp ") && !title.group(2).contains("development"),
                   name + ": footer " + title.group(2));
        for (String section : new String[] {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"}) {
            assertTrue(troff.contains("\n.SH \"" + section + "\"\n"), name + ": no " + section + " section");
        }
        assertTrue(troff.contains("\n.SH \"NAME\"\n" + name + " \\- "), name + ": NAME is not 'name \\- summary'");
        Matcher asciidoc = ASCIIDOC.matcher(troff);
        assertFalse(asciidoc.find(), () -> name + ": AsciiDoc left in the page: '" + asciidoc.group() + "'");
    }

    private static String head(String text) {
        return text.substring(0, Math.min(400, text.length()));
    }
}
