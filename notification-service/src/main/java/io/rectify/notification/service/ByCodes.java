package io.rectify.notification.service;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads the rows a batch names by their codes with one statement that takes the codes as one text array
 * ({@code … where code = any(?)}): the same statement whatever their number. Bench P4 (RESULTS run 30): as HQL
 * with {@code in :codes} a batch's ~500 parameters made Hibernate translate each such query again (and
 * auto-flush first), ~12 % of notification-service's CPU, and PostgreSQL parse and plan it anew.
 */
final class ByCodes {

    /** What to do with one row. */
    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private ByCodes() {
    }

    /** Runs {@code select} (one {@code ?}: the codes) in the current transaction; nulls and repeats are dropped, no codes no statement. */
    static void forEach(EntityManager em, String select, Stream<String> codes, Row row) {
        String[] wanted = codes.filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setArray(1, c.createArrayOf("text", wanted));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        });
    }
}
