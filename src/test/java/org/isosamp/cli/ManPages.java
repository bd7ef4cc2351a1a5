package org.isosamp.cli;

import java.io.File;
import java.io.IOException;
import org.isosamp.IsoSamp;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages of iso-samp and of every command, as AsciiDoc, with picocli's own generator, from the same
 * registry the command line runs: the build calls it (pom.xml, {@code package}: {@code target/man/}). Turn them
 * into troff with {@code asciidoctor -b manpage target/man/iso-samp.adoc}.
 */
public final class ManPages {

    private ManPages() {
    }

    /**
     * @param args the output folder
     */
    public static void main(String[] args) throws IOException {
        int rc = generate(new File(args.length > 0 ? args[0] : "target/man"));
        if (rc != 0) {
            throw new IOException("picocli's ManPageGenerator failed with exit code " + rc);
        }
    }

    /** @return picocli's exit code, 0 when every page was written */
    static int generate(File dir) throws IOException {
        return ManPageGenerator.generateManPage(dir, null, new boolean[0], true,
                                                IsoSamp.commandLine().getCommandSpec());
    }
}
