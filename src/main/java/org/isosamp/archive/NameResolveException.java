package org.isosamp.archive;

import java.io.IOException;

/** An object name that neither Sesame nor the archive's target names could place on the sky. */
public final class NameResolveException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message the name and what each resolver said */
    public NameResolveException(String message) {
        super(message);
    }
}
