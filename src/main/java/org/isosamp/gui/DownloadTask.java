package org.isosamp.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.archive.ArchiveException;
import org.isosamp.archive.DataClient;
import org.isosamp.archive.DownloadOutcome;
import org.isosamp.archive.IsoArchive;
import org.isosamp.io.ByteSizes;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputExistsException;
import org.isosamp.products.TarFiles;

/**
 * One download of the window, without Swing: the product of one TDT into a folder, through the core's
 * {@link IsoArchive#download} (the command line's own path: a hidden part file, moved into place only when
 * complete; nothing left on failure), then, if asked, the tar unpacked beside it all or nothing
 * ({@link TarFiles#extract(Path, Path, IfExists, boolean)}).
 *
 * <p><b>Cancel</b> ({@link #cancel()}): a queued task never starts; a running one has its worker thread
 * interrupted and its HTTP request cancelled ({@link DataClient.Listener#requesting}), which stops the transfer
 * at once, even one waiting on a silent server, and so deletes its part file; or the extraction stops and what it
 * unpacked is deleted; a tar already complete when the cancel came is deleted too, so a cancelled download leaves
 * nothing in the folder.
 *
 * <p><b>Existing files</b>: refused or replaced as {@link IfExists} says, file by file, tar members too.
 *
 * <p>Thread-safety: {@link #run()} runs once, on a worker; the progress fields are volatile and read by any thread
 * (the panel's timer); state changes are under the task's lock, and {@code onEnd} is called once, on the worker,
 * when the task has finished (done, failed or cancelled).
 */
final class DownloadTask implements Runnable, DataClient.Listener {

    /** Where a task is. */
    enum State {
        QUEUED, RUNNING, EXTRACTING, DONE, FAILED, CANCELLED;

        /** @return whether the task has ended */
        boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    private static final Logger LOG = Logger.getLogger(DownloadTask.class.getName());

    private final IsoArchive archive;
    private final long tdt;
    private final DownloadChoice choice;
    private final Path folder;
    private final IfExists ifExists;
    private final Consumer<DownloadTask> onEnd;

    private volatile long bytes;
    private volatile long total = -1;
    private volatile String note;
    /** cancels the HTTP request in flight ({@link DataClient.Listener#requesting}) */
    private volatile Runnable abort;

    private State state = State.QUEUED;
    private boolean cancelRequested;
    private Thread runner;
    private String message = "";
    private String detail = "";
    private Path result;

    /**
     * @param onEnd called once on the worker when the task has ended; null for none
     */
    DownloadTask(IsoArchive archive, long tdt, DownloadChoice choice, Path folder, IfExists ifExists,
                 Consumer<DownloadTask> onEnd) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.tdt = tdt;
        this.choice = Objects.requireNonNull(choice, "choice");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.ifExists = Objects.requireNonNull(ifExists, "ifExists");
        this.onEnd = onEnd;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (cancelRequested || state != State.QUEUED) {
                end(State.CANCELLED, "Cancelled before it started", null);
                return;
            }
            state = State.RUNNING;
            runner = Thread.currentThread();
        }
        Path written = null; // ours once the download returned: a cancel from then on deletes it
        try {
            Path file = archive.download(Long.toString(tdt), choice.type(), choice.level(), folder,
                Long.toString(tdt), ifExists, this);
            written = file;
            Path into = choice.extract() ? TarFiles.folderFor(file) : null;
            if (into != null) {
                synchronized (this) {
                    if (!cancelRequested) {
                        state = State.EXTRACTING;
                    }
                }
                checkCancelled();
                List<Path> files = TarFiles.extract(file, into, ifExists, true);
                checkCancelled();
                finish(State.DONE, "Unpacked " + files.size() + " files into " + into + " (tar kept: "
                    + file.getFileName() + ")", into);
            } else {
                checkCancelled();
                finish(State.DONE, "Saved " + file + " (" + ByteSizes.format(Files.size(file)) + ")", file);
            }
        } catch (IOException | RuntimeException e) {
            boolean cancelled;
            synchronized (this) {
                cancelled = cancelRequested;
            }
            if (cancelled) {
                deleteQuietly(written, e);
                finish(State.CANCELLED, "Cancelled: nothing kept", null);
            } else {
                LOG.log(Level.FINE, "download of " + tdt + " failed", e);
                synchronized (this) {
                    detail = DownloadOutcome.oneLine(e);
                    end(State.FAILED, reason(e), null);
                }
            }
        } finally {
            // this pool thread runs other downloads next: no interrupt meant for this one may reach them
            synchronized (this) {
                runner = null;
            }
            Thread.interrupted();
        }
    }

    /** A cancel that came when nothing was left to interrupt (the last bytes written) still wins. */
    private void checkCancelled() throws java.io.InterruptedIOException {
        synchronized (this) {
            if (cancelRequested) {
                throw new java.io.InterruptedIOException("download of " + tdt + " cancelled");
            }
        }
    }

    private void deleteQuietly(Path file, Exception failure) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
            LOG.log(Level.WARNING, "cancelled download's file not deleted: " + file, e);
        }
    }

    private void finish(State s, String text, Path path) {
        synchronized (this) {
            end(s, text, path);
        }
    }

    /** Called with the lock held. */
    private void end(State s, String text, Path path) {
        state = s;
        message = text;
        result = path;
        if (onEnd != null) {
            onEnd.accept(this);
        }
    }

    /**
     * The reason a download failed, on one line: an existing file says how to replace it here; everything else is
     * the core's message (the archive's answer with its URL, the file and the system's words: "x.tar: No space
     * left on device").
     */
    static String reason(Exception e) {
        if (e instanceof OutputExistsException x) {
            return x.getFile() + " exists (tick \"Replace existing files\" to replace it)";
        }
        // the archive's own words first: the URL is in the detail (the row's tooltip)
        if (e instanceof ArchiveException a && a.status() >= 400 && a.serverMessage() != null
            && !a.serverMessage().isBlank()) {
            return "The archive answered HTTP " + a.status() + ": " + a.serverMessage().replaceAll("\\s*\\R\\s*", " ");
        }
        return DownloadOutcome.oneLine(e);
    }

    /**
     * Asks the task to stop (see the class comment). Does nothing once it has ended.
     *
     * @return whether there was something to cancel
     */
    synchronized boolean cancel() {
        if (state.finished() || cancelRequested) {
            return false;
        }
        cancelRequested = true;
        if (runner != null) {
            runner.interrupt();
            Runnable a = abort;
            if (a != null) {
                a.run(); // a request waiting on a silent server ends now, not at the read timeout
            }
        }
        return true;
    }

    @Override
    public void progress(long bytes, long total) {
        this.bytes = bytes;
        this.total = total;
    }

    @Override
    public void requesting(Runnable abort) {
        this.abort = abort;
    }

    @Override
    public void retrying(int retry, int of, IOException cause) {
        note = "retrying (" + retry + " of " + of + ") after: " + DownloadOutcome.oneLine(cause);
    }

    /** @return the TDT */
    long tdt() {
        return tdt;
    }

    /** @return what is downloaded */
    DownloadChoice choice() {
        return choice;
    }

    /** @return the folder downloaded into */
    Path folder() {
        return folder;
    }

    /** @return bytes on disk so far */
    long bytes() {
        return bytes;
    }

    /** @return the product's size, or -1 while unknown */
    long total() {
        return total;
    }

    /** @return the state now */
    synchronized State state() {
        return state;
    }

    /** @return whether a cancel was asked and the task has not ended yet */
    synchronized boolean cancelling() {
        return cancelRequested && !state.finished();
    }

    /** @return the outcome's one line once ended ("Saved ...", the reason of a failure), or a retry note, or "" */
    synchronized String message() {
        if (!state.finished() && note != null) {
            return note;
        }
        return message;
    }

    /** @return the failure in full on one line (with the archive's URL), or the message when there was none */
    synchronized String detail() {
        return detail.isEmpty() ? message() : detail;
    }

    /** @return the file (STANDALONE or tar) or folder (unpacked) written; null unless DONE */
    synchronized Path result() {
        return result;
    }
}
