package io.rectify.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The outbox backlog of this service: rows not yet published and the age of the oldest, read every
 * {@code rectify.metrics.refresh-interval} ({@code rectify_outbox_backlog}, {@code
 * rectify_outbox_oldest_age_seconds}, tagged with the service). A growing backlog means the relay cannot
 * reach Kafka; readiness reports the same figures ({@code OutboxBacklogCheck}).
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile Backlog last = new Backlog(0, 0);

    /** Unpublished rows and the age of the oldest in seconds (0 when there is none). */
    public record Backlog(long rows, double oldestAgeSeconds) {
    }

    void onStart(@Observes StartupEvent ignored) {
        Gauge.builder("rectify.outbox.backlog", this, m -> m.last.rows())
                .description("outbox rows not yet published").tag("service", service).register(registry);
        Gauge.builder("rectify.outbox.oldest.age.seconds", this, m -> m.last.oldestAgeSeconds())
                .description("age of the oldest unpublished outbox row").tag("service", service).register(registry);
    }

    @Scheduled(identity = "outbox-metrics", every = "${rectify.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            last = read();
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not read: %s", e.getMessage());
        }
    }

    /** Reads the backlog now (its own transaction). */
    public Backlog read() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0) "
                    + "from outbox_event where published_at is null").getSingleResult();
            return new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
        });
    }
}
