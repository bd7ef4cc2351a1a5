package org.isosamp.io;

/**
 * What saving does when a regular file is already at the target path: astropy's {@code overwrite=} model, whose
 * default is {@link #REFUSE}. Only regular files are concerned: a device, FIFO or standard output is written
 * straight, a folder is always refused, and a file we may not write is refused either way (see
 * {@link OutputTarget}).
 */
public enum IfExists {
    /** An existing file is left as it is, and saving fails with an {@link OutputExistsException}. */
    REFUSE,
    /** An existing file we may write is replaced, atomically, keeping its permissions. */
    REPLACE;

    /**
     * @param overwrite whether the user allowed replacing (a command line's {@code --overwrite})
     * @return {@link #REPLACE} if allowed, else {@link #REFUSE}
     */
    public static IfExists overwrite(boolean overwrite) {
        return overwrite ? REPLACE : REFUSE;
    }
}
