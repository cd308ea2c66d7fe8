package io.rectify.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries, as the services' runtime role, what least privilege forbids on an audit trail: TRUNCATE,
 * UPDATE, DELETE and ALTER TABLE. Each must be refused by PostgreSQL's privilege check (SQLSTATE
 * 42501), not by a trigger; reading must still work.
 */
public final class RuntimeRolePrivileges {

    private RuntimeRolePrivileges() {
    }

    /** @return what the runtime role could do that it must not (empty when every attempt was refused) */
    public static List<String> forbiddenButAllowed(String jdbcUrl, String user, String password, String table) throws SQLException {
        List<String> allowed = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("select count(*) from " + table).close();
            }
            c.commit();
            for (String sql : List.of(
                    "truncate " + table,
                    "update " + table + " set seq = seq",
                    "delete from " + table,
                    "alter table " + table + " add column forged text",
                    "alter table " + table + " disable trigger all")) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                    allowed.add(sql);
                } catch (SQLException refused) {
                    if (!"42501".equals(refused.getSQLState())) {
                        allowed.add(sql + " (refused, but not for lack of privilege: " + refused.getSQLState() + " " + refused.getMessage() + ")");
                    }
                } finally {
                    c.rollback();
                }
            }
        }
        return allowed;
    }
}
