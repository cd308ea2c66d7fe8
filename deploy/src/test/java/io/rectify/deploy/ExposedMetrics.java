package io.rectify.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the services expose, read from the code of the services and the platform: every meter
 * registered through Micrometer ({@code registry.counter("rectify.x")}, {@code Timer.builder(…)}, the
 * platform's {@code GaugeRows}, …), written as the Prometheus registry writes it (dots to underscores,
 * {@code _total} for counters, {@code _seconds_count|_sum|_max} for timers), plus Prometheus' own {@code up}.
 */
final class ExposedMetrics {

    private static final List<String> MODULES = List.of("platform", "inspection-service", "hazard-service", "scoring-service", "notification-service");
    private static final String NAME = "\\s*\"(rectify\\.[a-z0-9_.]+)\"";
    private static final Pattern COUNTER = Pattern.compile("(?:\\.counter\\(|Counter\\.builder\\()" + NAME);
    private static final Pattern TIMER = Pattern.compile("(?:\\.timer\\(|Timer\\.builder\\()" + NAME);
    private static final Pattern SUMMARY = Pattern.compile("(?:\\.summary\\(|DistributionSummary\\.builder\\()" + NAME);
    private static final Pattern GAUGE = Pattern.compile("(?:\\.gauge\\(|(?<!Multi)Gauge\\.builder\\(|MultiGauge\\.builder\\(|new GaugeRows\\(\\s*\\w+\\s*,)" + NAME);

    private ExposedMetrics() {
    }

    static Set<String> of(Path root) throws IOException {
        Set<String> names = new TreeSet<>(Set.of("up"));
        for (String module : MODULES) {
            try (var sources = ObservabilityTest.javaSources(root.resolve(module))) {
                sources.forEach(file -> scan(read(file), names));
            }
        }
        return names;
    }

    static void scan(String code, Set<String> names) {
        each(COUNTER, code, n -> names.add(n.endsWith("_total") ? n : n + "_total"));
        each(TIMER, code, n -> List.of("_seconds_count", "_seconds_sum", "_seconds_max").forEach(s -> names.add(n + s)));
        each(SUMMARY, code, n -> List.of("_count", "_sum", "_max").forEach(s -> names.add(n + s)));
        each(GAUGE, code, names::add);
    }

    private static void each(Pattern p, String code, java.util.function.Consumer<String> add) {
        Matcher m = p.matcher(code);
        while (m.find()) {
            add.accept(m.group(1).replace('.', '_'));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
