package org.isosamp.local.adql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.OldOracleJoinBinaryExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import org.isosamp.local.adql.Names.Ident;
import org.isosamp.local.meta.ColumnDef;

/**
 * Checks one ADQL expression against the whitelist and writes it as H2 SQL.
 * Nothing of the input is copied into the output except through this class:
 * identifiers are re-quoted, literals re-escaped, every operator and function
 * spelled by us, so whatever JSqlParser accepts beyond ADQL cannot reach H2.
 * Each binary operation is fully parenthesised. Not thread-safe (one per SELECT).
 */
final class ExprWriter {

    /**
     * A written expression.
     *
     * @param sql    H2 SQL
     * @param type   FIELD metadata (name is a placeholder unless {@code column} is set)
     * @param label  the default result label (column or function name), or null
     * @param column the column, when the expression is a plain column reference
     */
    record Typed(String sql, ColumnDef type, String label, Scope.Resolved column) {
        Typed(String sql, ColumnDef type) {
            this(sql, type, null, null);
        }
    }

    /** Type of the NULL literal: compatible with anything. */
    static final ColumnDef NULL_TYPE = Types.of("char");

    private static final Pattern DECIMAL =
        Pattern.compile("([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private final SelectWriter selects;
    private final Scope scope;
    private final FunctionWriter functions;

    ExprWriter(SelectWriter selects, Scope scope) {
        this.selects = selects;
        this.scope = scope;
        this.functions = new FunctionWriter(this);
    }

    Scope scope() {
        return scope;
    }

    Typed write(Expression e) throws AdqlException {
        if (e instanceof Column c) {
            return column(c);
        } else if (e instanceof LongValue v) {
            BigInteger b = v.getBigIntegerValue();
            if (b.abs().compareTo(MAX_LONG) > 0) {
                throw new AdqlException("Integer literal too large: " + b);
            }
            boolean small = b.bitLength() < 32;
            return new Typed(b.toString(), small ? Types.INT : Types.LONG);
        } else if (e instanceof DoubleValue v) {
            String text = v.toString();
            if (!DECIMAL.matcher(text).matches()) {
                throw new AdqlException("Unsupported number " + text);
            }
            return new Typed(text, Types.DOUBLE);
        } else if (e instanceof StringValue v) {
            if (v.getPrefix() != null) {
                throw new AdqlException("Unsupported string literal " + v);
            }
            return new Typed(Names.literal(v.getValue().replace("''", "'")), Types.STRING);
        } else if (e instanceof NullValue) {
            return new Typed("NULL", NULL_TYPE);
        } else if (e instanceof SignedExpression s) {
            Typed t = numeric(s.getExpression(), "sign " + s.getSign());
            if (s.getSign() == '-') {
                return new Typed("(-" + t.sql() + ")", Types.bare(t.type()));
            } else if (s.getSign() == '+') {
                return new Typed(t.sql(), Types.bare(t.type()));
            }
            throw new AdqlException("Unsupported operator " + s.getSign());
        } else if (e instanceof ParenthesedExpressionList<?> p) {
            if (p.size() != 1) {
                throw new AdqlException("Unsupported row value " + shorten(p));
            }
            Typed t = write(p.get(0));
            return new Typed("(" + t.sql() + ")", t.type(), t.label(), t.column());
        } else if (e instanceof Addition || e instanceof Subtraction
                   || e instanceof Multiplication || e instanceof Division) {
            BinaryExpression b = (BinaryExpression) e;
            String op = b.getStringExpression();
            Typed l = numeric(b.getLeftExpression(), op);
            Typed r = numeric(b.getRightExpression(), op);
            return new Typed("(" + l.sql() + " " + op + " " + r.sql() + ")",
                             Types.arithmetic(l.type(), r.type()));
        } else if (e instanceof Concat b) {
            Typed l = write(b.getLeftExpression());
            Typed r = write(b.getRightExpression());
            return new Typed("(" + l.sql() + " || " + r.sql() + ")", Types.STRING);
        } else if (e instanceof Modulo) {
            throw new AdqlException("Operator % is not ADQL: use MOD(x, y)");
        } else if (e instanceof AndExpression b) {
            return logical(b, "AND");
        } else if (e instanceof OrExpression b) {
            return logical(b, "OR");
        } else if (e instanceof NotExpression n) {
            return new Typed("(NOT " + write(n.getExpression()).sql() + ")", Types.BOOLEAN);
        } else if (e instanceof EqualsTo || e instanceof NotEqualsTo || e instanceof GreaterThan
                   || e instanceof GreaterThanEquals || e instanceof MinorThan
                   || e instanceof MinorThanEquals) {
            return comparison((OldOracleJoinBinaryExpression) e);
        } else if (e instanceof LikeExpression like) {
            return like(like);
        } else if (e instanceof InExpression in) {
            return in(in);
        } else if (e instanceof Between b) {
            return new Typed("(" + write(b.getLeftExpression()).sql()
                             + (b.isNot() ? " NOT" : "") + " BETWEEN "
                             + write(b.getBetweenExpressionStart()).sql() + " AND "
                             + write(b.getBetweenExpressionEnd()).sql() + ")", Types.BOOLEAN);
        } else if (e instanceof IsNullExpression n) {
            return new Typed("(" + write(n.getLeftExpression()).sql()
                             + (n.isNot() ? " IS NOT NULL)" : " IS NULL)"), Types.BOOLEAN);
        } else if (e instanceof ExistsExpression x) {
            if (!(x.getRightExpression() instanceof ParenthesedSelect sub)) {
                throw new AdqlException("EXISTS needs a sub-query");
            }
            String sql = selects.subquery(sub, scope).sql();
            return new Typed("(" + (x.isNot() ? "NOT " : "") + "EXISTS " + sql + ")",
                             Types.BOOLEAN);
        } else if (e instanceof ParenthesedSelect sub) {
            SelectWriter.Result r = selects.subquery(sub, scope);
            if (r.fields().size() != 1) {
                throw new AdqlException("A sub-query used as a value must select one column, not "
                                        + r.fields().size());
            }
            return new Typed(r.sql(), Types.bare(r.fields().get(0)));
        } else if (e instanceof CaseExpression c) {
            return caseExpression(c);
        } else if (e instanceof Function f) {
            return functions.write(f);
        } else if (e instanceof CastExpression) {
            throw new AdqlException("Unsupported function CAST");
        }
        throw new AdqlException("Unsupported expression " + shorten(e));
    }

    /** Writes an expression that must be numeric. */
    Typed numeric(Expression e, String where) throws AdqlException {
        Typed t = write(e);
        if (!Types.isNumeric(t.type()) && t.type() != NULL_TYPE) {
            throw new AdqlException("Expected a number for " + where + ", got " + shorten(e));
        }
        return t;
    }

    /** Writes a list of expressions, comma-separated. */
    List<Typed> writeAll(List<? extends Expression> es) throws AdqlException {
        List<Typed> out = new ArrayList<>();
        for (Expression e : es) {
            out.add(write(e));
        }
        return out;
    }

    private Typed column(Column c) throws AdqlException {
        if (c.getArrayConstructor() != null) {
            throw new AdqlException("Unsupported column reference " + shorten(c));
        }
        Ident name = Names.ident(c.getColumnName());
        List<Ident> qualifier = Names.qualifier(c.getTable());
        if (qualifier.size() > 2) {
            throw new AdqlException("Unsupported column reference " + shorten(c)
                                    + ": use [schema.]table.column");
        }
        Scope.Resolved r = scope.resolve(qualifier, name, c.toString());
        return new Typed(r.sql(), r.column(), r.column().name(), r);
    }

    private Typed logical(BinaryExpression b, String op) throws AdqlException {
        return new Typed("(" + write(b.getLeftExpression()).sql() + " " + op + " "
                         + write(b.getRightExpression()).sql() + ")", Types.BOOLEAN);
    }

    private Typed comparison(OldOracleJoinBinaryExpression b) throws AdqlException {
        if (b.getOldOracleJoinSyntax() != 0 || b.getOraclePriorPosition() != 0) {
            throw new AdqlException("Unsupported comparison " + shorten(b));
        }
        String op = b instanceof EqualsTo ? "="
            : b instanceof NotEqualsTo ? "<>"
            : b instanceof GreaterThan ? ">"
            : b instanceof GreaterThanEquals ? ">="
            : b instanceof MinorThan ? "<" : "<=";
        return new Typed("(" + write(b.getLeftExpression()).sql() + " " + op + " "
                         + write(b.getRightExpression()).sql() + ")", Types.BOOLEAN);
    }

    private Typed like(LikeExpression like) throws AdqlException {
        String kw = switch (like.getLikeKeyWord()) {
            case LIKE -> "LIKE";
            case ILIKE -> "ILIKE";
            default -> throw new AdqlException("Unsupported operator " + like.getLikeKeyWord());
        };
        if (like.getEscape() != null || like.isUseBinary()) {
            throw new AdqlException("Unsupported LIKE syntax in " + shorten(like));
        }
        return new Typed("(" + write(like.getLeftExpression()).sql() + (like.isNot() ? " NOT " : " ")
                         + kw + " " + write(like.getRightExpression()).sql() + ")", Types.BOOLEAN);
    }

    private Typed in(InExpression in) throws AdqlException {
        if (in.isGlobal() || in.getOldOracleJoinSyntax() != 0) {
            throw new AdqlException("Unsupported IN syntax in " + shorten(in));
        }
        if (in.getLeftExpression() instanceof ParenthesedExpressionList<?> p && p.size() != 1) {
            throw new AdqlException("Unsupported row value " + shorten(p));
        }
        String left = write(in.getLeftExpression()).sql();
        String right;
        if (in.getRightExpression() instanceof ParenthesedSelect sub) {
            right = selects.subquery(sub, scope).sql();
        } else if (in.getRightExpression() instanceof ParenthesedExpressionList<?> list
                   && !list.isEmpty()) {
            StringBuilder sb = new StringBuilder("(");
            for (Typed t : writeAll(list)) {
                sb.append(sb.length() > 1 ? ", " : "").append(t.sql());
            }
            right = sb.append(')').toString();
        } else {
            throw new AdqlException("IN needs a list of values or a sub-query, not "
                                    + shorten(in.getRightExpression()));
        }
        return new Typed("(" + left + (in.isNot() ? " NOT IN " : " IN ") + right + ")",
                         Types.BOOLEAN);
    }

    private Typed caseExpression(CaseExpression c) throws AdqlException {
        StringBuilder sb = new StringBuilder("CASE");
        if (c.getSwitchExpression() != null) {
            sb.append(' ').append(write(c.getSwitchExpression()).sql());
        }
        ColumnDef type = NULL_TYPE;
        for (WhenClause w : c.getWhenClauses()) {
            Typed then = write(w.getThenExpression());
            sb.append(" WHEN ").append(write(w.getWhenExpression()).sql())
              .append(" THEN ").append(then.sql());
            type = type == NULL_TYPE ? then.type() : type;
        }
        if (c.getElseExpression() != null) {
            Typed other = write(c.getElseExpression());
            sb.append(" ELSE ").append(other.sql());
            type = type == NULL_TYPE ? other.type() : type;
        }
        return new Typed(sb.append(" END").toString(),
                         type == NULL_TYPE ? NULL_TYPE : Types.bare(type));
    }

    /** @return the expression's text, cut short, for messages */
    static String shorten(Object e) {
        String s = String.valueOf(e).replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
