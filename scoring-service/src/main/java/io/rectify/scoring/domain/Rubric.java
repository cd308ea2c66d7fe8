package io.rectify.scoring.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** A validated rubric in the calculator's terms; built only from a document {@link RubricValidator} accepted. */
public record Rubric(String version, List<Indicator> indicators, List<Deduction> deductions, Demonstration demonstration) {

    public record Indicator(IndicatorCode code, BigDecimal weight) {
    }

    /** @param threshold how long past due a hazard must be to count; {@link Duration#ZERO} when the deduction has none */
    public record Deduction(DeductionCode code, BigDecimal pointsEach, BigDecimal cap, Duration threshold) {
    }

    /** @param minSheetScore {@code null}: the scoring sheet does not count for eligibility */
    public record Demonstration(BigDecimal minIndex, BigDecimal minCoverage, BigDecimal minSheetScore) {

        public Demonstration(BigDecimal minIndex, BigDecimal minCoverage) {
            this(minIndex, minCoverage, null);
        }
    }

    /** @throws IllegalArgumentException listing the problems when the document is not valid */
    public static Rubric of(RubricDocument document) {
        List<RubricValidator.Problem> problems = RubricValidator.validate(document.version(), document);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid rubric " + document.version() + ": " + problems);
        }
        List<Indicator> indicators = document.indicators().stream()
                .map(i -> new Indicator(IndicatorCode.valueOf(i.code()), i.weight()))
                .toList();
        List<Deduction> deductions = document.deductions() == null ? List.of() : document.deductions().stream()
                .map(d -> new Deduction(DeductionCode.valueOf(d.code()), d.pointsEach(), d.cap(),
                        d.threshold() == null ? Duration.ZERO : Duration.parse(d.threshold())))
                .toList();
        return new Rubric(document.version(), indicators,
                deductions, new Demonstration(document.demonstration().minIndex(), document.demonstration().minCoverage(),
                        document.demonstration().minSheetScore()));
    }
}
