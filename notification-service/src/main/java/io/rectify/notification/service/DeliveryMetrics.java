package io.rectify.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.notification.domain.Channel;
import io.rectify.platform.metrics.GaugeRows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a supervisor asks of the chasing: deliveries by channel and outcome
 * ({@code rectify_notification_deliveries_total{channel, outcome=sent|retried|failed}}; a level without a
 * contact counts as failed on channel NONE) and the active chases by the level they reached and grade
 * ({@code rectify_chases_active{level=NONE|CITY|PROVINCE, grade}}, read every {@code rectify.metrics.count-interval}).
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    private GaugeRows chases;

    @PostConstruct
    void init() {
        chases = new GaugeRows(registry, "rectify.chases.active", "active chases by the escalation level reached and grade");
    }

    /** Counts one delivery attempt by how it went. */
    void attempted(DeliveryJob job, DeliveryOutcome outcome, int maxAttempts) {
        String result = outcome instanceof DeliveryOutcome.Delivered ? "sent"
                : outcome instanceof DeliveryOutcome.Retryable && job.attempt() < maxAttempts ? "retried" : "failed";
        count(job.channel(), result);
    }

    /** A step recorded for a level that has no contact: failed at once. */
    void noContact() {
        count(Channel.NONE, "failed");
    }

    private void count(Channel channel, String outcome) {
        registry.counter("rectify.notification.deliveries", "channel", channel.name(), "outcome", outcome).increment();
    }

    @Scheduled(identity = "chase-metrics", every = "${rectify.metrics.count-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery(
                        "select escalation_level, grade, count(*) from chase where status = 'ACTIVE' group by escalation_level, grade").getResultList();
                Map<Tags, Long> counts = new LinkedHashMap<>();
                for (Object[] row : rows) {
                    counts.put(Tags.of("level", (String) row[0], "grade", (String) row[1]), ((Number) row[2]).longValue());
                }
                chases.set(counts);
            });
        } catch (RuntimeException e) {
            LOG.debugf("chase counts not read: %s", e.getMessage());
        }
    }
}
