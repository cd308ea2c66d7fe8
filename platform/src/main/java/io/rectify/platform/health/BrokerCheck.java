package io.rectify.platform.health;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Readiness fails when the broker cannot be reached — for every service, including one without consumers
 * (whose outbox would only grow). Asks for the cluster's nodes with a short timeout, so a probe never
 * hangs while the broker is away (the Kafka client's own check waited longer than a probe does), and
 * remembers the answer for a few seconds, so frequent probes do not each ask the broker.
 */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    private static final long TIMEOUT_MS = 3_000;
    private static final long REMEMBER_MS = 5_000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    io.rectify.platform.kafka.KafkaClientSettings kafka;

    private Admin admin;
    private volatile HealthCheckResponse last;
    private volatile long lastAt;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse remembered = last;
        if (remembered != null && System.currentTimeMillis() - lastAt < REMEMBER_MS) {
            return remembered;
        }
        HealthCheckResponse now = ask();
        last = now;
        lastAt = System.currentTimeMillis();
        return now;
    }

    private HealthCheckResponse ask() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS + 500, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("bootstrap", bootstrapServers).withData("nodes", nodes).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("kafka").down().withData("bootstrap", bootstrapServers)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka.connectionWith(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "rectify-readiness",
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000)));
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent ignored) {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
            admin = null;
        }
    }
}
