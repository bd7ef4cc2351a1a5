package org.isosamp.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Special files for the file-safety tests, made privately in a test's own folder (never the machine's
 * {@code /dev/null} or {@code /dev/full}, which a regression would replace), and their type read back.
 */
public final class FileNodes {

    /** File type bits of a character device, as {@link #type} gives them. */
    public static final int CHAR_DEVICE = 0020000;
    /** File type bits of a FIFO, as {@link #type} gives them. */
    public static final int FIFO = 0010000;

    private FileNodes() {
    }

    /** @return the file type bits of {@code p}'s mode ({@link #CHAR_DEVICE}, {@link #FIFO}, ...), links not followed */
    public static int type(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
    }

    /**
     * @return a character device {@code dir/name} with these numbers ({@code 1 3} is {@code /dev/null},
     *         {@code 1 7} {@code /dev/full}); root only, else the calling test is skipped
     */
    public static Path device(Path dir, String name, int major, int minor) throws IOException, InterruptedException {
        Path node = dir.resolve(name);
        assumeTrue(new ProcessBuilder("mknod", "-m", "666", node.toString(), "c", String.valueOf(major),
            String.valueOf(minor)).start().waitFor() == 0, "needs mknod (root)");
        return node;
    }

    /** @return a FIFO {@code dir/name}; without mkfifo the calling test is skipped */
    public static Path fifo(Path dir, String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        return fifo;
    }
}
