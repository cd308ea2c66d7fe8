package io.rectify.bench;

import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.EventPayload;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.data.EventPublisher;
import io.rectify.scenarios.data.GeneratedEvent;
import io.rectify.scenarios.data.SyntheticCounty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * {@code counties --prefix P1AB --count 10}: registers synthetic counties the way inspection-service does
 * (CountyRegistered on {@code <topic-prefix>inspection.events}) and waits until hazard-service knows every
 * one of them (its county summary answers 200), with {@link SyntheticCounty#ENTERPRISES} enterprises each
 * (EnterpriseRegistered, until hazard-service's registry holds them), so reports in those counties are accepted.
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
        List<EventPayload> payloads = new ArrayList<>();
        for (SyntheticCounty c : counties) {
            payloads.add(c.registered(now));
            for (int i = 0; i < SyntheticCounty.ENTERPRISES; i++) {
                payloads.add(c.enterpriseRegistered(i, now));
            }
        }
        Iterator<GeneratedEvent> events = payloads.stream().map(payload -> GeneratedEvent.of(new CloudEvent(UUID.randomUUID(),
                payload.cloudEventType(), "/inspection-service", payload.aggregateId(), now), payload)).iterator();
        try (EventPublisher publisher = new EventPublisher(o.text("bootstrap", "127.0.0.1:9092"))) {
            publisher.publish(o.text("topic-prefix", "bench.") + "inspection.events", events, payloads.size());
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
        awaitEnterprises(o, counties, deadline);
        Report.info("%d counties with %d enterprises each registered and known to hazard-service", counties.size(),
                SyntheticCounty.ENTERPRISES);
    }

    /** hazard-service's registry holds every enterprise the reports will name (read from its database: no API lists it). */
    private static void awaitEnterprises(Options o, List<SyntheticCounty> counties, long deadline) throws Exception {
        String[] codes = counties.stream().flatMap(c -> java.util.stream.IntStream.range(0, SyntheticCounty.ENTERPRISES)
                .mapToObj(c::enterprise)).toArray(String[]::new);
        try (Connection db = DriverManager.getConnection(o.text("hazard-jdbc", "jdbc:postgresql://127.0.0.1:5432/rectify_hazard_bench"),
                o.text("db-user", "rectify"), o.text("db-password", "rectify"));
             PreparedStatement known = db.prepareStatement("select count(*) from enterprise where credit_code = any(?)")) {
            known.setArray(1, db.createArrayOf("varchar", codes));
            while (true) {
                try (ResultSet rs = known.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= codes.length) {
                        return;
                    }
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("hazard-service did not learn the " + codes.length + " bench enterprises within 2 minutes");
                }
                Thread.sleep(200);
            }
        }
    }
}
