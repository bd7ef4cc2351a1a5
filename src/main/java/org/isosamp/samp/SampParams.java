package org.isosamp.samp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.astrogrid.samp.Message;

/**
 * Reads the parameters of an incoming message as SAMP types (every scalar a string) and refuses anything else
 * with a {@link BadMessage} whose text names the parameter and quotes the bad value, shortened and made
 * SAMP-safe: the text goes back to the sender as {@code samp.errortxt}.
 *
 * <p>Stricter than {@code SampUtils.decodeFloat}/{@code Double.parseDouble}, which take {@code NaN},
 * {@code Infinity}, hex floats, {@code 1d} and surrounding spaces: only the SAMP grammar passes
 * ({@code [+-]digits[.digits][e[+-]digits]}, also {@code .5} and {@code 5.}), and the number must be finite.
 *
 * <p>An instance is one message's parameters; not thread-safe (one handler call uses it).
 */
final class SampParams {

    /** A message that cannot be acted on; the text names the parameter. */
    static final class BadMessage extends Exception {
        BadMessage(String text) {
            super(text, null, false, false);
        }
    }

    /** Longest value quoted back in an error text. */
    static final int QUOTE_MAX = 40;
    /** Longest scalar accepted; a longer "number" is not one. */
    static final int SCALAR_MAX = 64;
    /** Most entries accepted in a {@code row-list} (a selection larger than any table we send is refused). */
    static final int LIST_MAX = 10_000_000;

    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d{1,4})?");
    private static final Pattern INT = Pattern.compile("[+-]?\\d{1,18}");

    private final String mtype;
    private final Map<String, Object> params;

    private SampParams(String mtype, Map<String, Object> params) {
        this.mtype = mtype;
        this.params = params;
    }

    /**
     * @param msg an incoming message
     * @param allowed the parameter names this MType takes; any other is refused by name
     * @return its parameters
     * @throws BadMessage if the parameters are not a map of strings to values, or a key is not allowed
     */
    static SampParams of(Message msg, Set<String> allowed) throws BadMessage {
        String mtype = String.valueOf(msg.get(Message.MTYPE_KEY));
        Object raw = msg.get(Message.PARAMS_KEY);
        if (raw == null) {
            return new SampParams(mtype, Collections.emptyMap());
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new BadMessage(mtype + ": samp.params must be a map, not " + kind(raw));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new BadMessage(mtype + ": parameter name " + quote(e.getKey()) + " is not a string");
            }
            if (!allowed.contains(key)) {
                throw new BadMessage(mtype + ": unknown parameter " + quote(key) + " (takes "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            params.put(key, e.getValue());
        }
        return new SampParams(mtype, params);
    }

    /** @return true if the parameter is present (even if empty) */
    boolean has(String name) {
        return params.containsKey(name);
    }

    /**
     * @return the parameter as a string
     * @throws BadMessage if missing or not a string
     */
    String requiredString(String name) throws BadMessage {
        Object v = params.get(name);
        if (v == null) {
            throw missing(name);
        }
        if (!(v instanceof String s)) {
            throw new BadMessage(mtype + ": parameter \"" + name + "\" must be a string, not " + kind(v));
        }
        return s;
    }

    /**
     * @return the parameter as a string, or null if absent
     * @throws BadMessage if present but not a string
     */
    String optionalString(String name) throws BadMessage {
        return params.get(name) == null ? null : requiredString(name);
    }

    /**
     * @return the parameter as a finite double
     * @throws BadMessage if missing, not a string, not a SAMP float, or not finite
     */
    double requiredFloat(String name) throws BadMessage {
        String s = requiredString(name);
        if (s.length() > SCALAR_MAX || !FLOAT.matcher(s).matches()) {
            throw new BadMessage(mtype + ": parameter \"" + name + "\" is " + quote(s) + ", not a SAMP float");
        }
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
            throw new BadMessage(mtype + ": parameter \"" + name + "\" is " + quote(s) + ", not a finite number");
        }
        return d;
    }

    /**
     * @return the parameter as a double within [min, max]
     * @throws BadMessage as {@link #requiredFloat(String)}, or if outside the range
     */
    double requiredFloat(String name, long min, long max) throws BadMessage {
        double d = requiredFloat(name);
        if (!(d >= min && d <= max)) {
            throw new BadMessage(mtype + ": parameter \"" + name + "\" is " + quote(params.get(name)) + ", outside ["
                + min + ", " + max + "]");
        }
        return d;
    }

    /**
     * @return the parameter as a long
     * @throws BadMessage if missing, not a string, or not a SAMP int of at most 18 digits
     */
    long requiredInt(String name) throws BadMessage {
        return parseInt(name, requiredString(name));
    }

    /**
     * @return the parameter as a list of SAMP ints
     * @throws BadMessage if missing, not a list, too long, or an element is not a SAMP int (named by index)
     */
    long[] requiredIntList(String name) throws BadMessage {
        Object v = params.get(name);
        if (v == null) {
            throw missing(name);
        }
        if (!(v instanceof List<?> list)) {
            throw new BadMessage(mtype + ": parameter \"" + name + "\" must be a list of SAMP ints, not " + kind(v));
        }
        if (list.size() > LIST_MAX) {
            throw new BadMessage(mtype + ": parameter \"" + name + "\" has " + list.size() + " entries (at most "
                + LIST_MAX + ")");
        }
        long[] out = new long[list.size()];
        int i = 0;
        for (Object o : list) {
            String element = name + "[" + i + "]";
            if (!(o instanceof String s)) {
                throw new BadMessage(mtype + ": parameter \"" + element + "\" must be a SAMP int, not " + kind(o));
            }
            out[i++] = parseInt(element, s);
        }
        return out;
    }

    private long parseInt(String name, String s) throws BadMessage {
        if (!INT.matcher(s).matches()) {
            throw new BadMessage(mtype + ": parameter \"" + name + "\" is " + quote(s) + ", not a SAMP int");
        }
        return Long.parseLong(s);
    }

    private BadMessage missing(String name) {
        return new BadMessage(mtype + ": required parameter \"" + name + "\" is missing");
    }

    /** @return what a value is, for an error text: "a list", "a map", "a java.lang.Integer" */
    static String kind(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "a map";
        }
        return "a " + v.getClass().getName();
    }

    /**
     * @return the value in double quotes, cut to {@value #QUOTE_MAX} characters (the length said), made SAMP-safe
     *         as {@link #safe}
     */
    static String quote(Object value) {
        String s = value instanceof String str ? str : String.valueOf(value);
        String q = "\"" + escape(s, QUOTE_MAX, true) + "\"";
        return s.length() > QUOTE_MAX ? q + "... (" + s.length() + " characters)" : q;
    }

    /**
     * @return the text cut to {@code max} characters (marked "..."), every character outside SAMP's string range
     *         (0x20-0x7e) escaped as Java would: fit for {@code samp.errortxt}
     */
    static String safe(String s, int max) {
        return s.length() > max ? escape(s, max, false) + "..." : escape(s, max, false);
    }

    private static String escape(String s, int max, boolean inQuotes) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), max);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (inQuotes && (c == '"' || c == '\\')) {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }
}
