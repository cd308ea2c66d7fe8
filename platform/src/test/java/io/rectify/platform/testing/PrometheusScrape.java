package io.rectify.platform.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Reads one sample of {@code /q/metrics} (Prometheus text format) by metric name and labels. */
public final class PrometheusScrape {

    /**
     * A sample: name, labels, value, and what may follow the value — a timestamp, and with tracing on an
     * exemplar ({@code # {trace_id="…",span_id="…"} 1.0}) on a counter incremented inside a span.
     */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s+(\\S+)(\\s+-?\\d+)?(\\s+#.*)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private PrometheusScrape(String text) {
        this.text = text;
    }

    /** Scrapes the service under test now. */
    public static PrometheusScrape now() {
        return new PrometheusScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The value of the sample with this name whose labels include {@code labels}; {@code null} when none. */
    public Double value(String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.trim());
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new java.util.HashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    found.put(l.group(1), l.group(2));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                return Double.parseDouble(m.group(4));
            }
        }
        return null;
    }

    /** As {@link #value} with 0 for a sample that is not there (a counter never incremented). */
    public double valueOrZero(String name, Map<String, String> labels) {
        Double v = value(name, labels);
        return v == null ? 0 : v;
    }
}
