package io.rectify.scoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The demonstration rule (scoring.md "Demonstration eligibility") as the list of what a county misses:
 * eligible exactly when the list is empty. The calculator decides eligibility with it, the county
 * report prints it, so the rule is written once.
 */
public final class DemonstrationGaps {

    /** One unmet condition, with the figures that show it. */
    public record Gap(String code, BigDecimal actual, BigDecimal required) {
    }

    public static final String NO_INDEX = "NO_INDEX";
    public static final String INDEX_BELOW = "INDEX_BELOW";
    public static final String MAJOR_OVERDUE = "MAJOR_OVERDUE";
    public static final String COVERAGE_NOT_APPLICABLE = "COVERAGE_NOT_APPLICABLE";
    public static final String COVERAGE_BELOW = "COVERAGE_BELOW";

    private DemonstrationGaps() {
    }

    /**
     * @param index         the county's index, {@code null} without data
     * @param overdueMajor  major hazards overdue now
     * @param coverageScore the COVERAGE score, {@code null} when not applicable or not in the rubric
     */
    public static List<Gap> of(BigDecimal index, long overdueMajor, BigDecimal coverageScore, Rubric.Demonstration rule) {
        List<Gap> gaps = new ArrayList<>();
        if (index == null) {
            gaps.add(new Gap(NO_INDEX, null, rule.minIndex()));
        } else if (index.compareTo(rule.minIndex()) < 0) {
            gaps.add(new Gap(INDEX_BELOW, index, rule.minIndex()));
        }
        if (overdueMajor > 0) {
            gaps.add(new Gap(MAJOR_OVERDUE, BigDecimal.valueOf(overdueMajor), BigDecimal.ZERO));
        }
        if (coverageScore == null) {
            gaps.add(new Gap(COVERAGE_NOT_APPLICABLE, null, rule.minCoverage()));
        } else if (coverageScore.compareTo(rule.minCoverage()) < 0) {
            gaps.add(new Gap(COVERAGE_BELOW, coverageScore, rule.minCoverage()));
        }
        return gaps;
    }
}
