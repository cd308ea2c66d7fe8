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
        JitClock.Mark start = jit.mark();
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
        long total = p.path("eventsTotal").asLong();
        Report.result("p3.events", total);
        Report.result("p3.skipped", p.path("eventsSkipped").asLong());
        Report.result("p3.counties_changed", p.path("countiesChanged").asLong());
        Report.result("p3.seconds", seconds);
        Report.result("p3.read_seconds", readSeconds == null ? seconds : readSeconds);
        Report.result("p3.rate", total / seconds);
        // the share of a core the service's JIT compiler took while it rebuilt (it starts just before)
        Report.result("p3.jit_cores", jit.coresSince(start));
    }
}
