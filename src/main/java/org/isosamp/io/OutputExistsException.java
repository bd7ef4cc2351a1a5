package org.isosamp.io;

import java.nio.file.FileAlreadyExistsException;

/**
 * Saving refused because a file is already at the target and {@link IfExists#REFUSE} was asked. Its message is
 * {@code "FILE exists (give --overwrite to replace it)"}: the command line's words, which a window or plug-in
 * replaces by its own question (catch this type, ask, save again with {@link IfExists#REPLACE}).
 */
public final class OutputExistsException extends FileAlreadyExistsException {

    private static final long serialVersionUID = 1L;

    /** @param file the target, as the user named it */
    public OutputExistsException(String file) {
        super(file);
    }

    @Override
    public String getMessage() {
        return getFile() + " exists (give --overwrite to replace it)";
    }
}
