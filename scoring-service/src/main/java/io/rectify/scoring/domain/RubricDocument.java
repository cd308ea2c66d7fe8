package io.rectify.scoring.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rubric as written: the shipped {@code rubrics/<version>.json}, the body of
 * {@code PUT /api/v1/rubrics/{version}} and what the {@code rubric} table stores. Codes and
 * thresholds stay text here so that {@link RubricValidator} can name every unknown one instead of
 * failing on the first; {@link Rubric#of} turns a valid document into the calculator's form.
 */
public record RubricDocument(
        String version,
        String description,
        List<IndicatorRule> indicators,
        List<DeductionRule> deductions,
        DemonstrationRule demonstration) {

    /** @param weight relative weight (> 0); weights are renormalised over the applicable indicators */
    public record IndicatorRule(String code, BigDecimal weight) {
    }

    /**
     * @param pointsEach points per counted hazard (≥ 0)
     * @param cap        most points the deduction may take (≥ 0)
     * @param threshold  ISO-8601 duration, only for deductions measured against one (LONG_OVERDUE_GENERAL)
     */
    public record DeductionRule(String code, BigDecimal pointsEach, BigDecimal cap, String threshold) {
    }

    /**
     * @param minIndex    the index a demonstration county needs (0–100)
     * @param minCoverage the COVERAGE score it needs (0–100)
     * @param minSheetScore the scoring-sheet score it needs (0–100); absent: the sheet does not count for
     *                    eligibility (rubric 2024.1)
     */
    public record DemonstrationRule(BigDecimal minIndex, BigDecimal minCoverage, BigDecimal minSheetScore) {

        public DemonstrationRule(BigDecimal minIndex, BigDecimal minCoverage) {
            this(minIndex, minCoverage, null);
        }
    }

    public RubricDocument withVersion(String newVersion) {
        return new RubricDocument(newVersion, description, indicators, deductions, demonstration);
    }
}
