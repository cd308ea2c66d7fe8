package io.rectify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.scenarios.data.SyntheticCounty;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P2: a sustained rate of hazard reports and, for each, the time from its {@code 201} to the first
 * {@code county.index} record that counts it.
 * <p>
 * How "counts it" is known: the counties are fresh (a new prefix per run), so their hazard count H starts
 * at zero and only grows; every index document carries H as the denominator of REPEAT_FREE_RATE
 * (1 − |R|/|H|). Reports to one county are sent one at a time (counties in parallel), so the n-th 201 of
 * a county is its n-th committed hazard, and the first record of that county with H ≥ n is the first
 * answer that includes it.
 */
final class Freshness {

    private Freshness() {
    }

    /** One county's reports: when each 201 arrived and how far the index has counted. */
    private static final class CountyTrack {
        final List<Long> acceptedAt = new ArrayList<>();
        long counted;
        int resolved;

        synchronized void accepted(long now, Histogram freshness) {
            acceptedAt.add(now);
            drain(now, freshness);
        }

        synchronized void indexCounts(long h, long now, Histogram freshness) {
            counted = Math.max(counted, h);
            drain(now, freshness);
        }

        private void drain(long now, Histogram freshness) {
            while (resolved < acceptedAt.size() && resolved < counted) {
                freshness.recordValue(Math.max(0, now - acceptedAt.get(resolved)) / 1000);
                resolved++;
            }
        }

        synchronized int unresolved() {
            return acceptedAt.size() - resolved;
        }

        /** Gives up on the rest: records how long they have waited so far (a lower bound). */
        synchronized void giveUp(long now, Histogram freshness) {
            for (int i = resolved; i < acceptedAt.size(); i++) {
                freshness.recordValue((now - acceptedAt.get(i)) / 1000);
            }
        }
    }

    static void run(Options o) throws Exception {
        List<SyntheticCounty> counties = SyntheticCounty.of(o.text("prefix"), o.integer("count", 20));
        double rate = o.integer("rate", 500);
        Duration duration = o.seconds("seconds", 60);
        Duration drainLimit = o.seconds("drain", 30);
        String topic = o.text("topic-prefix", "bench.") + Topics.COUNTY_INDEX;

        Histogram freshness = new Histogram(3_600_000_000L, 3);
        Histogram post = new Histogram(3_600_000_000L, 3);
        Map<String, CountyTrack> tracks = new HashMap<>();
        counties.forEach(c -> tracks.put(c.code(), new CountyTrack()));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong records = new AtomicLong();

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.text("bootstrap", "127.0.0.1:9092"),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-freshness-" + UUID.randomUUID().toString().substring(0, 8)),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, before the first report
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    CountyTrack track = r.key() == null ? null : tracks.get(r.key());
                    if (track == null || r.value() == null) {
                        continue;
                    }
                    records.incrementAndGet();
                    long h = hazardsCounted(r.value());
                    if (h >= 0) {
                        synchronized (freshness) {
                            track.indexCounts(h, System.nanoTime(), freshness);
                        }
                    }
                }
            }
            consumer.close();
        }, "county-index-reader");
        reader.start();

        CountySetup.register(o, counties);

        List<String> bodies = IngestLoad.bodies(counties, counties.size() * 50, Setup.seed(o));
        String token = "Bearer " + Setup.agencyToken(o);
        URI uri = URI.create(o.text("url", "http://127.0.0.1:9182") + "/api/v1/hazards");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long intervalNanos = (long) (counties.size() / rate * 1e9);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> senders = new ArrayList<>();
        for (int ci = 0; ci < counties.size(); ci++) {
            int county = ci;
            CountyTrack track = tracks.get(counties.get(ci).code());
            Thread t = new Thread(() -> {
                // open loop per county, staggered: the k-th report is due at start + offset + k × interval
                long due = start + intervalNanos * county / counties.size();
                int k = 0;
                while (due < end) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    String body = bodies.get((county + counties.size() * k++) % bodies.size());
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .header("Authorization", token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        long now = System.nanoTime();
                        synchronized (freshness) {
                            post.recordValue((now - t0) / 1000);
                            if (status == 201) {
                                track.accepted(now, freshness);
                            }
                        }
                        (status == 201 ? accepted : refused).incrementAndGet();
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                    due += intervalNanos;
                }
            }, "report-" + counties.get(ci).code());
            t.start();
            senders.add(t);
        }
        for (Thread t : senders) {
            t.join();
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long drainUntil = System.nanoTime() + drainLimit.toNanos();
        while (System.nanoTime() < drainUntil && tracks.values().stream().mapToInt(CountyTrack::unresolved).sum() > 0) {
            Thread.sleep(50);
        }
        stop.set(true);
        reader.join();
        int unresolved = tracks.values().stream().mapToInt(CountyTrack::unresolved).sum();
        synchronized (freshness) {
            long now = System.nanoTime();
            tracks.values().forEach(t -> t.giveUp(now, freshness));
        }
        Report.result("p2.accepted", accepted.get());
        Report.result("p2.refused", refused.get());
        Report.result("p2.rate", accepted.get() / sendSeconds);
        Report.result("p2.index_records", records.get());
        Report.result("p2.unresolved", unresolved);
        Report.latencies("p2.freshness", freshness);
        Report.latencies("p2.post", post);
    }

    /** H of the document: REPEAT_FREE_RATE's denominator, or -1 when the document does not carry it. */
    static long hazardsCounted(String json) {
        JsonNode doc = EventJson.read(json, JsonNode.class);
        for (JsonNode indicator : doc.path("indicators")) {
            if ("REPEAT_FREE_RATE".equals(indicator.path("code").asText())) {
                return indicator.path("denominator").asLong();
            }
        }
        return -1;
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
