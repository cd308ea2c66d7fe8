package io.rectify.platform.audit;

import io.rectify.contracts.audit.CheckpointSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recomputes the chains of this service's trails from what the database holds. */
@ApplicationScoped
public class AuditVerifier {

    private static final int FETCH_SIZE = 1000;

    @Inject
    Instance<AuditTrail> declared;

    @Inject
    EntityManager em;

    public List<AuditTrail> trails() {
        return declared.stream().sorted(java.util.Comparator.comparing(AuditTrail::name)).toList();
    }

    public Optional<AuditTrail> trail(String name) {
        return trails().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** One aggregate's chain; {@code aggregate} typed as the table's column (a UUID for a uuid column). */
    @Transactional
    public ChainVerification verify(AuditTrail trail, Object aggregate) {
        return verify(trail, String.valueOf(aggregate), aggregate, " = ?");
    }

    /** One aggregate's chain, named by its text (from a URL): compared as text, so any text is safe. */
    @Transactional
    public ChainVerification verifyText(AuditTrail trail, String aggregateId) {
        return verify(trail, aggregateId, aggregateId, "::text = ?");
    }

    private ChainVerification verify(AuditTrail trail, String aggregateId, Object aggregate, String comparison) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            ChainWalk walk = new ChainWalk(trail.name(), aggregateId);
            Head head = null;
            // the head is read by the same statement as the entries: one snapshot, so an entry appended
            // meanwhile is either in both or in neither (a second statement would see it in one only)
            int headColumn = trail.columns().size() + 5;
            try (PreparedStatement ps = c.prepareStatement(columns(trail)
                    + ", (select seq from audit_chain_head h where h.trail = ? and h.aggregate_id = ?) as head_seq"
                    + ", (select hash from audit_chain_head h where h.trail = ? and h.aggregate_id = ?) as head_hash"
                    + " from " + trail.table() + " where " + trail.aggregateColumn() + comparison + " order by seq")) {
                ps.setString(1, trail.name());
                ps.setString(2, aggregateId);
                ps.setString(3, trail.name());
                ps.setString(4, aggregateId);
                ps.setObject(5, aggregate);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        walk.accept(rs.getLong(2), rs.getString(3), rs.getString(4), content(rs, trail));
                        long seq = rs.getLong(headColumn);
                        head = rs.wasNull() ? null : new Head(seq, rs.getString(headColumn + 1));
                    }
                }
            }
            if (walk.entries() == 0) {
                // no entry: a head alone means every entry was removed
                head = heads(c, trail, aggregateId).get(aggregateId);
            }
            return walk.finish(head == null ? null : head.seq, head == null ? null : head.hash);
        });
    }

    /**
     * Every chain of every trail, streamed: memory holds one trail's heads, not its entries. Its own
     * read-only transaction at REPEATABLE READ: the heads and the entries are read by several statements,
     * and under READ COMMITTED a chain appended between them (its entries seen, its head not) looked broken.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ServiceVerification verifyAll() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            long entries = 0;
            long chains = 0;
            List<ServiceVerification.BrokenChain> broken = new ArrayList<>();
            for (AuditTrail trail : trails()) {
                Map<String, Head> heads = heads(c, trail, null);
                try (PreparedStatement ps = c.prepareStatement(select(trail) + " order by " + trail.aggregateColumn() + ", seq")) {
                    ps.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = ps.executeQuery()) {
                        ChainWalk walk = null;
                        while (rs.next()) {
                            String aggregateId = rs.getString(1);
                            if (walk == null || !walk.aggregateId().equals(aggregateId)) {
                                chains += finish(trail, walk, heads, broken);
                                walk = new ChainWalk(trail.name(), aggregateId);
                            }
                            entries++;
                            walk.accept(rs.getLong(2), rs.getString(3), rs.getString(4), content(rs, trail));
                        }
                        chains += finish(trail, walk, heads, broken);
                    }
                }
                // heads whose chain has no entry at all: every entry of it was removed
                for (Map.Entry<String, Head> orphan : heads.entrySet()) {
                    if (orphan.getValue().seq > 0) {
                        chains++;
                        broken.add(new ServiceVerification.BrokenChain(trail.name(), orphan.getKey(), 1));
                    }
                }
            }
            return new ServiceVerification(broken.isEmpty(), entries, chains, broken.isEmpty() ? null : broken.get(0).brokenAt(), broken);
        });
    }

    /**
     * Each chain's hash at the given seq, recomputed from the entries' content alone (stored hashes are
     * not trusted): what a checkpoint's root is checked against. A chain that no longer reaches that seq,
     * or a trail this service does not know, gets the hash {@code "missing"}.
     */
    public List<CheckpointSignature.Head> recomputeHeads(Connection c, List<CheckpointSignature.Head> wanted) throws SQLException {
        Map<String, Map<String, Long>> byTrail = new HashMap<>();
        for (CheckpointSignature.Head h : wanted) {
            byTrail.computeIfAbsent(h.trail(), t -> new HashMap<>()).put(h.aggregateId(), h.seq());
        }
        Map<String, String> found = new HashMap<>();
        for (AuditTrail trail : trails()) {
            Map<String, Long> seqs = byTrail.get(trail.name());
            if (seqs == null) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(select(trail) + " order by " + trail.aggregateColumn() + ", seq")) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    String aggregateId = null;
                    String previous = null;
                    while (rs.next()) {
                        String current = rs.getString(1);
                        if (!current.equals(aggregateId)) {
                            aggregateId = current;
                            previous = null;
                        }
                        Long want = seqs.get(current);
                        long seq = rs.getLong(2);
                        if (want == null || seq > want) {
                            continue;
                        }
                        previous = ChainHash.of(trail.name(), current, seq, previous, content(rs, trail));
                        if (seq == want) {
                            found.put(trail.name() + "\n" + current, previous);
                        }
                    }
                }
            }
        }
        List<CheckpointSignature.Head> heads = new ArrayList<>();
        for (CheckpointSignature.Head h : wanted) {
            heads.add(new CheckpointSignature.Head(h.trail(), h.aggregateId(), h.seq(),
                    found.getOrDefault(h.trail() + "\n" + h.aggregateId(), "missing")));
        }
        return heads;
    }

    private static int finish(AuditTrail trail, ChainWalk walk, Map<String, Head> heads, List<ServiceVerification.BrokenChain> broken) {
        if (walk == null) {
            return 0;
        }
        Head head = heads.remove(walk.aggregateId());
        ChainVerification v = walk.finish(head == null ? null : head.seq, head == null ? null : head.hash);
        if (!v.intact()) {
            broken.add(new ServiceVerification.BrokenChain(trail.name(), walk.aggregateId(), v.brokenAt()));
        }
        return 1;
    }

    private record Head(long seq, String hash) {
    }

    private static Map<String, Head> heads(Connection c, AuditTrail trail, String aggregateId) throws SQLException {
        Map<String, Head> heads = new HashMap<>();
        String sql = "select aggregate_id, seq, hash from audit_chain_head where trail = ?" + (aggregateId == null ? "" : " and aggregate_id = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, trail.name());
            if (aggregateId != null) {
                ps.setString(2, aggregateId);
            }
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return heads;
    }

    private static String select(AuditTrail trail) {
        return columns(trail) + " from " + trail.table();
    }

    private static String columns(AuditTrail trail) {
        return "select " + trail.aggregateColumn() + "::text, seq, prev_hash, hash, " + String.join(", ", trail.columns());
    }

    /** The entry's columns read back in the form {@link ChainHash} hashes them. */
    static Map<String, Object> content(ResultSet rs, AuditTrail trail) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> content = new LinkedHashMap<>();
        for (int i = 0; i < trail.columns().size(); i++) {
            int column = i + 5;
            Object value = switch (meta.getColumnTypeName(column)) {
                case "jsonb", "json" -> {
                    String json = rs.getString(column);
                    yield json == null ? null : new AuditJson(json);
                }
                case "timestamptz", "timestamp" -> rs.getObject(column, OffsetDateTime.class);
                case "int2", "int4", "int8" -> {
                    long v = rs.getLong(column);
                    yield rs.wasNull() ? null : v;
                }
                case "numeric" -> rs.getBigDecimal(column);
                case "bool" -> {
                    boolean v = rs.getBoolean(column);
                    yield rs.wasNull() ? null : v;
                }
                case "date" -> rs.getObject(column, LocalDate.class);
                case "uuid" -> rs.getObject(column);
                default -> rs.getString(column);
            };
            content.put(trail.columns().get(i), value);
        }
        return content;
    }
}
