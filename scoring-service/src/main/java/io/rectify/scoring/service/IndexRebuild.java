package io.rectify.scoring.service;

import io.rectify.platform.kafka.KafkaClientSettings;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectify.contracts.Topics;
import io.rectify.platform.problem.ProblemException;
import io.rectify.scoring.config.ScoringConfig;
import io.rectify.scoring.messaging.ScoringConsumers;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.context.api.ManagedExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rebuilds every index from the log: throws the facts (and the consumer's processed-event log) away,
 * re-reads {@code inspection.events} and {@code hazard.events} from the beginning with a plain consumer
 * (partitions assigned, a {@linkplain #partitionGroups group of them} at a time, no consumer group, so the live
 * consumers' offsets are untouched) up to the end offsets found at the start, applies the same fact updates
 * in batched transactions (each group's hazards in one, while the next group is read), then recomputes every
 * county, publishing only the answers that changed.
 * <p>
 * The live consumers keep running: the fact upserts are idempotent and order-independent (version and
 * registration-time rules), so an event applied by both lands once. While the facts are incomplete no
 * instance recomputes (the {@link RebuildLease} is claimed before the wipe and held until the topics are
 * read), so no half-built answer is ever published; readers keep seeing the last published answers. One
 * rebuild runs at a time across all instances: a second one, wherever it is asked for, answers 409.
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);

    @Inject
    FactStore facts;

    @Inject
    CountyIndexService indexes;

    @Inject
    RebuildLease lease;

    @Inject
    ScoringConfig config;

    @Inject
    Clock clock;

    @Inject
    KafkaClientSettings kafka;

    @ConfigProperty(name = "rectify.kafka.topic-prefix")
    Optional<String> topicPrefix;

    /**
     * Runs a rebuild on Quarkus' worker pool with no context of the request that started it (no request
     * scope, transaction or span), as the rebuild's own thread had: it outlives that request.
     */
    @Inject
    @ManagedExecutorConfig(propagated = {}, cleared = ThreadContext.ALL_REMAINING)
    ManagedExecutor executor;

    /** How often the lease is renewed while the topics are read: well inside {@link RebuildLease#duration}. */
    private static final Duration RENEW_EVERY = Duration.ofSeconds(5);

    /** A fetch's response size: under half of G1's smallest region (see {@link #readTopics}). */
    static final int FETCH_MAX_BYTES = 480 * 1024;

    /** How long the broker may hold a fetch that finds no records (see {@link #readTopics}). */
    static final int FETCH_MAX_WAIT_MS = 10;

    /** The consumer's socket receive buffer (see {@link #readTopics}). */
    static final int RECEIVE_BUFFER_BYTES = 2 * 1024 * 1024;

    /** Decoding threads (and slices per chunk): decoding the records is most of a rebuild's CPU. */
    private static final int DECODERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile RebuildProgress progress = RebuildProgress.idle();

    public RebuildProgress progress() {
        return progress;
    }

    /** Starts a rebuild in the background. @throws ProblemException 409 while one is running */
    public RebuildProgress start() {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("a rebuild is already running; follow it with GET /api/v1/admin/rebuild");
        }
        if (!QuarkusTransaction.requiringNew().call(lease::claim)) {
            running.set(false);
            throw ProblemException.conflict("a rebuild is already running on another instance of scoring-service");
        }
        progress = new RebuildProgress(RebuildProgress.State.RUNNING, 0, 0, 0, null, clock.instant(), null, null);
        try {
            executor.execute(this::run);
        } catch (RuntimeException rejected) { // shutting down
            lease.release();
            running.set(false);
            throw rejected;
        }
        return progress;
    }

    /**
     * Starts a rebuild again when one wiped the facts and did not write them all again (its instance
     * crashed or stopped, or it failed) and none is running anywhere: until then no instance recomputes
     * (see {@link RebuildLease#held}), so the last published answers stand but do not move.
     */
    @io.quarkus.scheduler.Scheduled(identity = "scoring-rebuild-resume", every = "${rectify.scoring.rebuild.resume-check:30s}",
            delayed = "${rectify.scoring.rebuild.resume-check:30s}", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void resumeInterrupted() {
        if (running.get() || stopping || !QuarkusTransaction.requiringNew().call(facts::rebuildPending)) {
            return;
        }
        try {
            start();
            LOG.warn("a rebuild left the facts incomplete (its instance stopped or it failed): rebuilding them again");
        } catch (ProblemException alreadyRunning) {
            // running here or on another instance (its lease is live): that one completes the facts
        }
    }

    /** At shutdown the re-reading stops at its next poll (the rebuild ends FAILED) instead of holding up the worker pool. */
    void onStop(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    private void run() {
        Instant started = progress.startedAt();
        LOG.infof("rebuild started at %s", started);
        try {
            QuarkusTransaction.requiringNew().run(() -> facts.wipe(ScoringConsumers.CONSUMER));
            readAndWriteHazards();
            QuarkusTransaction.requiringNew().run(facts::rebuilt); // every fact is in again: the pending mark goes before the lease
            lease.release(); // facts complete: live events recompute again, on every instance, while we recompute the rest
            long t1 = System.nanoTime();
            int changed = indexes.recomputeAll();
            LOG.infof("rebuild recomputed every county in %d ms", (System.nanoTime() - t1) / 1_000_000);
            RebuildProgress p = progress;
            progress = new RebuildProgress(RebuildProgress.State.DONE, p.eventsRead(), p.eventsTotal(), p.eventsSkipped(), changed,
                    started, clock.instant(), null);
            LOG.infof("rebuild done: %d events read, %d skipped, %d county answers changed", p.eventsRead(), p.eventsSkipped(), changed);
        } catch (RuntimeException | Error e) { // an Error too: the rebuild must not stay RUNNING for ever
            RebuildProgress p = progress;
            progress = new RebuildProgress(RebuildProgress.State.FAILED, p.eventsRead(), p.eventsTotal(), p.eventsSkipped(), null,
                    started, clock.instant(), e.getMessage());
            LOG.errorf(e, "rebuild failed after %d events", p.eventsRead());
        } finally {
            lease.release();
            running.set(false);
        }
    }

    /**
     * Reads the topics and writes the hazards kept; each group's hazards (held in memory, tens of MiB for a
     * large log) are unreachable once written, before the recomputation loads the counties' facts.
     */
    private void readAndWriteHazards() {
        long refused = readTopics();
        if (refused > 0) {
            RebuildProgress r = progress;
            update(r.eventsRead(), r.eventsTotal(), r.eventsSkipped() + refused);
        }
    }

    /**
     * Reads both topics to the end offsets found at the start: registrations, enterprises, inspections and
     * the counties met are written as they come, a batch at a time; the hazards are kept, newest version
     * each, and written at once when the group of partitions they were read in is done (see
     * {@link #partitionGroups}), while the next group is read. @return how many hazards the database refused
     */
    private long readTopics() {
        String prefix = topicPrefix.orElse("");
        Map<String, Object> settings = kafka.connection();
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.rebuild().batchSize());
        // A fetch's response is read into one array; the default (up to 50 MiB, ~6 MiB here) is larger than half a G1
        // region (1 MiB in a heap under 2 GiB), so every fetch was a humongous allocation and forced a collection
        // (52 in a rebuild of a million events). Responses under half a region are ordinary young allocations.
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_MAX_BYTES);
        // the socket's receive buffer as Kafka's own ConsumerPerformance sets it (2 MiB; the client's default is 64 KiB): a
        // 480-KiB fetch response fits the window whole instead of coming 64 KiB at a time (bench RESULTS run 51)
        settings.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, RECEIVE_BUFFER_BYTES);
        // A fetch for partitions read to their end is held by the broker until new records come or this wait is over, and
        // the consumer sends no other fetch to that broker meanwhile: with the default 500 ms, every group after the first
        // got its first records half a second after it was assigned (bench RESULTS run 51). The records a rebuild reads
        // are all in the log already; there is nothing to wait for.
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "scoring-rebuild-" + UUID.randomUUID().toString().substring(0, 8));
        // keys and values as buffers over the fetched bytes: the decoder parses them where they lie, no copy per record
        try (KafkaConsumer<ByteBuffer, ByteBuffer> consumer = new KafkaConsumer<>(settings, new ByteBufferDeserializer(),
                new ByteBufferDeserializer())) {
            List<TopicPartition> inspections = partitions(consumer, prefix + Topics.INSPECTION_EVENTS);
            List<TopicPartition> hazardEvents = partitions(consumer, prefix + Topics.HAZARD_EVENTS);
            List<TopicPartition> partitions = new ArrayList<>(inspections);
            partitions.addAll(hazardEvents);
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions); // all of them while the offsets are asked for (the answers update what is assigned)
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            update(0, total, 0);

            Pipeline pipeline = new Pipeline(total);
            HazardWrites writes = new HazardWrites();
            try {
                Reading reading = new Reading(total, pipeline);
                for (List<TopicPartition> group : partitionGroups(inspections, hazardEvents, config.rebuild().partitionGroups())) {
                    consumer.assign(group);
                    consumer.seekToBeginning(group);
                    reading.group(consumer, group, end);
                    pipeline.finish();
                    writes.add(pipeline.takeHazards());
                }
                return writes.awaitAll();
            } finally {
                pipeline.close();
                writes.close();
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.stream().map(PartitionInfo::partition).sorted().forEach(p -> partitions.add(new TopicPartition(topic, p)));
        }
        return partitions;
    }

    /**
     * The partitions in the groups they are read in, one group after the other: {@code hazard.events}' partitions
     * in up to {@code groups} groups of consecutive partitions, {@code inspection.events}' all in the first. The
     * events of a hazard are in one partition (keyed by its id), so the hazards read in a group are final when
     * the group is: they are written while the next group is read, on the core the reading leaves idle (a
     * rebuild's one write at the end took a fifth of its time, PostgreSQL on one core, the service idle).
     * <p>
     * Each group is no larger than the one before (sizes in proportion to n, n-1, …, 1: two groups of six
     * partitions are four and two), because the last group's write is the one nothing else runs beside: with
     * halves it took 1.5-2.3 s of an 11-14 s rebuild, with a third 1.1-1.4 s (bench RESULTS run 49).
     */
    static List<List<TopicPartition>> partitionGroups(List<TopicPartition> inspections, List<TopicPartition> hazardEvents, int groups) {
        int n = Math.max(1, Math.min(groups, hazardEvents.size()));
        List<List<TopicPartition>> result = new ArrayList<>();
        int from = 0;
        for (int g = 0; g < n; g++) {
            int left = hazardEvents.size() - from;
            int weight = n - g;
            int weightLeft = weight * (weight + 1) / 2;
            // this group's share of what is left, rounded, leaving at least one partition for each group after it
            int size = left == 0 ? 0 : Math.max(1, Math.min(left - (n - g - 1), (2 * left * weight + weightLeft) / (2 * weightLeft)));
            List<TopicPartition> group = new ArrayList<>(g == 0 ? inspections : List.of());
            group.addAll(hazardEvents.subList(from, from + size));
            result.add(group);
            from += size;
        }
        return result;
    }

    /** The reader's loop over the groups, with what it keeps across them: the lease's renewal and the stall watch. */
    private final class Reading {

        private final long total;
        private final Pipeline pipeline;
        private Instant lastProgress = clock.instant();
        private Instant renewed = clock.instant();

        Reading(long total, Pipeline pipeline) {
            this.total = total;
            this.pipeline = pipeline;
        }

        /** Reads the group's partitions (assigned, at their beginning) to their end offsets, handing chunks to the pipeline. */
        void group(KafkaConsumer<ByteBuffer, ByteBuffer> consumer, List<TopicPartition> group, Map<TopicPartition, Long> end) {
            List<TopicPartition> done = new ArrayList<>();
            List<ConsumerRecord<ByteBuffer, ByteBuffer>> chunk = newChunk();
            lastProgress = clock.instant();
            while (true) {
                if (stopping) {
                    throw new IllegalStateException("the service is shutting down with " + (total - pipeline.read) + " records still due");
                }
                if (Duration.between(renewed, clock.instant()).compareTo(RENEW_EVERY) >= 0) {
                    if (!lease.renew()) {
                        throw new IllegalStateException("the rebuild lease ran out and another instance took it over");
                    }
                    renewed = clock.instant();
                }
                for (TopicPartition tp : group) {
                    if (!done.contains(tp) && consumer.position(tp) >= end.get(tp)) {
                        done.add(tp);
                        consumer.pause(List.of(tp)); // records after the target belong to the live consumers
                    }
                }
                if (done.size() == group.size()) {
                    break;
                }
                ConsumerRecords<ByteBuffer, ByteBuffer> records = consumer.poll(Duration.ofMillis(500));
                int due = 0;
                for (TopicPartition tp : records.partitions()) { // a partition at a time: its end offset looked up once, not per record
                    long target = end.get(tp);
                    for (ConsumerRecord<ByteBuffer, ByteBuffer> r : records.records(tp)) {
                        if (r.offset() < target) {
                            chunk.add(r);
                            due++;
                        }
                    }
                }
                if (due > 0) {
                    lastProgress = clock.instant();
                } else if (chunk.isEmpty()
                        && Duration.between(lastProgress, clock.instant()).compareTo(config.rebuild().stallTimeout()) > 0) {
                    throw new IllegalStateException("no record read for " + config.rebuild().stallTimeout() + " with "
                            + (total - pipeline.read) + " still due");
                }
                if (chunk.size() >= config.rebuild().batchSize() || (due == 0 && !chunk.isEmpty())) {
                    pipeline.next(chunk);
                    chunk = newChunk();
                }
            }
            if (!chunk.isEmpty()) {
                pipeline.next(chunk);
            }
        }

        /** Sized for the largest chunk (under a batch, plus a poll of at most a batch): it never grows by copying. */
        private List<ConsumerRecord<ByteBuffer, ByteBuffer>> newChunk() {
            return new ArrayList<>(2 * config.rebuild().batchSize());
        }
    }

    /**
     * The hazards of each group written one group after the other, each in its own transaction
     * ({@link #writeHazards}), beside the reading of the next group.
     */
    private final class HazardWrites implements AutoCloseable {

        private CompletableFuture<Long> refused = CompletableFuture.completedFuture(0L);

        void add(RebuildHazards hazards) {
            if (hazards.size() == 0) {
                return;
            }
            if (refused.isCompletedExceptionally()) {
                join(refused); // a write failed: the rebuild fails now, not after reading the rest
            }
            refused = refused.thenApplyAsync(before -> {
                long t0 = System.nanoTime();
                long more = writeHazards(hazards);
                LOG.infof("rebuild wrote %d hazards in %d ms", hazards.size(), (System.nanoTime() - t0) / 1_000_000);
                return before + more;
            }, executor);
        }

        long awaitAll() {
            return join(refused);
        }

        /** A write still running (the rebuild failed) is waited for, so none outlives the lease. */
        @Override
        public void close() {
            try {
                refused.join();
            } catch (RuntimeException ignored) {
                // the rebuild has failed already, or fails on this write's own failure in awaitAll
            }
        }
    }

    /**
     * Three stages at once: while the reader polls the next records, the previous chunk is decoded on
     * every core ({@link #DECODERS} slices, merged in log order) and the one before is taken in by one
     * writer: its hazards into {@link #hazards} (the newest version of each, across the whole log), the
     * rest written in a transaction, if there is any. At most three chunks are held. Batches are taken in
     * one after the other, in log order: {@link RebuildHazards} keeps the first of equal versions, as the
     * version rule keeps the first applied; for the rest the order does not matter for the result (every
     * fact upsert is guarded by its ordering rule), but it keeps the writes to one connection and one lock order.
     */
    private final class Pipeline implements AutoCloseable {

        private final long total;
        private final ExecutorService decoders = Executors.newFixedThreadPool(DECODERS, new ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "scoring-rebuild-decode-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
        private CompletableFuture<RebuildBatch> decoding;
        /** Only the take-in stage touches these two, one batch at a time. */
        private RebuildHazards hazards = new RebuildHazards();
        private final Set<String> ensured = new HashSet<>();
        private CompletableFuture<Long> writing;
        private int writingRecords;
        long read;
        long skipped;

        Pipeline(long total) {
            this.total = total;
        }

        /** Hands a chunk of records to the decoders, and the chunk decoded before it to the writer. */
        void next(List<ConsumerRecord<ByteBuffer, ByteBuffer>> chunk) {
            if (decoding != null) {
                write(join(decoding));
            }
            int slices = Math.min(DECODERS, Math.max(1, chunk.size() / 500));
            int size = (chunk.size() + slices - 1) / slices;
            CompletableFuture<RebuildBatch> merged = null;
            for (int from = 0; from < chunk.size(); from += size) {
                List<ConsumerRecord<ByteBuffer, ByteBuffer>> slice = chunk.subList(from, Math.min(chunk.size(), from + size));
                CompletableFuture<RebuildBatch> decoded = CompletableFuture.supplyAsync(() -> decode(slice), decoders);
                merged = merged == null ? decoded : merged.thenCombine(decoded, (earlier, later) -> {
                    earlier.addLater(later);
                    return earlier;
                });
            }
            decoding = merged;
        }

        private void write(RebuildBatch batch) {
            awaitWrite();
            writingRecords = batch.records;
            writing = CompletableFuture.supplyAsync(() -> IndexRebuild.this.takeIn(batch, hazards, ensured), executor);
        }

        private void awaitWrite() {
            if (writing != null) {
                skipped += join(writing);
                read += writingRecords;
                writing = null;
                update(read, total, skipped);
            }
        }

        /** The hazards taken in since the last call (call after {@link #finish}), and a new table for the ones to come. */
        RebuildHazards takeHazards() {
            RebuildHazards taken = hazards;
            hazards = new RebuildHazards();
            return taken;
        }

        /** Decodes and takes in what is left, waiting for the last take-in. */
        void finish() {
            if (decoding != null) {
                write(join(decoding));
                decoding = null;
            }
            awaitWrite();
        }

        /** Stops the decoders; a write still running (the rebuild failed) is waited for, so none outlives the lease. */
        @Override
        public void close() {
            decoders.shutdownNow();
            if (writing != null) {
                try {
                    writing.join();
                } catch (RuntimeException ignored) {
                    // the rebuild has failed already; this write's own failure adds nothing
                }
            }
        }
    }

    /** The future's result, or its failure as thrown by the work itself. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Decodes records into a batch; a record that cannot be decoded is skipped and counted (poison). */
    RebuildBatch decode(List<ConsumerRecord<ByteBuffer, ByteBuffer>> records) {
        return RebuildBatch.decode(records, config.periodZone());
    }

    /**
     * Takes a decoded batch in: its hazards into {@code hazards}, the rest (and the counties met for the
     * first time) written in one transaction; returns how many records were skipped (poison and refused).
     */
    long takeIn(RebuildBatch batch, RebuildHazards hazards, Set<String> ensured) {
        batch.hazards.values().forEach(hazards::add); // one update per hazard in a batch: their order does not matter
        RebuildBatch rest = batch.withoutHazards(ensured);
        long skipped = batch.skipped;
        if (rest.nothingToWrite()) {
            return skipped;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> facts.applyRebuildBatch(rest));
            ensured.addAll(rest.knownCounties.keySet());
        } catch (RuntimeException batchFailure) {
            // one bad row spoils the batch: redo it update by update, in log order, and skip what the database refuses (as the DLQ would);
            // a hazard's part here is only to make sure of its county (the fact itself is written at the end)
            LOG.warnf("rebuild batch failed (%s); applying its %d updates one by one", batchFailure.getMessage(), batch.inOrder.size());
            for (FactUpdate u : batch.inOrder) {
                RebuildBatch one;
                if (u instanceof FactUpdate.HazardUpdate h) {
                    if (ensured.contains(h.countyCode())) {
                        continue;
                    }
                    one = RebuildBatch.ensuring(new Object[]{h.countyCode(), h.city(), h.province()});
                } else {
                    one = RebuildBatch.of(u);
                }
                try {
                    QuarkusTransaction.requiringNew().run(() -> facts.applyRebuildBatch(one));
                    if (u instanceof FactUpdate.HazardUpdate h) {
                        ensured.add(h.countyCode());
                    }
                } catch (RuntimeException e) {
                    skipped++;
                    LOG.warnf("rebuild skips %s: %s", u, e.getMessage());
                }
            }
        }
        return skipped;
    }

    /**
     * Writes the hazards read (the newest version of each) in one transaction; if the database refuses
     * that, in slices, and one by one within a slice it refuses, skipping what it refuses (which
     * {@link RebuildBatch#refusedByDatabase} leaves out beforehand). @return how many were skipped
     */
    long writeHazards(RebuildHazards hazards) {
        if (hazards.size() == 0) {
            return 0;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> facts.writeRebuiltHazards(hazards));
            return 0;
        } catch (RuntimeException failure) {
            LOG.warnf("writing the rebuilt hazards at once failed (%s); writing them in slices", failure.getMessage());
        }
        long skipped = 0;
        List<RebuildHazards.Row> rows = hazards.rows();
        for (int from = 0; from < rows.size(); from += 5_000) {
            List<RebuildHazards.Row> slice = rows.subList(from, Math.min(rows.size(), from + 5_000));
            try {
                QuarkusTransaction.requiringNew().run(() -> facts.upsertHazardRows(slice));
            } catch (RuntimeException sliceFailure) {
                for (RebuildHazards.Row row : slice) {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> facts.upsertHazardRows(List.of(row)));
                    } catch (RuntimeException e) {
                        skipped++;
                        LOG.warnf("rebuild skips hazard %s: %s", row, e.getMessage());
                    }
                }
            }
        }
        return skipped;
    }

    private void update(long read, long total, long skipped) {
        RebuildProgress p = progress;
        progress = new RebuildProgress(p.state(), read, total, skipped, null, p.startedAt(), null, null);
    }
}
