package io.rectify.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SQL as the database superuser, the way an intruder with full access to the server would: for
 * tests that tamper with a trail behind the services' back. Two ways in, as deploy/local/rectify uses
 * them: TCP as {@code postgres} (machines with trust auth on 127.0.0.1, or with
 * {@code RECTIFY_PG_SUPERUSER_PASSWORD} set), else {@code psql} as the postgres OS user over the local
 * socket (peer auth; the test runs as root there, like CI).
 */
public final class DatabaseSuperuser {

    private DatabaseSuperuser() {
    }

    /** @param jdbcUrl the service's datasource URL (its database is the one changed) */
    public static void execute(String jdbcUrl, String sql) {
        String password = System.getenv().getOrDefault("RECTIFY_PG_SUPERUSER_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", password); Statement s = c.createStatement()) {
            s.execute(sql);
            return;
        } catch (SQLException overTcp) {
            if (!"28P01".equals(overTcp.getSQLState()) && !"28000".equals(overTcp.getSQLState())) {
                throw new IllegalStateException("superuser SQL failed: " + sql, overTcp);
            }
        }
        viaSocket(database(jdbcUrl), sql);
    }

    private static void viaSocket(String database, String sql) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        } else {
            command.addAll(List.of("sudo", "-n", "-u", "postgres"));
        }
        command.addAll(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql));
        try {
            Process p = new ProcessBuilder(command).directory(new java.io.File("/")).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("psql as postgres did not finish: " + sql);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("psql as postgres failed (" + p.exitValue() + "): " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run psql as postgres", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String database(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
