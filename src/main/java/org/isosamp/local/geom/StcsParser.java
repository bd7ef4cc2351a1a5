package org.isosamp.local.geom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent STC-S parser over whitespace and parenthesis tokens, for
 * {@link SkyRegion#parse}; see there for the accepted text. Not thread-safe:
 * one instance parses one string.
 */
final class StcsParser {

    private static final Set<String> ICRS_FRAMES = Set.of("ICRS", "FK5", "J2000", "UNKNOWNFRAME");

    static final Set<String> REFPOS_OR_FLAVOUR = Set.of(
        "GEOCENTER", "BARYCENTER", "HELIOCENTER", "TOPOCENTER", "LSR", "LSRK", "LSRD",
        "GALACTIC_CENTER", "LOCAL_GROUP_CENTER", "EMBARYCENTER", "MOON", "MERCURY", "VENUS",
        "MARS", "JUPITER", "SATURN", "URANUS", "NEPTUNE", "PLUTO", "UNKNOWNREFPOS",
        "RELOCATABLE", "SPHERICAL2", "UNITSPHERE");

    private final String text;
    final List<String> tokens = new ArrayList<>();
    int pos;

    StcsParser(String text) {
        this.text = text;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(text.charAt(j))
                       && text.charAt(j) != '(' && text.charAt(j) != ')') {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            }
        }
    }

    IllegalArgumentException error(String why) {
        return new IllegalArgumentException("malformed STC-S region " + SkyRegion.quote(text) + ": " + why);
    }

    String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    SkyRegion region(boolean top) {
        String kw = peek();
        if (kw == null) {
            throw error(top ? "empty" : "missing region after \"(\"");
        }
        pos++;
        String shape = kw.toUpperCase(Locale.ROOT);
        switch (shape) {
            case "POSITION":
            case "POINT": {
                String f = frame();
                double[] v = numbers(2, 2, kw, "ra dec");
                return new SkyRegion.Point(f, v[0], v[1]);
            }
            case "CIRCLE": {
                String f = frame();
                double[] v = numbers(3, 3, kw, "ra dec radius");
                return new SkyRegion.Circle(f, v[0], v[1], SkyRegion.radius(v[2]));
            }
            case "BOX": {
                String f = frame();
                double[] v = numbers(4, 4, kw, "ra dec width height");
                return SkyRegion.box(f, v[0], v[1], v[2], v[3]);
            }
            case "POLYGON": {
                String f = frame();
                double[] v = numbers(6, Integer.MAX_VALUE, kw, "ra dec pairs, at least three");
                return SkyRegion.polygon(f, v);
            }
            case "UNION":
                return union();
            case "INTERSECTION":
            case "NOT":
            case "DIFFERENCE":
            case "ELLIPSE":
            case "CONVEX":
                throw error("STC-S shape \"" + kw + "\" is not supported");
            default:
                throw error("unknown shape \"" + kw + "\"");
        }
    }

    /** Reads optional frame, refpos and flavour tokens. */
    String frame() {
        String frame = "";
        boolean first = true;
        while (true) {
            String t = peek();
            if (t == null || t.equals("(") || t.equals(")") || isNumber(t) || isShape(t)) {
                return frame;
            }
            String u = t.toUpperCase(Locale.ROOT);
            if (first && ICRS_FRAMES.contains(u)) {
                frame = u.equals("UNKNOWNFRAME") ? "UNKNOWNFrame" : u;
            } else if (!REFPOS_OR_FLAVOUR.contains(u)) {
                if (first) {
                    throw new IllegalArgumentException("frame \"" + t + "\" in STC-S region "
                        + SkyRegion.quote(text) + " is not supported (only ICRS, FK5, J2000, UNKNOWNFrame)");
                }
                throw error("unexpected \"" + t + "\"");
            }
            first = false;
            pos++;
        }
    }

    double[] numbers(int min, int max, String kw, String what) {
        List<Double> list = new ArrayList<>();
        while (pos < tokens.size() && isNumber(tokens.get(pos)) && list.size() < max) {
            list.add(Double.parseDouble(tokens.get(pos)));
            pos++;
        }
        // optional "unit deg"
        if (pos + 1 < tokens.size() && tokens.get(pos).equalsIgnoreCase("unit")) {
            if (!tokens.get(pos + 1).equalsIgnoreCase("deg")) {
                throw error("unit \"" + tokens.get(pos + 1) + "\" is not supported (only deg)");
            }
            pos += 2;
        }
        if (list.size() < min && peek() != null && !")".equals(peek()) && !isShape(peek())) {
            throw error("unexpected \"" + peek() + "\"");
        }
        if (list.size() < min || (max == Integer.MAX_VALUE && list.size() % 2 != 0)) {
            throw error(kw + " needs " + what + ", got " + list.size() + " number"
                        + (list.size() == 1 ? "" : "s"));
        }
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = list.get(i);
            if (!Double.isFinite(v[i])) {
                throw error("number " + v[i] + " is not finite");
            }
        }
        return v;
    }

    SkyRegion union() {
        String f = frame();
        List<SkyRegion> members = new ArrayList<>();
        while ("(".equals(peek())) {
            pos++;
            do {
                members.add(region(false));
            } while (peek() != null && isShape(peek()));
            if (!")".equals(peek())) {
                throw error(peek() == null ? "missing \")\"" : "unexpected \"" + peek() + "\"");
            }
            pos++;
        }
        if (members.isEmpty()) {
            throw error("Union needs (member) regions");
        }
        return new SkyRegion.Union(f, members);
    }

    static boolean isShape(String t) {
        switch (t.toUpperCase(Locale.ROOT)) {
            case "POSITION": case "POINT": case "CIRCLE": case "BOX": case "POLYGON":
            case "UNION": case "INTERSECTION": case "NOT": case "DIFFERENCE":
            case "ELLIPSE": case "CONVEX":
                return true;
            default:
                return false;
        }
    }

    static boolean isNumber(String t) {
        char c = t.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return false;
        }
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
