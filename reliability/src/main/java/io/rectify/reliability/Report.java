package io.rectify.reliability;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario's figures and violations. Figures are printed in the order they were first set; every
 * violation is a reason to exit non-zero. Only the first examples of each kind are kept for printing.
 */
public final class Report {

    private static final int EXAMPLES_PER_KIND = 5;

    private final String scenario;
    private final Map<String, Long> figures = new LinkedHashMap<>();
    private final Map<String, Long> violationCounts = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String scenario) {
        this.scenario = scenario;
    }

    public String scenario() {
        return scenario;
    }

    public synchronized void set(String figure, long value) {
        figures.put(figure, value);
    }

    public synchronized void add(String figure, long delta) {
        figures.merge(figure, delta, Long::sum);
    }

    public synchronized long get(String figure) {
        return figures.getOrDefault(figure, 0L);
    }

    /** A broken invariant of kind {@code kind}; {@code example} says which record or request. */
    public synchronized void violation(String kind, String example) {
        violationCounts.merge(kind, 1L, Long::sum);
        List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_KIND) {
            list.add(example);
        }
    }

    public synchronized void note(String text) {
        notes.add(text);
    }

    public synchronized long violations() {
        return violationCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long violations(String kind) {
        return violationCounts.getOrDefault(kind, 0L);
    }

    public synchronized boolean passed() {
        return violations() == 0;
    }

    public synchronized void print(PrintStream out) {
        out.printf("%n==== %s: %s ====%n", scenario, passed() ? "PASS" : "FAIL (" + violations() + " violations)");
        figures.forEach((k, v) -> out.printf("  %-52s %,d%n", k, v));
        for (String n : notes) {
            out.println("  note: " + n);
        }
        violationCounts.forEach((kind, n) -> {
            out.printf("  VIOLATION %-42s %,d%n", kind, n);
            examples.getOrDefault(kind, List.of()).forEach(e -> out.println("      e.g. " + e));
        });
    }
}
