package io.rectify.reliability;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the reliability stack is and how hard to push it. Every value can be given as a system property
 * ({@code -Dreliability.rate=100}); the defaults match reliability/stack.sh.
 */
public record Settings(Path root, String inspectionUrl, String hazardUrl, String scoringUrl, String notificationUrl,
                       String jdbcBase, String bootstrap, int receiverPort, int rate, int maxInFlight, Duration requestTimeout,
                       Duration steady, Duration kafkaOutage, Duration pgOutage, Duration serviceDown, int counties,
                       int chaseEvery, Duration chaseDueIn, Duration drainLimit, Duration warmUp, int replicas,
                       String kafkaProperties) {

    public static Settings fromSystemProperties() {
        Path root = Path.of(prop("rectify.root", System.getenv().getOrDefault("RECTIFY_ROOT", "."))).toAbsolutePath().normalize();
        return new Settings(root,
                prop("reliability.inspection-url", "http://127.0.0.1:9281"),
                prop("reliability.hazard-url", "http://127.0.0.1:9282"),
                prop("reliability.scoring-url", "http://127.0.0.1:9283"),
                prop("reliability.notification-url", "http://127.0.0.1:9284"),
                prop("reliability.jdbc", "jdbc:postgresql://127.0.0.1:5433"),
                prop("reliability.kafka", "127.0.0.1:29092"),
                Integer.parseInt(prop("reliability.receiver-port", "9290")),
                Integer.parseInt(prop("reliability.rate", "200")),
                Integer.parseInt(prop("reliability.max-in-flight", "128")),
                Duration.parse(prop("reliability.request-timeout", "PT10S")),
                Duration.parse(prop("reliability.steady", "PT20S")),
                Duration.parse(prop("reliability.kafka-outage", "PT30S")),
                Duration.parse(prop("reliability.pg-outage", "PT20S")),
                Duration.parse(prop("reliability.service-down", "PT5S")),
                Integer.parseInt(prop("reliability.counties", "30")),
                Integer.parseInt(prop("reliability.chase-every", "100")),
                Duration.parse(prop("reliability.chase-due-in", "PT25S")),
                Duration.parse(prop("reliability.drain-limit", "PT6M")),
                Duration.parse(prop("reliability.warm-up", "PT20S")),
                Integer.parseInt(prop("reliability.replicas", System.getenv().getOrDefault("RELIABILITY_REPLICAS", "1"))),
                prop("reliability.kafka-properties", ""));
    }

    /** Every instance of the service at {@code firstUrl}: the k-th listens on port + 100*(k-1) (stack.sh). */
    public List<String> instances(String firstUrl) {
        URI first = URI.create(firstUrl);
        List<String> urls = new ArrayList<>();
        for (int k = 0; k < replicas; k++) {
            urls.add(first.getScheme() + "://" + first.getHost() + ":" + (first.getPort() + 100 * k));
        }
        return urls;
    }

    /** The Kafka client settings of a secured broker (R8: the admin user's properties file), empty for plaintext. */
    public Map<String, Object> kafkaSecurity() {
        if (kafkaProperties.isBlank()) {
            return Map.of();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of(kafkaProperties))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + kafkaProperties + ": " + e.getMessage(), e);
        }
        Map<String, Object> settings = new HashMap<>();
        p.forEach((k, v) -> settings.put((String) k, v));
        return settings;
    }

    private static String prop(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    public Path stackScript() {
        return root.resolve("reliability/stack.sh");
    }

    public Path signingKey() {
        return root.resolve("deploy/local/jwt/dev-private.pem");
    }
}
