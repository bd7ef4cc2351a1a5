package org.isosamp.local.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.AllColumns;
import org.isosamp.local.adql.ExprWriter.Typed;
import org.isosamp.local.meta.ColumnDef;

/**
 * The ADQL function whitelist: maps each allowed function to H2 SQL and gives
 * its result type. Everything not listed here is refused.
 *
 * <p>Choices: {@code LOG} is the natural logarithm (H2 {@code LN});
 * {@code TRUNCATE} is H2 {@code TRUNC}; {@code MOD} of non-integers is
 * computed in double precision (H2's {@code MOD} would round a NUMERIC
 * argument to an integer); geometry functions become the {@code adql_*}
 * aliases, with ADQL 2.1 forms (no frame, {@code POINT} arguments)
 * normalised to {@code adql_xxx(frame, numbers...)}, frame {@code 'ICRS'}
 * when none is given. Not thread-safe (one per {@link ExprWriter}).
 */
final class FunctionWriter {

    private static final ColumnDef AREA = Types.withUnit(Types.DOUBLE, "deg**2");

    private final ExprWriter w;

    FunctionWriter(ExprWriter w) {
        this.w = w;
    }

    Typed write(Function f) throws AdqlException {
        String name = checkedName(f);
        List<Expression> args = f.getParameters() == null
            ? List.of() : new ArrayList<>(f.getParameters());
        boolean star = args.size() == 1 && args.get(0) instanceof AllColumns;
        if (f.isDistinct() || star) {
            if (!List.of("COUNT", "SUM", "AVG", "MIN", "MAX").contains(name)
                || star && (!name.equals("COUNT") || f.isDistinct())) {
                throw new AdqlException("Unsupported syntax in " + ExprWriter.shorten(f));
            }
        }
        String label = name.toLowerCase(Locale.ROOT);
        Typed t = switch (name) {
            case "DEGREES", "EXP", "LOG10", "RADIANS", "SQRT", "SIN", "COS", "TAN", "ASIN",
                 "ACOS", "ATAN", "COT" -> math(name, args, 1);
            case "LOG" -> math("LN", args, 1);
            case "POWER", "ATAN2" -> math(name, args, 2);
            case "PI" -> math(name, args, 0);
            case "RAND" -> rand(args);
            case "ABS", "CEILING", "FLOOR" -> sameType(name, args, false);
            case "ROUND" -> sameType("ROUND", args, true);
            case "TRUNCATE" -> sameType("TRUNC", args, true);
            case "MOD" -> mod(args);
            case "LOWER", "UPPER" -> {
                Typed s = one(name, args);
                yield new Typed(name + "(" + s.sql() + ")", Types.STRING);
            }
            case "COALESCE" -> coalesce(args);
            case "COUNT", "SUM", "AVG", "MIN", "MAX" -> aggregate(name, f.isDistinct(), star, args);
            case "POINT", "CIRCLE", "BOX", "POLYGON" -> constructor(name, args);
            case "CONTAINS", "INTERSECTS" -> {
                List<Typed> g = geometries(name, args, 2);
                yield new Typed("adql_" + label + "(" + g.get(0).sql() + ", " + g.get(1).sql() + ")",
                                Types.INT);
            }
            case "DISTANCE" -> distance(args);
            case "COORD1", "COORD2" -> geometry1(name, args, Types.DEG);
            case "COORDSYS" -> geometry1(name, args, Types.STRING);
            case "AREA" -> geometry1(name, args, AREA);
            case "CENTROID" -> geometry1(name, args, Types.POINT);
            default -> throw new AdqlException("Unsupported function " + name);
        };
        return new Typed(t.sql(), t.type(), label, null);
    }

    /** @return the upper-case name, refusing qualified or quoted names and vendor syntax */
    private static String checkedName(Function f) throws AdqlException {
        List<String> parts = f.getMultipartName();
        String raw = f.getName();
        if (parts == null || parts.size() != 1 || raw == null || !raw.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new AdqlException("Unsupported function " + raw);
        }
        String name = raw.toUpperCase(Locale.ROOT);
        if (f.getKeep() != null || f.getOrderByElements() != null || f.getLimit() != null
            || f.getHavingClause() != null || f.getNullHandling() != null
            || f.getNamedParameters() != null || f.getAttribute() != null
            || f.isEscaped() || f.isUnique() || f.isIgnoreNulls()
            || f.isAllColumns() || f.getExtraKeyword() != null || f.getOnOverflowTruncate() != null) {
            throw new AdqlException("Unsupported syntax in function " + name);
        }
        return name;
    }

    private static void arity(String name, List<Expression> args, int min, int max)
            throws AdqlException {
        if (args.size() < min || args.size() > max) {
            String n = min == max ? Integer.toString(min) : min + " to " + max;
            throw new AdqlException(name + " takes " + n + " argument" + (max == 1 ? "" : "s")
                                    + ", not " + args.size());
        }
    }

    private Typed one(String name, List<Expression> args) throws AdqlException {
        arity(name, args, 1, 1);
        return w.write(args.get(0));
    }

    private String numericArgs(String name, List<Expression> args) throws AdqlException {
        StringBuilder sb = new StringBuilder();
        for (Expression a : args) {
            sb.append(sb.length() > 0 ? ", " : "").append(w.numeric(a, name).sql());
        }
        return sb.toString();
    }

    private Typed math(String h2Name, List<Expression> args, int n) throws AdqlException {
        arity(h2Name.equals("LN") ? "LOG" : h2Name, args, n, n);
        return new Typed(h2Name + "(" + numericArgs(h2Name, args) + ")", Types.DOUBLE);
    }

    private Typed rand(List<Expression> args) throws AdqlException {
        arity("RAND", args, 0, 1);
        if (args.size() == 1 && !Types.isInteger(w.numeric(args.get(0), "RAND").type())) {
            throw new AdqlException("RAND takes an integer seed");
        }
        return new Typed("RAND(" + numericArgs("RAND", args) + ")", Types.DOUBLE);
    }

    /** ABS, CEILING, FLOOR, ROUND, TRUNCATE: integer in, integer out; else double. */
    private Typed sameType(String h2Name, List<Expression> args, boolean digits)
            throws AdqlException {
        String adqlName = h2Name.equals("TRUNC") ? "TRUNCATE" : h2Name;
        arity(adqlName, args, 1, digits ? 2 : 1);
        Typed x = w.numeric(args.get(0), adqlName);
        String sql = h2Name + "(" + x.sql();
        if (args.size() == 2) {
            Typed n = w.numeric(args.get(1), adqlName);
            if (!Types.isInteger(n.type())) {
                throw new AdqlException(adqlName + " takes an integer number of digits");
            }
            sql += ", " + n.sql();
        }
        ColumnDef type = Types.isInteger(x.type()) ? Types.bare(x.type()) : Types.DOUBLE;
        return new Typed(sql + ")", type);
    }

    private Typed mod(List<Expression> args) throws AdqlException {
        arity("MOD", args, 2, 2);
        Typed a = w.numeric(args.get(0), "MOD");
        Typed b = w.numeric(args.get(1), "MOD");
        if (Types.isInteger(a.type()) && Types.isInteger(b.type())) {
            return new Typed("MOD(" + a.sql() + ", " + b.sql() + ")", Types.arithmetic(a.type(), b.type()));
        }
        return new Typed("MOD(" + toDouble(a.sql()) + ", " + toDouble(b.sql()) + ")", Types.DOUBLE);
    }

    static String toDouble(String sql) {
        return "CAST(" + sql + " AS DOUBLE PRECISION)";
    }

    private Typed coalesce(List<Expression> args) throws AdqlException {
        if (args.isEmpty()) {
            throw new AdqlException("COALESCE needs at least one argument");
        }
        StringBuilder sb = new StringBuilder();
        ColumnDef type = ExprWriter.NULL_TYPE;
        for (Typed t : w.writeAll(args)) {
            sb.append(sb.length() > 0 ? ", " : "").append(t.sql());
            type = type == ExprWriter.NULL_TYPE ? t.type() : type;
        }
        return new Typed("COALESCE(" + sb + ")",
                         type == ExprWriter.NULL_TYPE ? type : Types.bare(type));
    }

    private Typed aggregate(String name, boolean distinct, boolean star, List<Expression> args)
            throws AdqlException {
        if (star) {
            return new Typed("COUNT(*)", Types.LONG);
        }
        arity(name, args, 1, 1);
        Typed x = name.equals("SUM") || name.equals("AVG") ? w.numeric(args.get(0), name)
                                                           : w.write(args.get(0));
        String sql = name + "(" + (distinct ? "DISTINCT " : "") + x.sql() + ")";
        ColumnDef type = switch (name) {
            case "COUNT" -> Types.LONG;
            case "SUM" -> Types.withUnit(Types.isInteger(x.type()) ? Types.LONG : Types.DOUBLE,
                                         x.type().unit());
            case "AVG" -> Types.withUnit(Types.DOUBLE, x.type().unit());
            default -> x.type();
        };
        return new Typed(sql, type);
    }

    /** The frame (SQL, or null when none was given) and coordinates (SQL) of a constructor. */
    private record Coords(String frame, List<String> coords) { }

    /**
     * POINT, CIRCLE, BOX, POLYGON: an optional frame (a string that is not a
     * point), then numbers, where any POINT argument stands for its two
     * coordinates.
     */
    private Typed constructor(String name, List<Expression> args) throws AdqlException {
        Coords c = coords(name, args);
        String frame = c.frame() == null ? "'ICRS'" : c.frame();
        String sql = "adql_" + name.toLowerCase(Locale.ROOT) + "(" + frame + ", "
                     + String.join(", ", c.coords()) + ")";
        return new Typed(sql, name.equals("POINT") ? Types.POINT : Types.REGION);
    }

    private Coords coords(String name, List<Expression> args) throws AdqlException {
        String frame = null;
        int first = 0;
        if (!args.isEmpty()) {
            Typed a = w.write(args.get(0));
            if (a.type().isString() && !Types.XTYPE_POINT.equals(a.type().xtype())) {
                frame = a.sql();
                first = 1;
            }
        }
        boolean point = name.equals("POINT");
        List<String> coords = new ArrayList<>();
        for (Expression a : args.subList(first, args.size())) {
            if (!point && a instanceof Function p && "POINT".equalsIgnoreCase(p.getName())
                && p.getParameters() != null) {
                checkedName(p);
                Coords inner = coords("POINT", new ArrayList<>(p.getParameters()));
                frame = frame == null ? inner.frame() : frame;
                coords.addAll(inner.coords());
                continue;
            }
            Typed t = w.write(a);
            if (!point && Types.XTYPE_POINT.equals(t.type().xtype())) {
                coords.add("adql_coord1(" + t.sql() + ")");
                coords.add("adql_coord2(" + t.sql() + ")");
            } else if (Types.isNumeric(t.type())) {
                coords.add(t.sql());
            } else {
                throw new AdqlException(name + " expects numbers" + (point ? "" : " or POINTs")
                                        + " after the frame, got " + ExprWriter.shorten(a));
            }
        }
        int n = coords.size();
        boolean ok = switch (name) {
            case "POINT" -> n == 2;
            case "CIRCLE" -> n == 3;
            case "BOX" -> n == 4;
            default -> n >= 6 && n % 2 == 0;
        };
        if (!ok) {
            String expected = switch (name) {
                case "POINT" -> "2 coordinates";
                case "CIRCLE" -> "a centre and a radius (3 numbers)";
                case "BOX" -> "a centre, a width and a height (4 numbers)";
                default -> "at least 3 vertices (an even number of coordinates, at least 6)";
            };
            throw new AdqlException(name + " needs " + expected + " after the frame, got "
                                    + n + " number" + (n == 1 ? "" : "s"));
        }
        return new Coords(frame, coords);
    }

    private List<Typed> geometries(String name, List<Expression> args, int n)
            throws AdqlException {
        arity(name, args, n, n);
        List<Typed> out = new ArrayList<>();
        for (Expression a : args) {
            Typed t = w.write(a);
            if (!Types.isGeometry(t.type())) {
                throw new AdqlException(name + " expects geometries, got " + ExprWriter.shorten(a));
            }
            out.add(t);
        }
        return out;
    }

    private Typed geometry1(String name, List<Expression> args, ColumnDef type)
            throws AdqlException {
        Typed g = geometries(name, args, 1).get(0);
        return new Typed("adql_" + name.toLowerCase(Locale.ROOT) + "(" + g.sql() + ")", type);
    }

    private Typed distance(List<Expression> args) throws AdqlException {
        if (args.size() == 4) {
            return new Typed("adql_distance(" + numericArgs("DISTANCE", args) + ")", Types.DEG);
        }
        if (args.size() != 2) {
            throw new AdqlException("DISTANCE takes 2 points or 4 numbers, not "
                                    + args.size() + " arguments");
        }
        List<Typed> g = geometries("DISTANCE", args, 2);
        return new Typed("adql_distance(" + g.get(0).sql() + ", " + g.get(1).sql() + ")", Types.DEG);
    }
}
