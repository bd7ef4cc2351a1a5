package org.isosamp.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.isosamp.archive.IsoArchive;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.isosamp.model.RetrievalType;
import org.isosamp.plot.QuickLook;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code quicklook TDT... [--output FILE]}: a STANDALONE product's quick look as a PNG, drawn by
 * {@link QuickLook} (the window's renderer): a spectrum's segments, or an image with its colour bar and RA/Dec.
 * The product comes through the product cache (a progress bar on a terminal's stderr while it downloads, as
 * {@code download} shows); an existing PNG is refused unless {@code --overwrite}. With several
 * TDTs each is tried, as {@code download} does: each file on stdout, each failure on stderr, exit 1 if any failed.
 */
@Command(name = "quicklook", mixinStandardHelpOptions = true,
         description = {"Draw a STANDALONE product's quick look as a PNG: a spectrum (every segment, wavelength and "
                        + "flux with units) or an image (percentile stretch, colour bar, RA/Dec)."})
public final class QuickLookCommand implements Callable<Integer> {

    /** In {@code --output}: replaced by each TDT. */
    static final String TDT_MARK = "{tdt}";

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "TDT", arity = "1..*", description = "observation identifiers, e.g. 58002102")
    List<String> tdts = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "the PNG; '" + TDT_MARK + "' in it becomes the TDT (needed for several TDTs); '-' writes to "
                          + "standard output (default: ${DEFAULT-VALUE})")
    String output = "quicklook-" + TDT_MARK + ".png";

    @Option(names = "--width", paramLabel = "PIXELS", converter = Size.class,
            description = "width in pixels, " + QuickLook.MIN_SIZE + ".." + QuickLook.MAX_SIZE
                          + " (default: ${DEFAULT-VALUE})")
    int width = QuickLook.DEFAULT_WIDTH;

    @Option(names = "--height", paramLabel = "PIXELS", converter = Size.class,
            description = "height in pixels (default: ${DEFAULT-VALUE})")
    int height = QuickLook.DEFAULT_HEIGHT;

    @Option(names = "--overwrite", description = "replace an existing file (if it may be written); default: refuse it")
    boolean overwrite;

    /** A width or height: a usage error outside {@link QuickLook#MIN_SIZE}..{@link QuickLook#MAX_SIZE}. */
    static final class Size implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < QuickLook.MIN_SIZE || n > QuickLook.MAX_SIZE) {
                throw new TypeConversionException("'" + value + "' is not within " + QuickLook.MIN_SIZE + ".."
                    + QuickLook.MAX_SIZE);
            }
            return n;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) {
            // before AWT loads: drawing into an image needs no display, and a DISPLAY that is set but unreachable
            // (an ssh session's stale forwarding) would otherwise fail or wait
            System.setProperty("java.awt.headless", "true");
        }
        boolean toStdout = output.equals("-");
        if (tdts.size() > 1 && (toStdout || !output.contains(TDT_MARK))) {
            throw new ParameterException(spec.commandLine(), tdts.size() + " TDTs need one file each: put '"
                + TDT_MARK + "' in --output (e.g. ql-" + TDT_MARK + ".png)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        try (var s = archive.open()) {
            Path folder = Files.createTempDirectory("iso-samp-quicklook-");
            try {
                for (String tdt : tdts) {
                    try {
                        String written = draw(s.archive(), tdt, folder, toStdout);
                        if (written != null) {
                            out.println(written);
                            out.flush();
                        }
                    } catch (IOException | IllegalArgumentException e) {
                        if (tdts.size() == 1) {
                            throw e;   // the command's one error line
                        }
                        failed++;
                        err.println("iso-samp quicklook: " + tdt + ": " + DownloadCommand.oneLine(e));
                    }
                }
            } finally {
                deleteAll(folder);
            }
        }
        if (failed > 0) {
            err.println("iso-samp quicklook: " + (tdts.size() - failed) + " of " + tdts.size() + " drawn, " + failed
                + " failed");
            err.flush();
            return 1;
        }
        return 0;
    }

    /** @return the file written, or null for standard output */
    private String draw(IsoArchive ida, String tdt, Path folder, boolean toStdout) throws IOException {
        OutputTarget target;
        if (toStdout) {
            System.out.flush();
            // PNG bytes go to the descriptor, not through a Writer
            target = OutputTarget.stream(new FileOutputStream(FileDescriptor.out), "standard output");
        } else {
            // checked before the download: an existing file is refused at once
            target = OutputTarget.file(Path.of(output.replace(TDT_MARK, tdt)), IfExists.overwrite(overwrite));
        }
        Progress progress = new Progress(System.err, tdt, archive.quiet);
        Path product;
        try {
            product = ida.download(tdt, RetrievalType.STANDALONE, null, folder, tdt, IfExists.REPLACE, progress);
        } finally {
            progress.finish();
        }
        try {
            QuickLook.read(product).save(target, width, height);
        } finally {
            Files.deleteIfExists(product);
        }
        return toStdout ? null : target.name();
    }

    private static void deleteAll(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }
}
