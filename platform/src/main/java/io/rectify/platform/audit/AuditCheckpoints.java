package io.rectify.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rectify.contracts.Topics;
import io.rectify.contracts.audit.AuditCheckpoint;
import io.rectify.contracts.audit.CheckpointSignature;
import io.rectify.contracts.audit.CheckpointSignature.Head;
import io.rectify.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Signed checkpoints of this service's audit trails. At a fixed cadence
 * ({@code rectify.audit.checkpoint-every}), when a chain moved since the last one: the heads of every
 * chain are digested into one root ({@link CheckpointSignature.Root}), signed with the service's key and
 * published on {@code audit.checkpoints} through the outbox, in the transaction that records which
 * chains moved to where. A party that keeps the checkpoints can later prove that a trail was changed:
 * {@link #verify} recomputes the root from the entries and no longer finds the signed one.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    private static final Comparator<Head> ORDER = Comparator.comparing(Head::trail).thenComparing(Head::aggregateId);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditVerifier verifier;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "rectify.audit.signing-key")
    Optional<String> signingKey;

    @ConfigProperty(name = "rectify.audit.public-key")
    Optional<String> publicKeyLocation;

    @ConfigProperty(name = "rectify.audit.key-id")
    Optional<String> keyId;

    private volatile PrivateKey key;
    private volatile PublicKey publicKey;

    void onStart(@Observes StartupEvent ignored) {
        if (verifier.trails().isEmpty()) {
            return;
        }
        if (signingKey.filter(s -> !s.isBlank()).isEmpty()) {
            LOG.warnf("no rectify.audit.signing-key (RECTIFY_AUDIT_SIGNING_KEY): %s publishes no audit checkpoints", service);
            return;
        }
        key = CheckpointSignature.privateKey(read(signingKey.get()));
        publicKey = publicKeyLocation.filter(s -> !s.isBlank()).map(p -> CheckpointSignature.publicKey(read(p))).orElse(null);
        LOG.infof("audit checkpoints of %s signed with key %s", service, keyId());
    }

    @Scheduled(identity = "audit-checkpoint", every = "${rectify.audit.checkpoint-every:1m}", delayed = "${rectify.audit.checkpoint-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (key != null) {
            QuarkusTransaction.requiringNew().run(this::publish);
        }
    }

    /**
     * Publishes a checkpoint now if a chain moved since the last one.
     *
     * @return the new checkpoint; empty when nothing moved, another instance holds the turn, or there is no key
     */
    @Transactional
    public Optional<AuditCheckpoint> publish() {
        if (key == null) {
            return Optional.empty();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            // one checkpointer per service database, whatever the number of instances
            if (!single(c, "select pg_try_advisory_xact_lock(hashtext('rectify-audit-checkpoint'))", rs -> rs.getBoolean(1))) {
                return Optional.empty();
            }
            Optional<long[]> last = Optional.ofNullable(single(c, "select seq from audit_checkpoint order by seq desc limit 1",
                    rs -> new long[]{rs.getLong(1)}));
            List<Head> moved = moved(c);
            if (moved.isEmpty() && last.isPresent()) {
                return Optional.empty();
            }
            long seq = last.map(l -> l[0] + 1).orElse(1L);
            String previousRoot = last.isEmpty() ? null
                    : single(c, "select root from audit_checkpoint where seq = " + last.get()[0], rs -> rs.getString(1));
            CheckpointSignature.Root root = new CheckpointSignature.Root();
            heads(c).forEach(root::add);
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            AuditCheckpoint checkpoint = CheckpointSignature.sign(new AuditCheckpoint(service, seq, at, root.hex(), previousRoot,
                    root.chains(), root.entries(), CheckpointSignature.ALGORITHM, keyId(), null), key);
            store(c, checkpoint, moved);
            outbox.append(Topics.AUDIT_CHECKPOINTS, checkpoint, at);
            LOG.infof("audit checkpoint %d of %s: root %s over %d chains (%d moved), %d entries", seq, service, checkpoint.root(),
                    checkpoint.chains(), moved.size(), checkpoint.entries());
            return Optional.of(checkpoint);
        });
    }

    /** The latest checkpoint stored, if any. */
    @Transactional
    public Optional<AuditCheckpoint> latest() {
        return em.unwrap(Session.class).doReturningWork(c -> Optional.ofNullable(single(c,
                "select seq, at, root, previous_root, chains, entries, key_id, signature from audit_checkpoint order by seq desc limit 1",
                rs -> new AuditCheckpoint(service, rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), CheckpointSignature.ALGORITHM, rs.getString(7), rs.getString(8)))));
    }

    /** Holds checkpoint {@code seq} against the entries as they are now. Empty when there is no such checkpoint. */
    @Transactional
    public Optional<CheckpointVerification> verify(long seq) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            AuditCheckpoint stored = single(c, "select seq, at, root, previous_root, chains, entries, key_id, signature from audit_checkpoint where seq = " + seq,
                    rs -> new AuditCheckpoint(service, rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getLong(6), CheckpointSignature.ALGORITHM, rs.getString(7), rs.getString(8)));
            if (stored == null) {
                return Optional.empty();
            }
            List<Head> covered = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select distinct on (trail, aggregate_id) trail, aggregate_id, seq
                      from audit_checkpoint_head where checkpoint_seq <= ? order by trail, aggregate_id, checkpoint_seq desc""")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        covered.add(new Head(rs.getString(1), rs.getString(2), rs.getLong(3), null));
                    }
                }
            }
            List<Head> recomputed = verifier.recomputeHeads(c, covered);
            recomputed.sort(ORDER);
            String root = CheckpointSignature.root(recomputed);
            Boolean signatureValid = publicKey == null ? null : CheckpointSignature.verify(stored, publicKey);
            return Optional.of(new CheckpointVerification(seq, stored.root(), root, root.equals(stored.root()), signatureValid));
        });
    }

    private String keyId() {
        return keyId.filter(s -> !s.isBlank()).orElse(service + "-dev");
    }

    /** Chains that moved since the last checkpoint, marked as seen where they are now (their rows locked until commit). */
    private static List<Head> moved(Connection c) throws SQLException {
        List<Head> moved = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                update audit_chain_head set checkpointed_seq = seq, checkpointed_hash = hash
                 where checkpointed_seq is distinct from seq and seq > 0
                returning trail, aggregate_id, seq, hash""")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    moved.add(new Head(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return moved;
    }

    /** Every chain where the checkpoints last saw it, in root order. */
    private static List<Head> heads(Connection c) throws SQLException {
        List<Head> heads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select trail, aggregate_id, checkpointed_seq, checkpointed_hash from audit_chain_head where checkpointed_seq is not null")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.add(new Head(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        heads.sort(ORDER);
        return heads;
    }

    private static void store(Connection c, AuditCheckpoint cp, List<Head> moved) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into audit_checkpoint (seq, at, root, previous_root, chains, entries, key_id, signature)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, cp.seq());
            ps.setObject(2, OffsetDateTime.ofInstant(cp.at(), ZoneOffset.UTC));
            ps.setString(3, cp.root());
            ps.setString(4, cp.previousRoot());
            ps.setLong(5, cp.chains());
            ps.setLong(6, cp.entries());
            ps.setString(7, cp.keyId());
            ps.setString(8, cp.signature());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into audit_checkpoint_head (checkpoint_seq, trail, aggregate_id, seq, hash) values (?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (Head h : moved) {
                ps.setLong(1, cp.seq());
                ps.setString(2, h.trail());
                ps.setString(3, h.aggregateId());
                ps.setLong(4, h.seq());
                ps.setString(5, h.hash());
                ps.addBatch();
                if (++batched % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> T single(Connection c, String sql, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? row.map(rs) : null;
        }
    }

    private static String read(String location) {
        try {
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit key " + location, e);
        }
    }
}
