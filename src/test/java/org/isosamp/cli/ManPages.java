package org.isosamp.cli;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.isosamp.IsoSamp;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages of iso-samp and of every command, from the same registry the command line runs: AsciiDoc with
 * picocli's own generator ({@code target/man/iso-samp-query.adoc}), then troff with AsciiDoctor's {@code manpage}
 * backend, as picocli's documentation does ({@code target/man/man1/iso-samp-query.1}, for {@code man -l} or a
 * {@code MANPATH} holding {@code target/man}). The build calls it (pom.xml, {@code package}).
 *
 * <p>AsciiDoctor is Ruby, run here by AsciidoctorJ in JRuby. Its start-up is most of the cost, and most of that is
 * the JIT compiling Ruby's interpreter: the build runs this class in its own JVM with C1 alone
 * ({@code -XX:TieredStopAtLevel=1}), half the CPU time of a default JVM (or of the asciidoctor-maven-plugin inside
 * Maven's).
 */
public final class ManPages {

    private ManPages() {
    }

    /**
     * @param args the output folder (default {@code target/man}), the troff pages going into its {@code man1}; and
     *             the version the pages' footer names (default: none)
     * @throws IOException if a page could not be written or rendered
     */
    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : "target/man");
        int rc = generate(dir);
        if (rc != 0) {
            throw new IOException("picocli's ManPageGenerator failed with exit code " + rc);
        }
        render(dir, new File(dir, "man1"), args.length > 1 ? args[1] : "");
    }

    /** @return picocli's exit code, 0 when every page was written */
    static int generate(File dir) throws IOException {
        return ManPageGenerator.generateManPage(dir, null, new boolean[0], true,
                                                IsoSamp.commandLine().getCommandSpec());
    }

    /**
     * Renders every {@code .adoc} page of {@code adocDir} to troff in {@code manDir}, as {@code asciidoctor -b manpage}
     * does ({@code NAME.adoc} becomes {@code NAME.1}: the section comes from the page's title, {@code iso-samp(1)}).
     *
     * @param version what the footer says, e.g. {@code 0.1.0}: picocli's pages ask iso-samp's version provider, which
     *                reads the jar's manifest, and the generator runs from the classes (its own words then:
     *                "development build")
     * @return the pages written
     * @throws IOException if AsciiDoctor wrote no page for one of them
     */
    static List<File> render(File adocDir, File manDir, String version) throws IOException {
        File[] pages = adocDir.listFiles((d, name) -> name.endsWith(".adoc"));
        if (pages == null || pages.length == 0) {
            throw new IOException(adocDir + ": no .adoc man pages to render");
        }
        Arrays.sort(pages);
        // UNSAFE only lifts AsciiDoctor's jail on paths: the pages are our own, and toDir lies outside their folder
        // attributes given here override those picocli wrote in the pages' headers
        Attributes footer = Attributes.builder()
                .attribute("mansource", ("iso-samp " + version).strip())
                .attribute("manmanual", "iso-samp Manual") // picocli capitalises the name: "Iso-samp Manual"
                .build();
        Options options = Options.builder().backend("manpage").toDir(manDir).mkDirs(true).safe(SafeMode.UNSAFE)
                                 .attributes(footer).build();
        List<File> written = new ArrayList<>();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            for (File page : pages) {
                asciidoctor.convertFile(page, options);
                String name = page.getName();
                File out = new File(manDir, name.substring(0, name.length() - ".adoc".length()) + ".1");
                if (!out.isFile()) {
                    throw new IOException(page + ": AsciiDoctor wrote no " + out);
                }
                written.add(out);
            }
        }
        return written;
    }
}
