package io.rectify.platform.health;

import io.rectify.platform.metrics.OutboxMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness reports the outbox backlog (rows waiting for Kafka, age of the oldest) so an operator sees at
 * once whether events are stuck. A backlog alone does not make the service unready — the relay catches up
 * when the broker is back, and the broker's own check says whether it is reachable — but a database that
 * cannot be asked does. Liveness depends on neither: restarting a service does not bring its database back.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    @Inject
    OutboxMetrics outbox;

    @Override
    public HealthCheckResponse call() {
        try {
            OutboxMetrics.Backlog backlog = outbox.read();
            return HealthCheckResponse.named("outbox").up()
                    .withData("backlog", backlog.rows())
                    .withData("oldestAgeSeconds", Math.round(backlog.oldestAgeSeconds()))
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("outbox").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
