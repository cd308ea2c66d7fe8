package io.rectify.platform.testing.reliability;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The row count of every table of the service's database (Flyway's history excepted), read over
 * JDBC: two equal fingerprints around a batch of refused requests mean they changed nothing, outbox
 * rows included.
 */
public final class DatabaseFingerprint {

    private final DataSource dataSource;
    private final Set<String> ignored;
    private List<String> tables;

    public DatabaseFingerprint(DataSource dataSource, Set<String> ignoredTables) {
        this.dataSource = dataSource;
        this.ignored = ignoredTables;
    }

    public Map<String, Long> take() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (tables == null) {
                tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select table_schema, table_name from information_schema.tables "
                        + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                        + "and table_name not in ('flyway_schema_history', 'flyway_platform_history') order by 1, 2")) {
                    while (rs.next()) {
                        if (!ignored.contains(rs.getString(2))) {
                            tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
                        }
                    }
                }
            }
            Map<String, Long> counts = new TreeMap<>();
            if (tables.isEmpty()) {
                return counts;
            }
            StringBuilder sql = new StringBuilder();
            for (String t : tables) {
                sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(t.replace("'", "''")).append("', count(*) from ").append(t);
            }
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database fingerprint", e);
        }
    }

    /** What differs between two fingerprints, e.g. {@code "public"."hazard" 12 -> 13}. */
    public static List<String> diff(Map<String, Long> before, Map<String, Long> after) {
        List<String> out = new ArrayList<>();
        for (String t : after.keySet()) {
            if (!after.get(t).equals(before.get(t))) {
                out.add(t + " " + before.get(t) + " -> " + after.get(t));
            }
        }
        return out;
    }

    public int tableCount() {
        return tables == null ? 0 : tables.size();
    }
}
