package io.rectify.scoring.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The index over time as a column chart for the printed report: one column per day (the day's last
 * index), at most {@link #MAX_COLUMNS} of the latest days, heights in millimetres on a 0–100 scale.
 * Drawn by the template as boxes, so it stays vector in the PDF.
 */
public record IndexChart(List<Column> columns, BigDecimal min, BigDecimal max) {

    public static final int MAX_COLUMNS = 40;
    /** The plot's height for an index of 100. */
    public static final BigDecimal HEIGHT_MM = BigDecimal.valueOf(30);

    /** One day: its index and the bar's height; {@code label} only on some columns, so the axis stays readable. */
    public record Column(LocalDate day, BigDecimal index, BigDecimal heightMm, BigDecimal gapMm, String label) {
    }

    public record Point(LocalDate day, BigDecimal index) {
    }

    /** @param daily the last index of each day, oldest first; days without an index (NO_DATA) are left out */
    public static IndexChart of(List<Point> daily) {
        List<Point> shown = daily.stream().filter(p -> p.index() != null).toList();
        if (shown.size() > MAX_COLUMNS) {
            shown = shown.subList(shown.size() - MAX_COLUMNS, shown.size());
        }
        int every = Math.max(1, (int) Math.ceil(shown.size() / 8.0));
        java.util.ArrayList<Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Point p = shown.get(i);
            BigDecimal height = HEIGHT_MM.multiply(p.index()).divide(BigDecimal.valueOf(100), 1, java.math.RoundingMode.HALF_UP);
            boolean labelled = i % every == 0 || i == shown.size() - 1;
            columns.add(new Column(p.day(), p.index(), height, HEIGHT_MM.subtract(height),
                    labelled ? p.day().toString().substring(5) : ""));
        }
        BigDecimal min = shown.stream().map(Point::index).min(BigDecimal::compareTo).orElse(null);
        BigDecimal max = shown.stream().map(Point::index).max(BigDecimal::compareTo).orElse(null);
        return new IndexChart(List.copyOf(columns), min, max);
    }

    public boolean empty() {
        return columns.isEmpty();
    }
}
