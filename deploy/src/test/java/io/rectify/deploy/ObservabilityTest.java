package io.rectify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expression of the Prometheus rules and of the Grafana dashboard in deploy/observability names only
 * metrics the services expose. The exposed names are read from the services' and the platform's code
 * ({@link ExposedMetrics}: every meter they register, named as Micrometer's Prometheus registry writes it),
 * so a renamed or removed meter breaks this test instead of silently emptying an alert.
 */
class ObservabilityTest {

    /**
     * Metrics that work merged beside this one provides (the audit-chain verification of the hash-chained
     * audit trails): listed so that the rules can reference them before that code is in this tree. A name
     * here that the code does expose is simply found; remove it from the list then.
     */
    private static final Set<String> PROVIDED_ELSEWHERE = Set.of("rectify_audit_chain_broken");

    private static Path root;
    private static Set<String> exposed;

    @BeforeAll
    static void load() throws IOException {
        root = Path.of("").toAbsolutePath().getParent(); // Maven runs the tests in deploy/
        exposed = ExposedMetrics.of(root);
    }

    @Test
    void theCodeScanFindsTheMetersItShould() {
        // guards against a scan that finds nothing and lets every expression pass
        assertThat(exposed).contains("rectify_outbox_backlog", "rectify_outbox_oldest_age_seconds", "rectify_consumer_lag",
                "rectify_notification_deliveries_total", "rectify_chases_active", "rectify_hazards_open", "rectify_hazards_overdue",
                "rectify_scoring_recompute_seconds_count", "rectify_consumer_dead_lettered_total", "up");
    }

    @Test
    void everyAlertingRuleNamesExposedMetrics() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("deploy/observability/prometheus/rectify-alerts.yml").toFile());
        Map<String, String> expressions = new TreeMap<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                assertThat(rule.has("alert")).as("a rule without a name in group %s", group.get("name")).isTrue();
                expressions.put(rule.get("alert").asText(), rule.get("expr").asText());
            }
        }
        assertThat(expressions.keySet()).contains("RectifyServiceDown", "RectifyOutboxBacklogGrowing", "RectifyConsumerLag",
                "RectifyDeliveriesFailing", "RectifyMajorHazardPastCityEscalation", "RectifyAuditChainBroken");
        assertNamesExposed(expressions);
    }

    @Test
    void everyDashboardQueryNamesExposedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(root.resolve("deploy/observability/grafana/rectify-dashboard.json").toFile());
        Map<String, String> expressions = new TreeMap<>();
        for (JsonNode panel : dashboard.get("panels")) {
            int i = 0;
            for (JsonNode target : panel.path("targets")) {
                expressions.put(panel.get("title").asText() + " #" + i++, target.get("expr").asText());
            }
        }
        assertThat(expressions).hasSizeGreaterThan(10);
        assertNamesExposed(expressions);
    }

    private static void assertNamesExposed(Map<String, String> expressions) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            Set<String> names = PromQl.metricNames(e.getValue());
            assertThat(names).as("metrics of %s", e.getKey()).isNotEmpty();
            for (String name : names) {
                if (!exposed.contains(name) && !PROVIDED_ELSEWHERE.contains(name)) {
                    unknown.add(e.getKey() + ": " + name);
                }
            }
        }
        assertThat(unknown).as("metrics no service exposes (exposed: %s)", new TreeSet<>(exposed)).isEmpty();
    }

    @Test
    void promQlNamesAreTellFromFunctionsLabelsAndDurations() {
        assertThat(PromQl.metricNames("sum by (channel) (increase(rectify_x_total{outcome=\"failed\",channel!=\"NONE\"}[30m])) "
                + "/ clamp_min(sum by (channel) (increase(rectify_x_total[30m])), 1) > 0.2"))
                .containsExactly("rectify_x_total");
        assertThat(PromQl.metricNames("up{job=~\"rectify-.*\"} == 0 and on (job) max(rectify_y) > 1e-9"))
                .containsExactlyInAnyOrder("up", "rectify_y");
    }

    static Stream<Path> javaSources(Path module) throws IOException {
        Path src = module.resolve("src/main/java");
        return Files.isDirectory(src) ? Files.walk(src).filter(p -> p.toString().endsWith(".java")) : Stream.empty();
    }
}
