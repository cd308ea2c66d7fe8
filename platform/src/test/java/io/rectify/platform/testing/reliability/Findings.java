package io.rectify.platform.testing.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a scenario tried and what it found, as figures; printed to the test output. */
public final class Findings {

    private final String scenario;
    private int sent;
    private final Map<String, Integer> perCategory = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int operations;
    private final long started = System.nanoTime();
    private long elapsedMillis = -1;

    public Findings(String scenario) {
        this.scenario = scenario;
    }

    void operations(int n) {
        operations = n;
    }

    void sent(String category, Answer answer) {
        sent++;
        perCategory.merge(category, 1, Integer::sum);
        statuses.merge(answer.status(), 1, Integer::sum);
    }

    void violation(String what) {
        violations.add(what);
    }

    void note(String what) {
        notes.add(what);
    }

    public int sent() {
        return sent;
    }

    public int operations() {
        return operations;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public Map<String, Integer> perCategory() {
        return Map.copyOf(perCategory);
    }

    public Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    /** Violations that mention {@code text} (an operation, a category, a role). */
    public List<String> violationsMentioning(String text) {
        return violations.stream().filter(v -> v.contains(text)).toList();
    }

    void finish() {
        elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(scenario).append(": ").append(operations).append(" operations, ").append(sent).append(" requests sent, ")
                .append(violations.size()).append(" violations")
                .append(elapsedMillis >= 0 ? ", " + elapsedMillis + " ms" : "").append('\n');
        sb.append("  per category: ").append(perCategory).append('\n');
        sb.append("  statuses: ").append(statuses).append('\n');
        notes.forEach(n -> sb.append("  note: ").append(n).append('\n'));
        violations.stream().limit(200).forEach(v -> sb.append("  VIOLATION ").append(v).append('\n'));
        if (violations.size() > 200) {
            sb.append("  … and ").append(violations.size() - 200).append(" more violations\n");
        }
        return sb.toString();
    }

    public Findings print() {
        System.out.print(summary());
        return this;
    }
}
