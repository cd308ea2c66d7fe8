package io.rectify.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Chains the entries a trail held before it was chained, once, from a Flyway Java migration (run by
 * the owner role, which may update the trail): in the order they were written ({@code orderColumn}),
 * each aggregate's rows get seq 1, 2, …, their predecessor's hash and their own, and the heads are set.
 * What they say from then on is protected like every later entry.
 */
public final class LegacyTrailSeal {

    private LegacyTrailSeal() {
    }

    /** @return the entries sealed */
    public static int seal(Connection c, AuditTrail trail, String orderColumn) throws SQLException {
        Map<String, long[]> seqs = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        int sealed = 0;
        String select = "select " + trail.aggregateColumn() + "::text, null::bigint, null::text, null::text, " + String.join(", ", trail.columns())
                + ", " + orderColumn + " from " + trail.table() + " where hash is null order by " + trail.aggregateColumn() + ", " + orderColumn;
        try (PreparedStatement read = c.prepareStatement(select);
             PreparedStatement write = c.prepareStatement("update " + trail.table() + " set seq = ?, prev_hash = ?, hash = ? where " + orderColumn + " = ?")) {
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String aggregateId = rs.getString(1);
                    long[] seq = seqs.computeIfAbsent(aggregateId, k -> new long[1]);
                    String prev = hashes.get(aggregateId);
                    seq[0]++;
                    String hash = ChainHash.of(trail.name(), aggregateId, seq[0], prev, AuditVerifier.content(rs, trail));
                    hashes.put(aggregateId, hash);
                    write.setLong(1, seq[0]);
                    write.setString(2, prev);
                    write.setString(3, hash);
                    write.setObject(4, rs.getObject(trail.columns().size() + 5));
                    write.addBatch();
                    if (++sealed % 1000 == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        try (PreparedStatement head = c.prepareStatement("""
                insert into audit_chain_head (trail, aggregate_id, seq, hash) values (?, ?, ?, ?)
                on conflict (trail, aggregate_id) do nothing""")) {
            for (Map.Entry<String, long[]> e : seqs.entrySet()) {
                head.setString(1, trail.name());
                head.setString(2, e.getKey());
                head.setLong(3, e.getValue()[0]);
                head.setString(4, hashes.get(e.getKey()));
                head.addBatch();
            }
            head.executeBatch();
        }
        return sealed;
    }
}
