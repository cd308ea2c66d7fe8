package io.rectify.contracts.scoring;

import io.rectify.contracts.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A county's composite index with its full explanation (scoring.md). The value of {@code county.index}
 * (compacted, key = county code) and the body of {@code GET /api/v1/counties/{code}/index}.
 *
 * @param index  rounded half-up to one decimal; {@code null} with {@code reason = NO_DATA} when no indicator applies
 * @param sheet  the second yardstick: the county's score on the scoring sheet, item by item, from the expert
 *               team's last submitted assessment of the period; {@code null} while none was submitted
 */
public record CountyIndexDocument(
        String countyCode,
        String countyName,
        int period,
        String rubricVersion,
        BigDecimal index,
        String reason,
        BigDecimal base,
        List<IndicatorResult> indicators,
        List<DeductionResult> deductions,
        boolean demonstrationEligible,
        Instant computedAt,
        SheetResult sheet) implements EventPayload {

    /** Without a sheet score (the document before scoring sheets existed). */
    public CountyIndexDocument(String countyCode, String countyName, int period, String rubricVersion, BigDecimal index,
                               String reason, BigDecimal base, List<IndicatorResult> indicators, List<DeductionResult> deductions,
                               boolean demonstrationEligible, Instant computedAt) {
        this(countyCode, countyName, period, rubricVersion, index, reason, base, indicators, deductions, demonstrationEligible,
                computedAt, null);
    }

    public static final String DOMAIN = "scoring";

    @Override
    public String domain() {
        return DOMAIN;
    }

    @Override
    public String aggregateId() {
        return countyCode;
    }

    @Override
    public String eventName() {
        return "CountyIndexChanged";
    }

    public record IndicatorResult(
            String code,
            long numerator,
            long denominator,
            BigDecimal rate,
            BigDecimal score,
            BigDecimal weight,
            BigDecimal effectiveWeight,
            BigDecimal contribution,
            boolean applicable) {
    }

    public record DeductionResult(String code, long count, BigDecimal pointsEach, BigDecimal cap, BigDecimal points) {
    }

    /**
     * The county's score on a scoring sheet (scoring.md "The scoring sheet").
     *
     * @param earned the points earned, to 2 decimals
     * @param score  {@code 100 × earned / total}, rounded half-up to one decimal: what rankings and the
     *               demonstration minimum compare
     */
    public record SheetResult(String sheetVersion, UUID assessmentId, Instant submittedAt, BigDecimal total, BigDecimal earned,
                              BigDecimal score, List<SheetItemResult> items) {
    }

    /**
     * One item as marked and scored.
     *
     * @param level  the mark of a LEVEL item ({@code MET}, {@code PARTLY}, {@code NOT_MET}); absent when unmarked
     * @param count  the mark of a COUNT item; absent when unmarked
     * @param earned LEVEL: points × 1, ½ or 0; COUNT: points × min(count, target) / target; 0 when unmarked
     */
    public record SheetItemResult(String itemId, String keyTask, String textZh, BigDecimal points, String judgedBy,
                                  String level, Integer count, Integer target, BigDecimal earned, int evidenceCited) {
    }
}
