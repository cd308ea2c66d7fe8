package io.rectify.scoring.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a rubric document completely and reports every problem at once (an administrator fixing a
 * rubric should not discover its mistakes one PUT at a time). Pure: no Quarkus, no database.
 */
public final class RubricValidator {

    /** Safe in a URL path and short enough for the documents that carry it. */
    public static final Pattern VERSION = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$");

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1000);
    /** A threshold beyond ten years would never fire: surely a typo. */
    static final Duration MAX_THRESHOLD = Duration.ofDays(3650);

    /** One problem, named by its JSON path in the document (e.g. {@code indicators[2].weight}). */
    public record Problem(String field, String message) {
    }

    private RubricValidator() {
    }

    /**
     * @param version the version the document is stored under (the path of a PUT); the document's own
     *                {@code version}, when given, must agree with it
     */
    public static List<Problem> validate(String version, RubricDocument document) {
        List<Problem> problems = new ArrayList<>();
        if (version == null || !VERSION.matcher(version).matches()) {
            problems.add(new Problem("version", "must be 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (document == null) {
            problems.add(new Problem("", "a rubric document is required"));
            return problems;
        }
        if (document.version() != null && version != null && !document.version().equals(version)) {
            problems.add(new Problem("version", "the document says " + document.version() + " but is stored as " + version));
        }
        if (document.description() != null && document.description().length() > 2000) {
            problems.add(new Problem("description", "must be at most 2000 characters"));
        }
        indicators(document.indicators(), problems);
        deductions(document.deductions(), problems);
        demonstration(document.demonstration(), problems);
        return problems;
    }

    private static void indicators(List<RubricDocument.IndicatorRule> indicators, List<Problem> problems) {
        if (indicators == null || indicators.isEmpty()) {
            problems.add(new Problem("indicators", "at least one indicator is required"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            String at = "indicators[" + i + "]";
            RubricDocument.IndicatorRule rule = indicators.get(i);
            if (rule == null) {
                problems.add(new Problem(at, "must not be null"));
                continue;
            }
            if (rule.code() == null) {
                problems.add(new Problem(at + ".code", "is required"));
            } else if (!IndicatorCode.known(rule.code())) {
                problems.add(new Problem(at + ".code", "unknown indicator " + rule.code() + "; known: " + List.of(IndicatorCode.values())));
            } else if (!seen.add(rule.code())) {
                problems.add(new Problem(at + ".code", "indicator " + rule.code() + " appears more than once"));
            }
            if (rule.weight() == null) {
                problems.add(new Problem(at + ".weight", "is required"));
            } else if (rule.weight().signum() <= 0 || rule.weight().compareTo(MAX_WEIGHT) > 0) {
                problems.add(new Problem(at + ".weight", "must be greater than 0 and at most 1000"));
            }
        }
    }

    private static void deductions(List<RubricDocument.DeductionRule> deductions, List<Problem> problems) {
        if (deductions == null) {
            return; // a rubric without deductions is allowed
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < deductions.size(); i++) {
            String at = "deductions[" + i + "]";
            RubricDocument.DeductionRule rule = deductions.get(i);
            if (rule == null) {
                problems.add(new Problem(at, "must not be null"));
                continue;
            }
            DeductionCode code = null;
            if (rule.code() == null) {
                problems.add(new Problem(at + ".code", "is required"));
            } else if (!DeductionCode.known(rule.code())) {
                problems.add(new Problem(at + ".code", "unknown deduction " + rule.code() + "; known: " + List.of(DeductionCode.values())));
            } else if (!seen.add(rule.code())) {
                problems.add(new Problem(at + ".code", "deduction " + rule.code() + " appears more than once"));
            } else {
                code = DeductionCode.valueOf(rule.code());
            }
            points(at + ".pointsEach", rule.pointsEach(), problems);
            points(at + ".cap", rule.cap(), problems);
            threshold(at + ".threshold", code, rule.threshold(), problems);
        }
    }

    private static void points(String field, BigDecimal value, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(field, "is required"));
        } else if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            problems.add(new Problem(field, "must be between 0 and 100"));
        }
    }

    private static void threshold(String field, DeductionCode code, String threshold, List<Problem> problems) {
        if (code != null && !code.needsThreshold()) {
            if (threshold != null) {
                problems.add(new Problem(field, code + " takes no threshold"));
            }
            return;
        }
        if (threshold == null) {
            if (code != null) {
                problems.add(new Problem(field, "is required for " + code + " (an ISO-8601 duration such as P30D)"));
            }
            return;
        }
        try {
            Duration d = Duration.parse(threshold);
            if (d.isNegative() || d.compareTo(MAX_THRESHOLD) > 0) {
                problems.add(new Problem(field, "must be between P0D and P3650D"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "is not an ISO-8601 duration such as P30D"));
        }
    }

    private static void demonstration(RubricDocument.DemonstrationRule rule, List<Problem> problems) {
        if (rule == null) {
            problems.add(new Problem("demonstration", "the demonstration thresholds are required"));
            return;
        }
        percent("demonstration.minIndex", rule.minIndex(), problems);
        percent("demonstration.minCoverage", rule.minCoverage(), problems);
        if (rule.minSheetScore() != null) {
            percent("demonstration.minSheetScore", rule.minSheetScore(), problems);
        }
    }

    private static void percent(String field, BigDecimal value, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(field, "is required"));
        } else if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            problems.add(new Problem(field, "must be between 0 and 100"));
        }
    }
}
