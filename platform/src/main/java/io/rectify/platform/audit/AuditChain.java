package io.rectify.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Appends entries to hash-chained audit trails, in the caller's transaction. The chain's head lives in
 * {@code audit_chain_head}, one row per (trail, aggregate): locking that row serialises the writers of
 * one aggregate only, so writers of different hazards (inspections, rubrics, notifications) never wait
 * for each other. Two round trips per entry: lock-and-read the head, then insert the entry and move the
 * head in one statement; {@link #appendAll} takes the same two for a whole batch, and {@link #startAll}
 * (new aggregates' first entries) one.
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
        Map<String, Object> entry = entryOf(trail, values);
        String aggregateId = String.valueOf(aggregate);
        return em.unwrap(Session.class).doReturningWork(c -> {
            Head head = lockHead(c, trail.name(), aggregateId);
            long seq = head.seq + 1;
            String hash = ChainHash.of(trail.name(), aggregateId, seq, head.hash, entry);
            insert(c, trail, aggregate, entry, seq, head.hash, hash);
            return new ChainEntry(seq, head.hash, hash);
        });
    }

    /** One entry for {@link #appendAll}: the aggregate it belongs to and a value for every column of the trail. */
    public record Append(Object aggregate, Map<String, Object> values) {
    }

    /** Entries per INSERT statement (PostgreSQL takes at most 65,535 parameters per statement). */
    private static final int ENTRIES_PER_INSERT = 1000;

    /**
     * Appends many entries, each to its aggregate's chain, in the order given (entries of one aggregate are
     * chained in that order), with two round trips for the whole batch instead of two per entry: lock-and-read
     * every existing head in one statement (in aggregate-id order, so concurrent batches cannot deadlock on the
     * heads), then insert every entry, move every existing head and insert the heads of the chains this batch
     * starts (already at their final seq and hash) in one statement. The chains are the same as
     * {@link #append} one by one would write. The first appends of one aggregate must not race (the callers
     * hold the aggregate's row lock: a notification's attempts): if they do, one transaction fails on the
     * head's primary key rather than fork the chain.
     *
     * @return where each entry landed, in the order given
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ChainEntry> appendAll(AuditTrail trail, List<Append> appends) {
        if (appends.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> entries = new ArrayList<>(appends.size());
        for (Append a : appends) {
            entries.add(entryOf(trail, a.values()));
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            TreeSet<String> aggregateIds = new TreeSet<>();
            appends.forEach(a -> aggregateIds.add(String.valueOf(a.aggregate())));
            Map<String, Head> heads = lockHeads(c, trail.name(), aggregateIds);
            Set<String> started = new HashSet<>(aggregateIds);
            started.removeAll(heads.keySet()); // no head yet: these chains start in this batch
            started.forEach(id -> heads.put(id, new Head(0, null)));
            List<ChainEntry> landed = new ArrayList<>(appends.size());
            for (int i = 0; i < appends.size(); i++) {
                String aggregateId = String.valueOf(appends.get(i).aggregate());
                Head head = heads.get(aggregateId);
                long seq = head.seq + 1;
                String hash = ChainHash.of(trail.name(), aggregateId, seq, head.hash, entries.get(i));
                landed.add(new ChainEntry(seq, head.hash, hash));
                heads.put(aggregateId, new Head(seq, hash));
            }
            insertChunks(c, trail, appends, entries, landed, heads, started);
            return landed;
        });
    }

    /**
     * Starts a new chain for each aggregate with its first entry: the entries and their heads, already at
     * their final sequence and hash, are inserted in one statement and one round trip, without the look-up
     * of existing heads {@link #appendAll} makes first. For aggregates just created in
     * this transaction (a new hazard's REPORT line): an aggregate that already has a chain fails the
     * statement on the head's primary key, so a chain is never forked or restarted. The chains are the same as
     * {@link #append} would write.
     *
     * @throws IllegalArgumentException when an aggregate appears twice
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ChainEntry> startAll(AuditTrail trail, List<Append> firsts) {
        if (firsts.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> entries = new ArrayList<>(firsts.size());
        List<ChainEntry> landed = new ArrayList<>(firsts.size());
        Map<String, Head> heads = new LinkedHashMap<>();
        for (Append a : firsts) {
            Map<String, Object> entry = entryOf(trail, a.values());
            String aggregateId = String.valueOf(a.aggregate());
            String hash = ChainHash.of(trail.name(), aggregateId, 1, null, entry);
            if (heads.put(aggregateId, new Head(1, hash)) != null) {
                throw new IllegalArgumentException("a chain of " + trail.name() + " starts once: " + aggregateId + " given twice");
            }
            entries.add(entry);
            landed.add(new ChainEntry(1, null, hash));
        }
        em.unwrap(Session.class).doWork(c -> insertChunks(c, trail, firsts, entries, landed, heads, heads.keySet()));
        return landed;
    }

    /**
     * Inserts the entries {@link #ENTRIES_PER_INSERT} at a time; the heads move (and the {@code started} ones
     * are inserted) with the last chunk, to where the whole batch left them.
     */
    private static void insertChunks(Connection c, AuditTrail trail, List<Append> appends, List<Map<String, Object>> entries,
                                     List<ChainEntry> landed, Map<String, Head> heads, Set<String> started) throws SQLException {
        for (int from = 0; from < appends.size(); from += ENTRIES_PER_INSERT) {
            int to = Math.min(appends.size(), from + ENTRIES_PER_INSERT);
            boolean last = to == appends.size();
            insertAll(c, trail, appends.subList(from, to), entries.subList(from, to), landed.subList(from, to),
                    last ? heads : Map.of(), last ? started : Set.of());
        }
    }

    private static Map<String, Object> entryOf(AuditTrail trail, Map<String, Object> values) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (String column : trail.columns()) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException("audit entry of " + trail.name() + " lacks " + column);
            }
            Object v = values.get(column);
            entry.put(column, v instanceof Instant i ? ChainHash.micros(i) : v);
        }
        return entry;
    }

    private static Map<String, Head> lockHeads(Connection c, String trail, TreeSet<String> aggregateIds) throws SQLException {
        // the existing heads, locked in id order (the ids come sorted, one look-up after the other, so concurrent
        // batches cannot deadlock on them); a lock, not a no-op upsert, which wrote a new version of every head.
        // One primary-key look-up per id (LATERAL): with "aggregate_id = any(?)" the planner, on statistics taken
        // while the table was small, scanned every head of the trail and filtered them (bench P4: 20 ms a batch at
        // 100,000 heads, the most expensive statement of a delivery); both key columns equal can only be a look-up.
        try (PreparedStatement ps = c.prepareStatement("""
                select h.aggregate_id, h.seq, h.hash from unnest(?::text[]) with ordinality as k(id, n)
                cross join lateral (select aggregate_id, seq, hash from audit_chain_head
                    where trail = ? and aggregate_id = k.id for update) h
                order by k.n""")) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            ps.setArray(1, c.createArrayOf("text", aggregateIds.toArray()));
            ps.setString(2, trail);
            Map<String, Head> heads = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getString(3)));
                }
            }
            return heads;
        }
    }

    private static void insertAll(Connection c, AuditTrail trail, List<Append> appends, List<Map<String, Object>> entries,
                                  List<ChainEntry> landed, Map<String, Head> heads, Set<String> started) throws SQLException {
        List<String> moved = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        heads.keySet().forEach(id -> (started.contains(id) ? fresh : moved).add(id));
        Collections.sort(fresh); // new heads inserted in id order, as the existing ones are locked
        StringBuilder columns = new StringBuilder(trail.aggregateColumn());
        StringBuilder row = new StringBuilder("(?");
        for (String column : trail.columns()) {
            columns.append(", ").append(column);
            // a JSON column takes ::jsonb in every row (a null value casts as well)
            boolean json = entries.stream().anyMatch(e -> e.get(column) instanceof AuditJson);
            row.append(json ? ", ?::jsonb" : ", ?");
        }
        row.append(", ?, ?, ?)");
        StringBuilder sql = new StringBuilder(heads.isEmpty() ? "" : "with entry as (");
        String headArrays = "from unnest(?::text[], ?::bigint[], ?::text[]) as m(aggregate_id, seq, hash)";
        sql.append("insert into ").append(trail.table()).append(" (").append(columns).append(", seq, prev_hash, hash) values ");
        for (int i = 0; i < appends.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        if (!heads.isEmpty()) {
            // moved heads are updated, new chains' heads inserted at their final seq and hash (a chain started by
            // a concurrent transaction meanwhile fails this one on the primary key: never forked)
            String move = "update audit_chain_head h set seq = m.seq, hash = m.hash " + headArrays
                    + " where h.trail = ? and h.aggregate_id = m.aggregate_id";
            String start = "insert into audit_chain_head (trail, aggregate_id, seq, hash) select ?, m.aggregate_id, m.seq, m.hash " + headArrays;
            sql.append(" returning 1)");
            if (moved.isEmpty()) {
                sql.append(' ').append(start);
            } else if (fresh.isEmpty()) {
                sql.append(' ').append(move);
            } else {
                sql.append(", moved as (").append(move).append(" returning 1) ").append(start);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            // planned at every execution, never from a cached generic plan: one planned while audit_chain_head
            // was small (a new trail's first minutes) joins the heads by a sequential scan, and kept after the
            // table grew it read ~40,000 blocks per statement (bench P4: 61 ms for a one-entry append)
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            int p = 1;
            for (int i = 0; i < appends.size(); i++) {
                ps.setObject(p++, appends.get(i).aggregate());
                for (Object v : entries.get(i).values()) {
                    ps.setObject(p++, jdbc(v));
                }
                ps.setLong(p++, landed.get(i).seq());
                ps.setString(p++, landed.get(i).prevHash());
                ps.setString(p++, landed.get(i).hash());
            }
            if (!moved.isEmpty()) {
                p = headArrays(c, ps, p, moved, heads);
                ps.setString(p++, trail.name());
            }
            if (!fresh.isEmpty()) {
                ps.setString(p++, trail.name());
                headArrays(c, ps, p, fresh, heads);
            }
            ps.executeUpdate();
        }
    }

    /** The ids, seqs and hashes of {@code ids}' heads as three array parameters from {@code p}; @return the next parameter */
    private static int headArrays(Connection c, PreparedStatement ps, int p, List<String> ids, Map<String, Head> heads) throws SQLException {
        ps.setArray(p++, c.createArrayOf("text", ids.toArray()));
        ps.setArray(p++, c.createArrayOf("bigint", ids.stream().map(id -> heads.get(id).seq).toArray()));
        ps.setArray(p++, c.createArrayOf("text", ids.stream().map(id -> heads.get(id).hash).toArray()));
        return p;
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
