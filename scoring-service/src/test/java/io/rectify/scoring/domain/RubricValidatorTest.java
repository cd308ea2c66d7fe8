package io.rectify.scoring.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RubricValidatorTest {

    @Test
    void theShippedRubricIsValid() {
        RubricDocument doc = Rubrics.defaultDocument();
        assertThat(RubricValidator.validate("2024.1", doc)).isEmpty();
        Rubric rubric = Rubric.of(doc);
        assertThat(rubric.indicators()).extracting(Rubric.Indicator::code).containsExactly(IndicatorCode.values());
        assertThat(rubric.deductions().get(1).threshold()).hasDays(30);
    }

    @Test
    void everyProblemIsListed() {
        RubricDocument bad = new RubricDocument("other", null,
                List.of(new RubricDocument.IndicatorRule("COVERAGE", BigDecimal.ZERO),
                        new RubricDocument.IndicatorRule("POPULARITY", BigDecimal.TEN),
                        new RubricDocument.IndicatorRule("COVERAGE", null)),
                List.of(new RubricDocument.DeductionRule("OVERDUE_MAJOR", new BigDecimal("-1"), new BigDecimal("-2"), "P1D"),
                        new RubricDocument.DeductionRule("LONG_OVERDUE_GENERAL", BigDecimal.ONE, BigDecimal.TEN, "thirty days"),
                        new RubricDocument.DeductionRule("BAD_LUCK", BigDecimal.ONE, BigDecimal.ONE, null)),
                new RubricDocument.DemonstrationRule(new BigDecimal("150"), null));

        List<RubricValidator.Problem> problems = RubricValidator.validate("2024.9", bad);

        assertThat(problems).extracting(RubricValidator.Problem::field).containsExactlyInAnyOrder(
                "version",
                "indicators[0].weight",
                "indicators[1].code",
                "indicators[2].code",
                "indicators[2].weight",
                "deductions[0].pointsEach",
                "deductions[0].cap",
                "deductions[0].threshold",
                "deductions[1].threshold",
                "deductions[2].code",
                "demonstration.minIndex",
                "demonstration.minCoverage");
        assertThatThrownBy(() -> Rubric.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdsMustBeInRange() {
        RubricDocument doc = Rubrics.defaultDocument();
        RubricDocument negative = new RubricDocument("x", null, doc.indicators(),
                List.of(new RubricDocument.DeductionRule("LONG_OVERDUE_GENERAL", BigDecimal.ONE, BigDecimal.TEN, "-P1D")),
                doc.demonstration());
        RubricDocument missing = new RubricDocument("x", null, doc.indicators(),
                List.of(new RubricDocument.DeductionRule("LONG_OVERDUE_GENERAL", BigDecimal.ONE, BigDecimal.TEN, null)),
                doc.demonstration());
        assertThat(RubricValidator.validate("x", negative)).extracting(RubricValidator.Problem::field).containsExactly("deductions[0].threshold");
        assertThat(RubricValidator.validate("x", missing)).extracting(RubricValidator.Problem::field).containsExactly("deductions[0].threshold");
    }

    @Test
    void versionMustBePathSafeAndIndicatorsPresent() {
        RubricDocument empty = new RubricDocument(null, null, List.of(), null, Rubrics.defaultDocument().demonstration());
        assertThat(RubricValidator.validate("../etc", empty)).extracting(RubricValidator.Problem::field)
                .containsExactly("version", "indicators");
    }
}
