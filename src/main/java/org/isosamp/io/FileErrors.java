package org.isosamp.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns a file-system failure into one that names the user's target and says why, as a shell does
 * ({@code bash: /dev/full: No space left on device}). The JDK's {@link FileSystemException}s carry the path the
 * system call was given (often a hidden part file the user never named) and, for the commonest errors, no reason
 * at all ({@link AccessDeniedException}, {@link NoSuchFileException}); a failed write is a bare
 * {@link IOException} whose message is the reason ({@code "No space left on device"}). Stateless.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * @param target the target as the user named it (a path, or e.g. "standard output")
     * @param e      what failed while writing it
     * @return a {@link FileSystemException} (of the same kind for {@link AccessDeniedException} and
     *         {@link NoSuchFileException}) whose message is {@code "TARGET: REASON"}, the cause kept; {@code e}
     *         itself when it is an interruption or already names {@code target}
     */
    public static IOException about(String target, IOException e) {
        if (e instanceof InterruptedIOException || e instanceof ClosedByInterruptException
            || e instanceof OutputExistsException
            || e instanceof FileSystemException f && target.equals(f.getFile()) && f.getOtherFile() == null
               && f.getReason() != null) {
            return e;
        }
        FileSystemException mapped;
        if (e instanceof AccessDeniedException) {
            mapped = new AccessDeniedException(target, null, "Permission denied");
        } else if (e instanceof NoSuchFileException) {
            mapped = new NoSuchFileException(target, null, "No such file or directory");
        } else if (e instanceof NotDirectoryException n) {
            mapped = new FileSystemException(target, null, n.getFile() + " is not a folder");
        } else if (e instanceof FileAlreadyExistsException f) {
            // Files.createDirectories met a file where a folder of the path should be
            mapped = new FileSystemException(target, null,
                target.equals(f.getFile()) ? "Not a directory" : f.getFile() + " is not a folder");
        } else if (e instanceof FileSystemException f) {
            mapped = new FileSystemException(target, null,
                f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
        } else {
            String m = e.getMessage();
            mapped = new FileSystemException(target, null, m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
        }
        mapped.initCause(e);
        return mapped;
    }

    /**
     * @return whether {@code e}, or one of its causes, is a write to a pipe whose reader has gone
     *         ({@code EPIPE}: {@code iso-samp ... | head})
     */
    public static boolean isBrokenPipe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
            if (m != null && m.contains("Broken pipe")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
