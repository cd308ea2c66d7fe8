package io.rectify.platform.outbox;

import io.rectify.platform.background.BackgroundLoop;
import io.rectify.platform.kafka.KafkaClientSettings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.rectify.contracts.CloudEvent;
import io.rectify.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them published only once the broker has
 * acknowledged them. When Kafka is down the rows stay and go out when it is back. A transaction-level
 * advisory lock makes sure only one relay per database publishes at a time, which keeps per-key order
 * even with several service instances.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works; it only has to be the same for every instance sharing a database. */
    private static final long ADVISORY_LOCK_KEY = 0x52454354_4F555458L;
    /**
     * How long the producer keeps retrying a record before giving up. Long on purpose: while the broker
     * is away the idempotent producer retries in order, and a batch that expired early while a later one
     * got through would publish a key's events out of order.
     */
    private static final int DELIVERY_TIMEOUT_SECONDS = 180;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Traces traces;

    @Inject
    KafkaClientSettings kafka;

    /** Runs the loop: started from the StartupEvent, there is no request, transaction or span to propagate. */
    @Inject
    ManagedExecutor executor;

    /** Prepended to every topic name: tests give each run its own topics (env RECTIFY_KAFKA_TOPIC_PREFIX). */
    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    java.util.Optional<String> topicPrefix;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** The relay loop, on a thread of Quarkus' worker pool (none where the relay is disabled). */
    private BackgroundLoop loop;
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter failures;

    void onStart(@Observes StartupEvent ignored) {
        published = registry.counter("rectify.outbox.published");
        failures = registry.counter("rectify.outbox.publish.failures");
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        // a wake-up lingers a moment: the commits right behind the one that woke the relay join its round
        loop = BackgroundLoop.start("outbox relay", executor, config.pollInterval(), config.linger(), this::round);
    }

    /** Stops the loop (its last round included) before Quarkus shuts the worker pool down, then closes the producer. */
    void onStop(@Observes ShutdownEvent ignored) {
        if (loop != null) {
            loop.stop();
        }
        closeProducer();
    }

    /** Asks the relay to run a round now (called after a commit that wrote outbox rows). */
    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    private void round() {
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (loop.running() && sent == config.batchSize());
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("outbox relay round failed, rows kept for the next round: %s", e.getMessage());
            closeProducer();
            pause();
        }
    }

    /**
     * One round: lock, read a batch, send it, wait for the acknowledgements, mark the acknowledged prefix.
     *
     * @return the number of rows published
     */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(DELIVERY_TIMEOUT_SECONDS + 60).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, ADVISORY_LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            // plain JDBC: the relay reads and marks hundreds of rows a second, and entities bought nothing here
            // but their cost (5 % of hazard-service's CPU samples under P1)
            List<Row> rows = em.unwrap(Session.class).doReturningWork(this::unpublished);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> acknowledged = send(rows);
            if (!acknowledged.isEmpty()) {
                em.unwrap(Session.class).doWork(c -> markPublished(c, acknowledged));
                published.increment(acknowledged.size());
            }
            if (acknowledged.size() < rows.size()) {
                throw new IllegalStateException((rows.size() - acknowledged.size()) + " outbox rows not acknowledged");
            }
            return acknowledged.size();
        });
    }

    /** An outbox row as the relay needs it. */
    private record Row(long id, UUID eventId, String aggregateId, String type, String topic, String payload,
                       Instant occurredAt, String traceparent) {
    }

    private List<Row> unpublished(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, event_id, aggregateid, type, topic, payload, occurred_at, traceparent "
                + "from outbox_event where published_at is null order by id limit ? for update skip locked")) {
            ps.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8)));
                }
            }
            return rows;
        }
    }

    private static void markPublished(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update outbox_event set published_at = ? where id = any(?)")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** Sends all rows, then waits; returns the ids of the acknowledged prefix (order matters per key). */
    private List<Long> send(List<Row> rows) {
        KafkaProducer<String, String> p = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Span span = publishSpan(row);
            spans.add(span);
            futures.add(p.send(toRecord(row, span == null ? null : Traces.format(span.getSpanContext()))));
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        try {
            for (int i = 0; i < rows.size(); i++) {
                try {
                    futures.get(i).get();
                    acknowledged.add(rows.get(i).id());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    LOG.warnf("publishing outbox row %d failed: %s", rows.get(i).id(), e.getMessage());
                    if (spans.get(i) != null) {
                        spans.get(i).setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
                    }
                    // abort whatever is still queued behind it, so no later event of this round reaches the
                    // topic before the failed one is sent again
                    abortProducer();
                    break;
                }
            }
        } finally {
            spans.forEach(span -> {
                if (span != null) {
                    span.end();
                }
            });
        }
        return acknowledged;
    }

    /**
     * The relay's hop of the trace that wrote the row: a producer span from hand-over to the broker's
     * acknowledgement, whose context goes out as {@code ce_traceparent}. None for a row without a trace.
     */
    private Span publishSpan(Row row) {
        if (row.traceparent() == null) {
            return null;
        }
        return traces.startDetached(row.topic() + " publish", SpanKind.PRODUCER, row.traceparent(), Map.of(
                "messaging.system", "kafka",
                "messaging.destination.name", topicPrefix.orElse("") + row.topic(),
                "messaging.message.id", row.eventId().toString(),
                "cloudevents.event_type", row.type()));
    }

    private ProducerRecord<String, String> toRecord(Row row, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topicPrefix.orElse("") + row.topic(), row.aggregateId(), row.payload());
        CloudEvent ce = new CloudEvent(row.eventId(), row.type(), "/" + source, row.aggregateId(), row.occurredAt());
        for (Map.Entry<String, byte[]> h : ce.headers().entrySet()) {
            record.headers().add(new RecordHeader(h.getKey(), h.getValue()));
        }
        if (traceparent != null) {
            record.headers().add(new RecordHeader(CloudEvent.H_TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = ReliableProducers.create(kafka.connection(), source + "-outbox-" + UUID.randomUUID().toString().substring(0, 8),
                    Map.of(ProducerConfig.LINGER_MS_CONFIG, 2,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_SECONDS * 1000));
        }
        return producer;
    }

    private synchronized void abortProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("closing the outbox producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.failureBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Published rows are kept for a while for audit and replay questions, then removed. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void housekeeping() {
        QuarkusTransaction.requiringNew().run(() -> {
            int removed = em.createQuery("delete from OutboxEvent where publishedAt < :before")
                    .setParameter("before", Instant.now().minus(config.retention()))
                    .executeUpdate();
            if (removed > 0) {
                LOG.infof("outbox housekeeping removed %d published rows", removed);
            }
        });
    }

    /** Rows not yet published; for health and tests. */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createQuery("select count(o) from OutboxEvent o where o.publishedAt is null").getSingleResult()).longValue());
    }
}
