package io.rectify.bench;

import io.rectify.contracts.CloudEvent;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.data.EventPublisher;
import io.rectify.scenarios.data.GeneratedEvent;
import io.rectify.scenarios.data.SyntheticCounty;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * {@code counties --prefix P1AB --count 10}: registers synthetic counties the way inspection-service does
 * (CountyRegistered on {@code <topic-prefix>inspection.events}) and waits until hazard-service knows every
 * one of them (its county summary answers 200), so reports in those counties are accepted.
 */
final class CountySetup {

    private CountySetup() {
    }

    static void run(Options o) throws Exception {
        List<SyntheticCounty> counties = SyntheticCounty.of(o.text("prefix"), o.integer("count", 10));
        register(o, counties);
        Report.result("counties", String.join(",", counties.stream().map(SyntheticCounty::code).toList()));
    }

    static void register(Options o, List<SyntheticCounty> counties) throws Exception {
        Instant now = Instant.now();
        Iterator<GeneratedEvent> events = counties.stream().map(c -> {
            var payload = c.registered(now);
            return GeneratedEvent.of(new CloudEvent(UUID.randomUUID(), payload.cloudEventType(), "/inspection-service",
                    payload.aggregateId(), now), payload);
        }).iterator();
        try (EventPublisher publisher = new EventPublisher(o.text("bootstrap", "127.0.0.1:9092"))) {
            publisher.publish(o.text("topic-prefix", "bench.") + "inspection.events", events, counties.size());
        }
        Api hazards = new Api(o.text("hazard-url", "http://127.0.0.1:9182"), Setup.agencyToken(o));
        long deadline = System.currentTimeMillis() + 120_000;
        for (SyntheticCounty c : counties) {
            while (true) {
                try {
                    hazards.get("/api/v1/counties/" + c.code() + "/hazard-summary");
                    break;
                } catch (Api.ApiException e) {
                    if (e.status() != 404 || System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        }
        Report.info("%d counties registered and known to hazard-service", counties.size());
    }
}
