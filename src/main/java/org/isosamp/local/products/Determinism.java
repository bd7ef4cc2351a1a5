package org.isosamp.local.products;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Random;

/**
 * Seeds and fixed times. Everything generated is a function of its inputs only: seeds are SHA-256 based (stable
 * across JVMs), random numbers come from {@link Random} (whose algorithm the JDK specifies), maths uses
 * {@link StrictMath}, and all timestamps are the fixed ones below.
 */
final class Determinism {
    /** The archive tars' member time for nested tars in the documented listing (2005-12-23 11:02:54 UTC). */
    static final Instant TAR_TIME = Instant.parse("2005-12-23T11:02:54Z");
    /** The archive tars' member time for the other members (2005-12-23 11:02:55 UTC). */
    static final Instant FILE_TIME = Instant.parse("2005-12-23T11:02:55Z");
    /** The DATE written into every synthetic FITS header. */
    static final String FITS_DATE = "2005-12-23T11:02:54";

    private Determinism() {
    }

    /** A stable 64-bit seed from the given parts. */
    static long seed(Object... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object p : parts) {
                md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1f);
            }
            byte[] d = md.digest();
            long s = 0;
            for (int i = 0; i < 8; i++) {
                s = (s << 8) | (d[i] & 0xff);
            }
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** A {@link Random} seeded from the given parts. */
    static Random random(Object... parts) {
        return new Random(seed(parts));
    }
}
