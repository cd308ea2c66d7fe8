package io.rectify.contracts.scoring;

import io.rectify.contracts.EventPayload;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A county's composite index with its full explanation (scoring.md). The value of {@code county.index}
 * (compacted, key = county code) and the body of {@code GET /api/v1/counties/{code}/index}.
 *
 * @param index  rounded half-up to one decimal; {@code null} with {@code reason = NO_DATA} when no indicator applies
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
        Instant computedAt) implements EventPayload {

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
}
