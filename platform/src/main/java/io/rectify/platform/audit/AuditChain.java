package io.rectify.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends entries to hash-chained audit trails, in the caller's transaction. The chain's head lives in
 * {@code audit_chain_head}, one row per (trail, aggregate): locking that row serialises the writers of
 * one aggregate only, so writers of different hazards (inspections, rubrics, notifications) never wait
 * for each other. Two round trips per entry: lock-and-read the head, then insert the entry and move the
 * head in one statement.
 */
@ApplicationScoped
public class AuditChain {

    @Inject
    EntityManager em;

    /**
     * @param aggregate the aggregate's id as the table holds it (a UUID, a string); its text is the chain's name
     * @param values    a value for every column of {@code trail.columns()}; instants are stored at
     *                  microsecond precision, {@link AuditJson} in jsonb columns
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChainEntry append(AuditTrail trail, Object aggregate, Map<String, Object> values) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (String column : trail.columns()) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException("audit entry of " + trail.name() + " lacks " + column);
            }
            Object v = values.get(column);
            entry.put(column, v instanceof Instant i ? ChainHash.micros(i) : v);
        }
        String aggregateId = String.valueOf(aggregate);
        return em.unwrap(Session.class).doReturningWork(c -> {
            Head head = lockHead(c, trail.name(), aggregateId);
            long seq = head.seq + 1;
            String hash = ChainHash.of(trail.name(), aggregateId, seq, head.hash, entry);
            insert(c, trail, aggregate, entry, seq, head.hash, hash);
            return new ChainEntry(seq, head.hash, hash);
        });
    }

    private record Head(long seq, String hash) {
    }

    private static Head lockHead(Connection c, String trail, String aggregateId) throws SQLException {
        // the no-op update takes the row lock whether the head is new or not
        try (PreparedStatement ps = c.prepareStatement("""
                insert into audit_chain_head (trail, aggregate_id, seq) values (?, ?, 0)
                on conflict (trail, aggregate_id) do update set seq = audit_chain_head.seq
                returning seq, hash""")) {
            ps.setString(1, trail);
            ps.setString(2, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Head(rs.getLong(1), rs.getString(2));
            }
        }
    }

    private static void insert(Connection c, AuditTrail trail, Object aggregate, Map<String, Object> entry, long seq,
                               String prevHash, String hash) throws SQLException {
        StringBuilder columns = new StringBuilder(trail.aggregateColumn());
        StringBuilder params = new StringBuilder("?");
        for (Map.Entry<String, Object> e : entry.entrySet()) {
            columns.append(", ").append(e.getKey());
            params.append(e.getValue() instanceof AuditJson ? ", ?::jsonb" : ", ?");
        }
        String sql = "with entry as (insert into " + trail.table() + " (" + columns + ", seq, prev_hash, hash) values ("
                + params + ", ?, ?, ?) returning seq)"
                + " update audit_chain_head set seq = (select seq from entry), hash = ? where trail = ? and aggregate_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            ps.setObject(p++, aggregate);
            for (Object v : entry.values()) {
                ps.setObject(p++, jdbc(v));
            }
            ps.setLong(p++, seq);
            ps.setString(p++, prevHash);
            ps.setString(p++, hash);
            ps.setString(p++, hash);
            ps.setString(p++, trail.name());
            ps.setString(p, String.valueOf(aggregate));
            ps.executeUpdate();
        }
    }

    private static Object jdbc(Object v) {
        if (v instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (v instanceof AuditJson json) {
            return json.json();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Timestamp t) {
            return OffsetDateTime.ofInstant(ChainHash.micros(t.toInstant()), ZoneOffset.UTC);
        }
        return v;
    }
}
