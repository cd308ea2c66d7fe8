package io.rectify.reliability;

import io.rectify.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Waiting, bounded, until the stack has settled after a scenario's load: what the invariants are read after. */
final class Settling {

    static final List<String> SERVICES = List.of("inspection-service", "hazard-service", "scoring-service", "notification-service");

    private final Settings settings;
    private final Evidence evidence;

    Settling(Settings settings, Evidence evidence) {
        this.settings = settings;
        this.evidence = evidence;
    }

    /** Until every outbox is empty and every consumer group is at the end of its topics (bounded). */
    void drain() throws Exception {
        Instant deadline = Instant.now().plus(settings.drainLimit());
        Instant lastLog = Instant.EPOCH;
        while (true) {
            long pending = 0;
            for (String svc : SERVICES) {
                pending += evidence.count(svc, "select count(*) from outbox_event where published_at is null");
            }
            long lag = evidence.lag("hazard-service", Topics.INSPECTION_EVENTS)
                    + evidence.lag("scoring-service", Topics.INSPECTION_EVENTS)
                    + evidence.lag("scoring-service", Topics.HAZARD_EVENTS)
                    + evidence.lag("notification-service", Topics.HAZARD_EVENTS);
            if (pending == 0 && lag == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not settled after " + settings.drainLimit() + ": " + pending
                        + " outbox rows unpublished, consumer lag " + lag);
            }
            if (Duration.between(lastLog, Instant.now()).toSeconds() >= 10) {
                Suite.log("draining: " + pending + " outbox rows unpublished, consumer lag " + lag);
                lastLog = Instant.now();
            }
            Thread.sleep(1000);
        }
    }

    /** Until notification-service has no delivery of this scenario left pending (bounded: 2 minutes). */
    void awaitDeliveries(Fixture fixture) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long pending;
        while ((pending = evidence.count("notification-service",
                "select count(*) from notification where status = 'PENDING' and county_code = any(?)",
                (Object) fixture.counties().toArray(String[]::new))) > 0 && Instant.now().isBefore(deadline)) {
            Suite.log("waiting for " + pending + " pending deliveries");
            Fixture.sleep(5_000);
        }
    }

}
