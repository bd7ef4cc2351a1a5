package org.isosamp.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position on the sky, ICRS, in degrees: right ascension in [0, 360), declination in [-90, 90]. Immutable and
 * thread-safe; the constructor refuses anything else (NaN, RA 400, Dec 95), so a position that exists is valid.
 *
 * <p>{@link #parse} reads positions as astronomers write them:
 * <pre>
 *   10.68 41.27                 decimal degrees (also "10.68, 41.27")
 *   00:42:44.3 +41:16:09        sexagesimal: RA in hours, Dec in degrees
 *   00 42 44.3 +41 16 09        the same, separated by spaces
 *   00h42m44.3s +41d16m09s      with unit letters (also 41°16'09")
 *   0.7123h 41.27d              decimal hours or degrees, by their letter
 * </pre>
 * As everywhere in astronomy, a sexagesimal or {@code h}-marked RA is in hours, a bare decimal one in degrees.
 * Text that is not a position (M31, "NGC 1068", "3C 273") is left to a name resolver: see
 * {@link #parseIfCoordinates}.
 *
 * @param raDeg  right ascension, degrees, [0, 360)
 * @param decDeg declination, degrees, [-90, 90]
 */
public record SkyPosition(double raDeg, double decDeg) {

    /** One coordinate: a signed decimal, or up to three sexagesimal fields with optional unit marks. */
    private static final Pattern SEXAGESIMAL = Pattern.compile(
        "([+-]?)(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*([hd°:]|deg)?"
        + "(?:\\s*(\\d+(?:\\.\\d*)?)\\s*([m:'′])?"
        + "(?:\\s*(\\d+(?:\\.\\d*)?)\\s*(s|\"|″|'')?)?)?");

    /** A token that only a coordinate can start with: a sign, a digit or a decimal point, then digits or marks. */
    private static final Pattern COORDINATE_TOKEN =
        Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([hdms°:'′\"″.]|deg|\\d)*");

    /**
     * @throws IllegalArgumentException when RA is not in [0, 360) or Dec not in [-90, 90] (NaN included)
     */
    public SkyPosition {
        if (!(raDeg >= 0 && raDeg < 360)) {
            throw new IllegalArgumentException("RA (" + number(raDeg) + ") must be within [0, 360) degrees");
        }
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("Dec (" + number(decDeg) + ") must be within [-90, 90] degrees");
        }
    }

    /**
     * Reads a position.
     *
     * @param text a position in one of the forms of the class description
     * @return the position
     * @throws IllegalArgumentException naming what is wrong, when {@code text} is not a valid position
     */
    public static SkyPosition parse(String text) {
        return parseIfCoordinates(text).orElseThrow(() -> new IllegalArgumentException(
            "\"" + text + "\" is not a position (e.g. \"10.68 41.27\" or \"00:42:44.3 +41:16:09\")"));
    }

    /**
     * Reads a position if {@code text} looks like one (every word made of digits, signs and sexagesimal marks);
     * otherwise the text is taken for a name.
     *
     * @param text what the user typed: a position or an object name
     * @return the position, or empty when the text is a name (M31, "NGC 1068", "3C 273")
     * @throws IllegalArgumentException when the text looks like a position but is not a valid one (one number
     *                                  only, minutes of 60, RA 400, Dec 95, ...)
     */
    public static Optional<SkyPosition> parseIfCoordinates(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no position given (e.g. M31, \"10.68 41.27\" or "
                                               + "\"00:42:44.3 +41:16:09\")");
        }
        String t = text.trim().replace(',', ' ');
        for (String word : t.split("\\s+")) {
            if (!COORDINATE_TOKEN.matcher(word).matches()) {
                return Optional.empty();
            }
        }
        String[] halves = split(t);
        if (halves == null) {
            throw new IllegalArgumentException("\"" + text.trim()
                + "\" is not a position: give RA and Dec (e.g. \"10.68 41.27\" or \"00:42:44.3 +41:16:09\")");
        }
        double ra = coordinate(halves[0], true, text);
        double dec = coordinate(halves[1], false, text);
        return Optional.of(new SkyPosition(ra, dec));
    }

    /** @return the RA and Dec parts of a coordinate text, or null when it does not hold exactly two */
    private static String[] split(String t) {
        // the Dec's sign starts the Dec, wherever the fields are: "00 42 44.3 +41 16 09", "10.68 -41.27"
        List<String> words = new ArrayList<>(List.of(t.split("\\s+")));
        int signed = -1;
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).startsWith("+") || words.get(i).startsWith("-")) {
                signed = signed == -1 ? i : -2;
            }
        }
        int at;
        if (signed >= 1) {
            at = signed;
        } else if (signed == -2) {
            return null;
        } else if (words.size() % 2 == 0) {
            at = words.size() / 2; // "10.68 41.27", "00 42 44.3 41 16 09"
        } else {
            return null;
        }
        if (at > 3 || words.size() - at > 3) {
            return null;
        }
        return new String[] {String.join(" ", words.subList(0, at)), String.join(" ", words.subList(at, words.size()))};
    }

    /**
     * @param isRa whether this is the RA (sexagesimal or {@code h}: hours)
     * @return the coordinate in degrees
     */
    private static double coordinate(String part, boolean isRa, String whole) {
        String what = isRa ? "RA" : "Dec";
        Matcher m = SEXAGESIMAL.matcher(part.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " \"" + part + "\" in \"" + whole.trim()
                                               + "\" is not a number or sexagesimal value");
        }
        boolean negative = m.group(1).equals("-");
        if (isRa && !m.group(1).isEmpty()) {
            throw new IllegalArgumentException("RA \"" + part + "\" has a sign: RA is within [0, 360) degrees "
                                               + "or [0, 24) hours");
        }
        double value = Double.parseDouble(m.group(2));
        String unit = m.group(3) == null ? "" : m.group(3);
        boolean sexagesimal = m.group(4) != null;
        if (unit.equals("h") && !isRa) {
            throw new IllegalArgumentException("Dec \"" + part + "\" is in hours: Dec is in degrees");
        }
        if (sexagesimal) {
            double minutes = Double.parseDouble(m.group(4));
            double seconds = m.group(6) == null ? 0 : Double.parseDouble(m.group(6));
            if (minutes >= 60 || seconds >= 60) {
                throw new IllegalArgumentException(what + " \"" + part + "\": minutes and seconds must be below 60");
            }
            if (m.group(6) != null && minutes != Math.rint(minutes)) {
                throw new IllegalArgumentException(what + " \"" + part + "\": only the last field may have decimals");
            }
            if (value != Math.rint(value)) {
                throw new IllegalArgumentException(what + " \"" + part + "\": only the last field may have decimals");
            }
            value += minutes / 60 + seconds / 3600;
        }
        // a sexagesimal RA is in hours unless marked in degrees, as astronomers write it
        boolean hours = isRa && (unit.equals("h") || sexagesimal && !unit.equals("d") && !unit.equals("°")
                                                     && !unit.equals("deg"));
        if (hours) {
            if (value >= 24) {
                throw new IllegalArgumentException("RA \"" + part + "\" must be within [0, 24) hours");
            }
            value *= 15;
        }
        return negative ? -value : value;
    }

    /** @return "10.68470 +41.26875": degrees, five decimals (0.04 arcsec), Dec signed */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.5f %+.5f", raDeg, decDeg);
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
