package io.rectify.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * What a benchmark prints for bench/run.sh: one {@code RESULT <name> <value>} line per figure (parsed
 * into the table) and human-readable lines on stderr.
 */
final class Report {

    private Report() {
    }

    static void result(String name, double value) {
        System.out.printf(Locale.ROOT, "RESULT %s %.3f%n", name, value);
        System.out.flush();
    }

    static void result(String name, String value) {
        System.out.printf(Locale.ROOT, "RESULT %s %s%n", name, value);
        System.out.flush();
    }

    static void info(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }

    /** p50/p95/p99/max of a histogram recorded in microseconds, as milliseconds. */
    static void latencies(String prefix, Histogram micros) {
        result(prefix + ".p50_ms", micros.getValueAtPercentile(50) / 1000.0);
        result(prefix + ".p95_ms", micros.getValueAtPercentile(95) / 1000.0);
        result(prefix + ".p99_ms", micros.getValueAtPercentile(99) / 1000.0);
        result(prefix + ".max_ms", micros.getMaxValue() / 1000.0);
        result(prefix + ".count", micros.getTotalCount());
    }
}
