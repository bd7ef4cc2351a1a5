package org.isosamp.archive;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What became of one TDT of a bulk download ({@link IsoArchive#downloadAll}): the file written, or why not.
 *
 * @param tdt     the observation, as asked for
 * @param file    the file written; null when it failed
 * @param failure why it failed ({@link java.io.IOException}: the archive's answer, a network or file error, an
 *                existing file; {@link IllegalArgumentException}: not a TDT); null when it succeeded
 */
public record DownloadOutcome(String tdt, Path file, Exception failure) {

    /** Checks that exactly one of {@code file} and {@code failure} is given. */
    public DownloadOutcome {
        Objects.requireNonNull(tdt, "tdt");
        if ((file == null) == (failure == null)) {
            throw new IllegalArgumentException("a download outcome has a file or a failure, not "
                + (file == null ? "neither" : "both"));
        }
    }

    /** @return true when the file was written */
    public boolean ok() {
        return file != null;
    }

    /** @return why it failed, on one line ({@link #oneLine}); null when it succeeded */
    public String reason() {
        return failure == null ? null : oneLine(failure);
    }

    /**
     * A failure as a face shows it: its message with line breaks (a server's multi-line answer) folded into
     * spaces, or the exception's simple name when it has no message.
     *
     * @param e the failure
     * @return one line
     */
    public static String oneLine(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s*\\R\\s*", " ");
    }
}
