package org.isosamp.local.products;

import java.io.IOException;

/** The observation exists but has no product of the kind asked for (e.g. no STANDALONE product). */
public class NoSuchProductException extends IOException {
    private static final long serialVersionUID = 1L;

    public NoSuchProductException(String message) {
        super(message);
    }
}
