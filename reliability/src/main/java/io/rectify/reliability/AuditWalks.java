package io.rectify.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Walks every audit trail of every service ({@code GET /api/v1/audit/verification}) while the load runs,
 * every {@code every} seconds, and once more when it is quiet: no chain may ever be found broken. A walk
 * under load is what once reported chains written meanwhile as broken (two snapshots, heads and entries).
 * A walk that gets no answer (its service is down by design) is counted, not judged.
 */
final class AuditWalks implements AutoCloseable {

    private final Map<String, Api> services;
    private final java.time.Duration every;
    private final AtomicLong walks = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final List<String> broken = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;
    private final Thread walker;

    AuditWalks(Map<String, Api> services, java.time.Duration every) {
        this.services = Map.copyOf(services);
        this.every = every;
        walker = new Thread(this::loop, "audit-walks");
        walker.setDaemon(true);
        walker.start();
    }

    private void loop() {
        while (running) {
            Fixture.sleep(every.toMillis());
            if (running) {
                walkAll();
            }
        }
    }

    private void walkAll() {
        services.forEach((name, api) -> {
            try {
                JsonNode v = api.get("/api/v1/audit/verification");
                walks.incrementAndGet();
                for (JsonNode b : v.path("broken")) {
                    broken.add(name + " " + b.path("trail").asText() + " " + b.path("aggregateId").asText() + " at entry "
                            + b.path("brokenAt").asText());
                }
            } catch (RuntimeException e) {
                unanswered.incrementAndGet();
            }
        });
    }

    /** Stops the walks under load, walks once more and records what all of them found. */
    void check(Report report) throws InterruptedException {
        close();
        walker.join(60_000);
        walkAll();
        report.set("audit walks (every trail of a service)", walks.get());
        report.set("audit walks unanswered (service down)", unanswered.get());
        report.set("audit chains found broken (must be 0)", broken.size());
        synchronized (broken) {
            for (String b : broken) {
                report.violation("audit chain found broken", b);
            }
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
