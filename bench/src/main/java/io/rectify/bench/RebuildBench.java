package io.rectify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.contracts.Topics;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.data.EventPublisher;
import io.rectify.scenarios.data.HazardEventGenerator;
import io.rectify.scenarios.data.SyntheticCounty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * P3: {@code generate-events} fills {@code <prefix>hazard.events} with a seeded history (batched producer);
 * {@code rebuild} asks scoring-service to rebuild every county index from the log and follows it to the end.
 */
final class RebuildBench {

    private RebuildBench() {
    }

    static void generate(Options o) {
        long events = o.number("events", 1_000_000);
        List<SyntheticCounty> counties = SyntheticCounty.of(o.text("prefix", "RB"), o.integer("counties", 100));
        Instant origin = Setup.origin(o);
        // hazards of the current year (Asia/Shanghai periods): at most the days since 1 January, so one period
        int days = Math.max(1, ZonedDateTime.ofInstant(origin, ZoneId.of("Asia/Shanghai")).getDayOfYear() - 1);
        HazardEventGenerator generator = new HazardEventGenerator(Setup.seed(o), counties, origin, Math.min(days, 300));
        long t0 = System.nanoTime();
        try (EventPublisher publisher = new EventPublisher(o.text("bootstrap", "127.0.0.1:9092"))) {
            publisher.publish(o.text("topic-prefix", "bench.") + Topics.HAZARD_EVENTS, generator, events);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Report.info("%d events of %d hazards over %d counties published in %.1f s", events, generator.hazards(), counties.size(), seconds);
        Report.result("p3.generated", events);
        Report.result("p3.hazards", generator.hazards());
        Report.result("p3.generate_rate", events / seconds);
    }

    static void rebuild(Options o) throws Exception {
        Api api = new Api(o.text("url", "http://127.0.0.1:9183"), Setup.adminToken(o));
        Duration timeout = o.seconds("timeout", 1200);
        JitClock jit = new JitClock(o.number("pid", 0));
        warmUp(api, timeout, o, jit);
        JitClock.Mark start = jit.mark();
        Rebuild r = rebuildOnce(api, timeout);
        Report.result("p3.events", r.events());
        Report.result("p3.skipped", r.last().path("eventsSkipped").asLong());
        Report.result("p3.counties_changed", r.last().path("countiesChanged").asLong());
        Report.result("p3.seconds", r.seconds());
        Report.result("p3.read_seconds", r.readSeconds());
        Report.result("p3.rate", r.events() / r.seconds());
        // the share of a core the service's JIT compiler took while it rebuilt
        Report.result("p3.jit_cores", jit.coresSince(start));
    }

    /**
     * {@code --warmup-rounds N}: whole rebuilds of the same log before the measured one, as P1 and P4 warm their
     * service up. The service has just started, and in a cold rebuild its JIT compiler threads took 0.42-0.45 of a core
     * of the two (2026-12-06), compiling the Kafka fetch path and the JSON parser that a service in use has compiled
     * long before its operator asks for a rebuild. Rounds go on until the compiler threads took at most
     * {@link JitClock#SETTLED} of a core in one, {@code N} at most; their figures are reported apart ({@code p3.warmup_*}).
     */
    private static void warmUp(Api api, Duration timeout, Options o, JitClock jit) throws Exception {
        JitClock.Settled settled = jit.settle("rebuild", o.integer("warmup-rounds", 0), n -> {
            Rebuild r = rebuildOnce(api, timeout);
            Report.result("p3.warmup_" + n + "_seconds", r.seconds());
            return String.format("%d events in %.1f s", r.events(), r.seconds());
        });
        if (settled.rounds() > 0) {
            Report.result("p3.warmup_rounds", settled.rounds());
            Report.result("p3.warmup_last_jit_cores", settled.lastCores());
        }
    }

    /** One rebuild followed to its end: the last progress answer, its events, its time and the time its reading took. */
    private record Rebuild(JsonNode last, long events, double seconds, double readSeconds) {
    }

    private static Rebuild rebuildOnce(Api api, Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        api.post("/api/v1/admin/rebuild", null);
        long deadline = t0 + timeout.toNanos();
        Double readSeconds = null;
        JsonNode p;
        while (true) {
            p = api.get("/api/v1/admin/rebuild");
            String state = p.path("state").asText();
            long read = p.path("eventsRead").asLong();
            long total = p.path("eventsTotal").asLong();
            if (readSeconds == null && total > 0 && read >= total) {
                readSeconds = (System.nanoTime() - t0) / 1e9;
                Report.info("all %d events read after %.1f s; recomputing", total, readSeconds);
            }
            if (state.equals("DONE") || state.equals("FAILED")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild not done after " + timeout + ": " + p);
            }
            Thread.sleep(250);
        }
        if (p.path("state").asText().equals("FAILED")) {
            throw new IllegalStateException("rebuild failed: " + p);
        }
        Instant started = Instant.parse(p.path("startedAt").asText());
        Instant finished = Instant.parse(p.path("finishedAt").asText());
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        return new Rebuild(p, p.path("eventsTotal").asLong(), seconds, readSeconds == null ? seconds : readSeconds);
    }
}
