package org.isosamp.local.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adql_* aliases as H2 sees them. */
class AdqlGeometryH2Test {

    private static final AtomicInteger DB = new AtomicInteger();
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = DriverManager.getConnection(
            "jdbc:h2:mem:geomtest" + DB.incrementAndGet() + ";DATABASE_TO_LOWER=TRUE");
        AdqlGeometry.register(conn);
        AdqlGeometry.register(conn); // IF NOT EXISTS: idempotent
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private Object one(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getObject(1);
        }
    }

    @Test
    void everyAliasIsCallable() throws SQLException {
        assertEquals("Position ICRS 10 20", one("SELECT adql_point('ICRS', 10, 20)"));
        assertEquals("Circle ICRS 350 -5.5 0.5", one("SELECT adql_circle('icrs', -10, -5.5, 0.5)"));
        assertEquals("Box FK5 10 20 2 1", one("SELECT adql_box('FK5', 10, 20, 2, 1)"));
        assertEquals("Polygon ICRS 10 10 11 10 11 11",
                     one("SELECT adql_polygon('ICRS', 10,10, 11,10, 11,11)"));
        assertEquals("Polygon ICRS 10 10 11 10 11 11 10.5 11.5",
                     one("SELECT adql_polygon('ICRS', 10,10, 11,10, 11,11, 10.5,11.5)"));
        assertEquals(1, one("SELECT adql_contains(adql_point('ICRS', 10.68, 41.27),"
                            + " adql_circle('ICRS', 10.68470833, 41.26875, 0.0833))"));
        assertEquals(0, one("SELECT adql_intersects(adql_circle('ICRS', 10, 10, 0.1),"
                            + " adql_polygon('ICRS', 20,20, 21,20, 21,21))"));
        assertEquals(1.0, (Double) one("SELECT adql_distance(adql_point('ICRS', 0, 0),"
                                       + " adql_point('ICRS', 1, 0))"), 1e-12);
        assertEquals(1.0, (Double) one("SELECT adql_distance(0, 0, 0, 1)"), 1e-12);
        assertEquals(350.0, (Double) one("SELECT adql_coord1('Position ICRS -10 5')"), 1e-12);
        assertEquals(5.0, (Double) one("SELECT adql_coord2('Position ICRS -10 5')"), 1e-12);
        assertEquals("ICRS", one("SELECT adql_coordsys('Circle ICRS 1 2 3')"));
        assertEquals(Math.PI * 4 * Math.pow(Math.sin(Math.toRadians(0.5)), 2) * Math.pow(180 / Math.PI, 2),
                     (Double) one("SELECT adql_area('Circle ICRS 1 2 1')"), 1e-12);
        assertEquals("Position ICRS 1 2", one("SELECT adql_centroid('Circle ICRS 1 2 3')"));
    }

    @Test
    void nullInGivesNullOut() throws SQLException {
        assertNull(one("SELECT adql_contains(NULL, 'Circle ICRS 1 2 3')"));
        assertNull(one("SELECT adql_intersects('Circle ICRS 1 2 3', NULL)"));
        assertNull(one("SELECT adql_distance(NULL, 'Position ICRS 1 2')"));
        assertNull(one("SELECT adql_distance(1, 2, NULL, 4)"));
        assertNull(one("SELECT adql_coord1(NULL)"));
        assertNull(one("SELECT adql_area(NULL)"));
        assertNull(one("SELECT adql_centroid(NULL)"));
        assertNull(one("SELECT adql_point('ICRS', NULL, 4)"));
    }

    @Test
    void worksInAWhereClauseOverAColumn() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE obs(id INT, s_region VARCHAR)");
            st.execute("INSERT INTO obs VALUES (1, 'Polygon ICRS 10.6 41.2 10.8 41.2 10.8 41.35 10.6 41.35'),"
                       + " (2, 'Polygon ICRS 11.7 41.2 11.9 41.2 11.9 41.35'), (3, NULL),"
                       + " (4, 'Circle ICRS 10.7 41.3 0.01')");
            try (ResultSet rs = st.executeQuery("SELECT id FROM obs WHERE adql_intersects("
                     + "adql_circle('ICRS', 10.68470833, 41.26875, 0.08333333333333333), s_region) = 1 ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertTrue(rs.next());
                assertEquals(4, rs.getInt(1));
                assertTrue(!rs.next());
            }
        }
    }

    @Test
    void badArgumentsBecomeSqlErrorsNamingTheValue() {
        SQLException e = assertThrows(SQLException.class,
                                      () -> one("SELECT adql_point('GALACTIC', 1, 2)"));
        assertTrue(e.getMessage().contains("frame 'GALACTIC' is not supported"), e.getMessage());
        e = assertThrows(SQLException.class, () -> one("SELECT adql_circle('ICRS', 1, 95, 2)"));
        assertTrue(e.getMessage().contains("dec (95.0) must be within [-90, 90]"), e.getMessage());
    }
}
