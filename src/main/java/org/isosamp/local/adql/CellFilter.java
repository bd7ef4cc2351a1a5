package org.isosamp.local.adql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import org.isosamp.local.adql.Names.Ident;
import org.isosamp.local.geom.SkyIndex;
import org.isosamp.local.meta.SpatialDef;
import org.isosamp.local.meta.TableDef;

/**
 * The spatial index rewrite: finds cone constraints among the top-level AND
 * conjuncts of a WHERE clause and derives, for each, a prefilter
 * {@code t."_rowid" IN (SELECT "row_id" FROM <cell index> WHERE "cell" IN (...))}
 * over the cells covering the cone (see {@link SkyIndex}). Recognised, with numeric
 * constants {@code c1, c2, r} and {@code =1} on either side:
 * <ul>
 * <li>{@code INTERSECTS(CIRCLE(f, c1, c2, r), region) = 1}, either argument order,
 *     where {@code region} is the table's {@link SpatialDef#regionColumn()};</li>
 * <li>{@code CONTAINS(POINT(f, ra, dec), CIRCLE(f, c1, c2, r)) = 1}, where
 *     {@code ra, dec} are its {@link SpatialDef#raColumn()}/{@link SpatialDef#decColumn()}.</li>
 * </ul>
 * CIRCLE may also be written {@code CIRCLE(POINT(f, c1, c2), r)} or without
 * frame. Conjuncts under OR or NOT are never used: the prefilter is added next
 * to the exact predicate, which stays. Stateless, thread-safe.
 */
final class CellFilter {

    private CellFilter() {
    }

    /**
     * @param where the WHERE clause, or null
     * @param scope the scope of that WHERE
     * @param indexed tables (lower-case qualified names) that have a cell index; others get no prefilter
     * @return the H2 prefilter predicates, each a complete condition
     */
    static List<String> predicates(Expression where, Scope scope, Set<String> indexed) {
        Set<String> out = new LinkedHashSet<>();
        List<Expression> conjuncts = new ArrayList<>();
        flatten(where, conjuncts);
        for (Expression c : conjuncts) {
            String p = predicate(c, scope, indexed);
            if (p != null) {
                out.add(p);
            }
        }
        return new ArrayList<>(out);
    }

    private static void flatten(Expression e, List<Expression> out) {
        if (e instanceof AndExpression a) {
            flatten(a.getLeftExpression(), out);
            flatten(a.getRightExpression(), out);
        } else if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            flatten(p.get(0), out);
        } else if (e != null) {
            out.add(e);
        }
    }

    private static Expression unwrap(Expression e) {
        while (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            e = p.get(0);
        }
        return e;
    }

    private static String predicate(Expression conjunct, Scope scope, Set<String> indexed) {
        if (!(conjunct instanceof EqualsTo eq)) {
            return null;
        }
        Expression l = unwrap(eq.getLeftExpression());
        Expression r = unwrap(eq.getRightExpression());
        Function f = isOne(l) && r instanceof Function g ? g
                   : isOne(r) && l instanceof Function g ? g : null;
        if (f == null || f.getParameters() == null || f.getParameters().size() != 2
            || f.isDistinct()) {
            return null;
        }
        Expression a = unwrap(f.getParameters().get(0));
        Expression b = unwrap(f.getParameters().get(1));
        if ("INTERSECTS".equalsIgnoreCase(f.getName())) {
            String p = regionCone(a, b, scope, indexed);
            return p != null ? p : regionCone(b, a, scope, indexed);
        } else if ("CONTAINS".equalsIgnoreCase(f.getName())) {
            return pointCone(a, b, scope, indexed);
        }
        return null;
    }

    /** {@code INTERSECTS(circle, region)} */
    private static String regionCone(Expression circle, Expression region, Scope scope,
                                     Set<String> indexed) {
        double[] cone = circle(circle);
        Scope.Resolved col = local(region, scope);
        if (cone == null || col == null || col.source().table() == null) {
            return null;
        }
        SpatialDef sp = col.source().table().spatial();
        if (sp == null || sp.regionColumn() == null
            || !sp.regionColumn().equalsIgnoreCase(col.column().name())) {
            return null;
        }
        return cells(col.source(), cone, indexed);
    }

    /** {@code CONTAINS(POINT(f, ra, dec), circle)} */
    private static String pointCone(Expression point, Expression circle, Scope scope,
                                    Set<String> indexed) {
        double[] cone = circle(circle);
        List<Expression> args = args(point, "POINT");
        if (cone == null || args == null || args.size() != 2) {
            return null;
        }
        Scope.Resolved ra = local(args.get(0), scope);
        Scope.Resolved dec = local(args.get(1), scope);
        if (ra == null || dec == null || ra.source() != dec.source()
            || ra.source().table() == null) {
            return null;
        }
        SpatialDef sp = ra.source().table().spatial();
        if (sp == null || sp.raColumn() == null || sp.decColumn() == null
            || !sp.raColumn().equalsIgnoreCase(ra.column().name())
            || !sp.decColumn().equalsIgnoreCase(dec.column().name())) {
            return null;
        }
        return cells(ra.source(), cone, indexed);
    }

    private static String cells(Scope.Source source, double[] cone, Set<String> indexed) {
        TableDef t = source.table();
        if (!indexed.contains(t.name()) || Double.isNaN(cone[0]) || Double.isNaN(cone[1])
            || !(cone[1] >= -90 && cone[1] <= 90) || !(cone[2] >= 0)) {
            return null;      // bad cones are left to the exact predicate, which names the error
        }
        double ra = ((cone[0] % 360) + 360) % 360;
        long[] cells = SkyIndex.queryCells(ra, cone[1], cone[2]);
        if (cells == null) {
            return null;
        }
        StringBuilder b = new StringBuilder("(").append(source.qualifier())
            .append(".\"_rowid\" IN (SELECT \"row_id\" FROM ").append(t.cellIndexSqlName())
            .append(" WHERE \"cell\" IN (");
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : ", ").append(cells[i]);
        }
        return b.append(")))").toString();
    }

    /** @return {c1, c2, r} of a CIRCLE with constant centre and radius, else null */
    private static double[] circle(Expression e) {
        List<Expression> args = args(e, "CIRCLE");
        if (args == null) {
            return null;
        }
        if (args.size() == 2) {
            List<Expression> centre = args(unwrap(args.get(0)), "POINT");
            if (centre == null || centre.size() != 2) {
                return null;
            }
            args = List.of(centre.get(0), centre.get(1), args.get(1));
        }
        if (args.size() != 3) {
            return null;
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            Double d = constant(args.get(i));
            if (d == null) {
                return null;
            }
            v[i] = d;
        }
        return v[2] >= 0 && Math.abs(v[1]) <= 90 ? v : null;
    }

    /** @return the arguments of a call to {@code name}, without a leading frame string */
    private static List<Expression> args(Expression e, String name) {
        if (!(e instanceof Function f) || !name.equalsIgnoreCase(f.getName())
            || f.getParameters() == null) {
            return null;
        }
        List<Expression> args = new ArrayList<>(f.getParameters());
        if (!args.isEmpty() && unwrap(args.get(0)) instanceof StringValue) {
            args.remove(0);
        }
        return args;
    }

    private static Double constant(Expression e) {
        e = unwrap(e);
        if (e instanceof LongValue v) {
            return (double) v.getValue();
        } else if (e instanceof DoubleValue v) {
            return v.getValue();
        } else if (e instanceof SignedExpression s && (s.getSign() == '-' || s.getSign() == '+')) {
            Double d = constant(s.getExpression());
            return d == null ? null : s.getSign() == '-' ? -d : d;
        }
        return null;
    }

    private static boolean isOne(Expression e) {
        return e instanceof LongValue v && v.getValue() == 1;
    }

    /** @return the column of the current scope {@code e} refers to, else null */
    private static Scope.Resolved local(Expression e, Scope scope) {
        if (!(e instanceof Column c) || c.getArrayConstructor() != null) {
            return null;
        }
        try {
            Ident name = Names.ident(c.getColumnName());
            List<Ident> q = Names.qualifier(c.getTable());
            if (q.size() > 2) {
                return null;
            }
            Scope.Resolved r = scope.resolve(q, name, c.toString());
            return r.local() ? r : null;
        } catch (AdqlException ex) {
            return null;   // reported when the predicate itself is written
        }
    }
}
