package io.rectify.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.platform.problem.DatabaseOutage;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PostConstruct;
import io.rectify.platform.tracing.TraceScope;
import io.rectify.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs one consumed record through the idempotent-consumer steps: parse the envelope, skip a duplicate,
 * apply the effect, all in one transaction. A failure of the record itself is counted
 * ({@code rectify_consumer_dead_lettered_total}) and rethrown, so the transaction rolls back and the
 * channel's {@code dead-letter-queue} failure strategy parks the record while the consumer carries on.
 * <p>
 * A database outage is not the record's fault: {@link #process} runs each try in a transaction of its
 * own and tries the same record again, with exponential backoff and jitter (a SmallRye Fault Tolerance
 * guard), until the database is back (bounded by {@code rectify.inbox.retry-limit}), so a restart of
 * PostgreSQL dead-letters nothing. Nor does a
 * shutdown of the service: see {@link RedeliverOnShutdown}, the channels' failure strategy.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    /** Set while {@link #process} runs a try: a transient failure is then retried, not dead-lettered. */
    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @Inject
    ProcessedEvents processed;

    @Inject
    MeterRegistry registry;

    @Inject
    InboxConfig config;

    @Inject
    DeadLetters deadLetters;

    private Guard databaseRetry;

    @Inject
    Traces traces;

    /**
     * The way to consume: from a {@code @Blocking} {@code @Incoming} method (not {@code @Transactional}:
     * the transaction is begun here, once per try).
     *
     * @return {@code true} if the effect ran, {@code false} for a duplicate
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        try (TraceScope trace = ConsumerTraces.of(traces, consumer, record)) {
            try {
                return processInTrace(consumer, record, effect);
            } catch (RuntimeException e) {
                trace.failed(e);
                throw e;
            }
        }
    }

    private boolean processInTrace(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        if (RedeliverOnShutdown.stopping()) {
            throw new RedeliverOnShutdown.ShuttingDown(); // not dead-lettered, read again at the next start
        }
        boolean[] handled = {false};
        try {
            return withDatabaseRetries(consumer, where(record), Boolean.class, () -> {
                handled[0] = false;
                return QuarkusTransaction.requiringNew().call(() -> {
                    boolean ran = handle(consumer, record, effect);
                    handled[0] = true;
                    return ran;
                });
            });
        } catch (RuntimeException e) {
            if (!RedeliverOnShutdown.stopping() && (handled[0] || DatabaseOutage.isTransient(e))) {
                // failed at commit, or gave up waiting: handle() did not count it
                deadLettered(consumer, record, e);
            }
            throw e;
        }
    }

    /**
     * The way to consume a batch (a {@code batch=true} channel, from a {@code @Blocking} method): one
     * transaction records every event id with one statement and applies {@code effect} to the events not
     * seen before, in record order. Records that are not events are parked on the channel's dead-letter
     * topic ({@link DeadLetters}) and left out. If the batch fails for another reason than a database
     * outage, its records are processed one by one ({@link #process}) so that only the poison among them is
     * parked. A database outage is waited out as in {@link #process}.
     *
     * @return the number of events the effect was applied to (duplicates and poison excluded)
     */
    public int processBatch(String consumer, String channel, List<ConsumerRecord<String, String>> records,
                            Consumer<List<IncomingEvent>> effect) {
        try (TraceScope trace = ConsumerTraces.ofBatch(traces, consumer, records)) {
            try {
                return processBatchInTrace(consumer, channel, records, effect);
            } catch (RuntimeException e) {
                trace.failed(e);
                throw e;
            }
        }
    }

    private int processBatchInTrace(String consumer, String channel, List<ConsumerRecord<String, String>> records,
                                    Consumer<List<IncomingEvent>> effect) {
        if (RedeliverOnShutdown.stopping()) {
            throw new RedeliverOnShutdown.ShuttingDown();
        }
        Map<UUID, IncomingEvent> events = new LinkedHashMap<>();
        Map<UUID, ConsumerRecord<String, String>> sources = new HashMap<>();
        int duplicatesInBatch = 0;
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.of(record);
                if (events.putIfAbsent(event.id(), event) == null) {
                    sources.put(event.id(), record);
                } else {
                    duplicatesInBatch++;
                }
            } catch (RuntimeException e) {
                deadLettered(consumer, record, e);
                deadLetters.park(channel, record, e);
            }
        }
        if (duplicatesInBatch > 0) {
            registry.counter("rectify.consumer.duplicates", "consumer", consumer).increment(duplicatesInBatch);
        }
        if (events.isEmpty()) {
            return 0;
        }
        try {
            return withDatabaseRetries(consumer, "a batch from " + where(records.get(0)), Integer.class, () -> QuarkusTransaction.requiringNew().call(() -> {
                Set<UUID> fresh = processed.firstTimes(consumer, events.keySet());
                List<IncomingEvent> firstSeen = events.values().stream().filter(e -> fresh.contains(e.id())).toList();
                int duplicates = events.size() - firstSeen.size();
                if (duplicates > 0) {
                    registry.counter("rectify.consumer.duplicates", "consumer", consumer).increment(duplicates);
                }
                if (!firstSeen.isEmpty()) {
                    effect.accept(firstSeen);
                }
                registry.counter("rectify.consumer.processed", "consumer", consumer).increment(firstSeen.size());
                return firstSeen.size();
            }));
        } catch (RuntimeException e) {
            if (RedeliverOnShutdown.stopping()) {
                throw e;
            }
            if (DatabaseOutage.isTransient(e)) {
                // gave up waiting (rectify.inbox.retry-limit): park every record, as process() does with one.
                // Never rethrow: a refused batch would only send its last record per partition to the DLQ.
                for (IncomingEvent event : events.values()) {
                    deadLettered(consumer, sources.get(event.id()), e);
                    deadLetters.park(channel, sources.get(event.id()), e);
                }
                return 0;
            }
            LOG.infof("%s: a batch of %d failed (%s), processing its records one by one", consumer, events.size(), e.getMessage());
            int applied = 0;
            for (IncomingEvent event : events.values()) {
                ConsumerRecord<String, String> record = sources.get(event.id());
                try {
                    applied += process(consumer, record, one -> effect.accept(List.of(one))) ? 1 : 0;
                } catch (RuntimeException poison) {
                    if (RedeliverOnShutdown.stopping()) {
                        throw poison;
                    }
                    deadLetters.park(channel, record, poison); // process() has counted and logged it
                }
            }
            return applied;
        }
    }

    /**
     * The consumers' database retry, a SmallRye Fault Tolerance guard: only a transient database failure
     * is tried again (never while shutting down), after {@code retry-backoff} doubling up to
     * {@code retry-max-backoff}, each pause ± {@code retry-jitter} so consumers that lost the database
     * together do not hammer it together when it is back, for at most {@code retry-limit}.
     */
    @PostConstruct
    void buildDatabaseRetry() {
        databaseRetry = Guard.create()
                .withDescription("rectify consumer database retry")
                .withRetry()
                .maxRetries(-1) // bounded by the duration: a restart or fail-over of the database takes what it takes
                .maxDuration(config.retryLimit().toMillis(), ChronoUnit.MILLIS)
                .delay(config.retryBackoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(config.retryJitter().toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> !RedeliverOnShutdown.stopping() && DatabaseOutage.isTransient(e))
                .withExponentialBackoff().factor(2).maxDelay(config.retryMaxBackoff().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
    }

    /** Runs {@code work} (which begins its own transaction), trying again while the database is out. */
    private <T> T withDatabaseRetries(String consumer, String what, Class<T> type, java.util.function.Supplier<T> work) {
        int[] attempt = {0};
        RuntimeException[] last = {null};
        return databaseRetry.get(() -> {
            if (attempt[0]++ > 0) {
                registry.counter("rectify.consumer.transient.retries", "consumer", consumer).increment();
                LOG.warnf("%s could not process %s (transient database failure), try %d: %s", consumer, what, attempt[0],
                        last[0] == null ? "" : last[0].getMessage());
            }
            RETRYING.set(Boolean.TRUE);
            try {
                return work.get();
            } catch (RuntimeException e) {
                last[0] = e;
                throw e;
            } finally {
                RETRYING.set(Boolean.FALSE);
            }
        }, type);
    }

    /**
     * The steps inside the caller's transaction. Prefer {@link #process}: with a transaction begun by the
     * caller a database outage cannot be retried here, and the record goes to the dead-letter topic.
     *
     * @return {@code true} if the effect ran, {@code false} for a duplicate
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        try {
            IncomingEvent event = IncomingEvent.of(record);
            if (!processed.firstTime(consumer, event.id())) {
                registry.counter("rectify.consumer.duplicates", "consumer", consumer).increment();
                LOG.debugf("%s skipped duplicate event %s", consumer, event.id());
                return false;
            }
            effect.accept(event);
            registry.counter("rectify.consumer.processed", "consumer", consumer).increment();
            return true;
        } catch (RuntimeException e) {
            if ((!RETRYING.get() || !DatabaseOutage.isTransient(e)) && !RedeliverOnShutdown.stopping()) {
                deadLettered(consumer, record, e);
            }
            throw e;
        }
    }

    private void deadLettered(String consumer, ConsumerRecord<String, String> record, RuntimeException e) {
        registry.counter("rectify.consumer.dead.lettered", "consumer", consumer, "topic", record.topic()).increment();
        LOG.warnf("%s cannot process %s, sending it to the dead-letter topic: %s", consumer, where(record), e.getMessage());
    }

    /** topic/partition@offset, for logs and errors. */
    static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

}
