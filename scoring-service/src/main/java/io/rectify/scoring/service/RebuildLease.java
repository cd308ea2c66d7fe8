package io.rectify.scoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.scoring.config.ScoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * The one rebuild running across all instances ({@code rebuild_lease}): the instance that claims it wipes and
 * re-reads the facts, and every instance's recomputation stands still while it is held, not only the
 * rebuilding one's (with two replicas, the other one used to publish answers from half-read facts that the
 * rebuild's final recomputation then changed back). The holder renews it as it reads; a holder that died
 * leaves a lease that runs out after {@link #duration}, and recomputation carries on.
 */
@ApplicationScoped
public class RebuildLease {

    /** This JVM, as the lease names its holder. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    Sql sql;

    @Inject
    ScoringConfig config;

    /** Longer than a live rebuild goes without renewing: it gives up itself after the stall timeout. */
    Duration duration() {
        return config.rebuild().stallTimeout().plusSeconds(60);
    }

    /** Claims the lease in the caller's transaction; false while another live rebuild holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim() {
        return sql.update("""
                insert into rebuild_lease (id, holder, started_at, renewed_at) values (1, ?, clock_timestamp(), clock_timestamp())
                on conflict (id) do update set holder = excluded.holder, started_at = excluded.started_at, renewed_at = excluded.renewed_at
                 where rebuild_lease.renewed_at < clock_timestamp() - make_interval(secs => ?)""",
                INSTANCE, (double) duration().toSeconds()) == 1;
    }

    /** Renews this instance's lease; false if it ran out and another instance took it over. */
    public boolean renew() {
        return QuarkusTransaction.requiringNew().call(() ->
                sql.update("update rebuild_lease set renewed_at = clock_timestamp() where holder = ?", INSTANCE) == 1);
    }

    /** Gives the lease up (the facts are complete again, or the rebuild failed). */
    public void release() {
        QuarkusTransaction.requiringNew().run(() -> sql.update("delete from rebuild_lease where holder = ?", INSTANCE));
    }

    /**
     * Whether some instance's rebuild holds the lease, read by a statement of its own: call it after taking
     * {@link CountyIndexService#FACTS_LOCK}, so it sees a claim committed with the wipe the lock waited for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean held() {
        // or facts wiped by a rebuild and not all written again, even if its holder died (V90__rebuild_pending)
        return sql.one("""
                select (select count(*) from rebuild_lease where renewed_at >= clock_timestamp() - make_interval(secs => ?))
                     + (select count(*) from rebuild_pending)""",
                rs -> rs.getLong(1), (double) duration().toSeconds()).orElse(0L) > 0;
    }
}
