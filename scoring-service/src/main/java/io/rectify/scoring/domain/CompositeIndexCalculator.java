package io.rectify.scoring.domain;

import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.contracts.scoring.CountyIndexDocument.DeductionResult;
import io.rectify.contracts.scoring.CountyIndexDocument.IndicatorResult;
import io.rectify.contracts.scoring.CountyIndexDocument.SheetResult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The composite index of scoring.md as a pure function of (rubric, facts, now): the same inputs give the
 * same document, and every number in it can be traced by hand.
 * <p>
 * Arithmetic: every intermediate value is exact to 34 significant digits ({@link MathContext#DECIMAL128});
 * the index is computed from those and then rounded half-up to one decimal. The document shows the
 * intermediate values rounded half-up for reading: rate to 6 decimals, score to 4, effective weight
 * (the indicator's share of the applicable weights, summing to 1) to 6, contribution (effective weight ×
 * score) to 4, base (Σ contributions) to 4. Recomputing from the shown figures agrees with the index
 * except when the exact value sits within 10⁻⁴ of a rounding boundary.
 */
public final class CompositeIndexCalculator {

    public static final String NO_DATA = "NO_DATA";

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CompositeIndexCalculator() {
    }

    public static CountyIndexDocument compute(Rubric rubric, CountyFacts facts, Instant now) {
        return compute(rubric, facts, null, now);
    }

    /**
     * @param sheet the county's scoring-sheet result for the period ({@code null}: no assessment submitted);
     *              carried in the answer and, when the rubric sets {@code minSheetScore}, required for eligibility
     */
    public static CountyIndexDocument compute(Rubric rubric, CountyFacts facts, SheetResult sheet, Instant now) {
        Tally tally = Tally.of(facts, now, longOverdueThreshold(rubric));

        List<Ratio> applicable = new ArrayList<>();
        BigDecimal weightSum = BigDecimal.ZERO;
        for (Rubric.Indicator indicator : rubric.indicators()) {
            Ratio ratio = tally.ratio(indicator.code());
            if (ratio.denominator() > 0) {
                weightSum = weightSum.add(indicator.weight());
                applicable.add(ratio);
            }
        }

        List<IndicatorResult> indicators = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal coverageScore = null;
        for (Rubric.Indicator indicator : rubric.indicators()) {
            Ratio ratio = tally.ratio(indicator.code());
            if (ratio.denominator() == 0) {
                indicators.add(new IndicatorResult(indicator.code().name(), ratio.numerator(), 0, null, null,
                        indicator.weight(), BigDecimal.ZERO.setScale(6), BigDecimal.ZERO.setScale(4), false));
                continue;
            }
            BigDecimal rate = BigDecimal.valueOf(ratio.numerator()).divide(BigDecimal.valueOf(ratio.denominator()), MC);
            BigDecimal score = rate.multiply(HUNDRED, MC);
            BigDecimal share = indicator.weight().divide(weightSum, MC);
            BigDecimal contribution = share.multiply(score, MC);
            base = base.add(contribution, MC);
            if (indicator.code() == IndicatorCode.COVERAGE) {
                coverageScore = score;
            }
            indicators.add(new IndicatorResult(indicator.code().name(), ratio.numerator(), ratio.denominator(),
                    rate.setScale(6, RoundingMode.HALF_UP), score.setScale(4, RoundingMode.HALF_UP), indicator.weight(),
                    share.setScale(6, RoundingMode.HALF_UP), contribution.setScale(4, RoundingMode.HALF_UP), true));
        }

        List<DeductionResult> deductions = new ArrayList<>();
        BigDecimal deducted = BigDecimal.ZERO;
        for (Rubric.Deduction deduction : rubric.deductions()) {
            long count = tally.count(deduction.code());
            BigDecimal points = deduction.pointsEach().multiply(BigDecimal.valueOf(count)).min(deduction.cap());
            deducted = deducted.add(points);
            deductions.add(new DeductionResult(deduction.code().name(), count, deduction.pointsEach(), deduction.cap(), points));
        }

        if (applicable.isEmpty()) {
            return new CountyIndexDocument(facts.countyCode(), facts.countyName(), facts.period(), rubric.version(),
                    null, NO_DATA, null, indicators, deductions, false, now, sheet);
        }
        BigDecimal index = base.subtract(deducted, MC).max(BigDecimal.ZERO).min(HUNDRED).setScale(1, RoundingMode.HALF_UP);
        boolean eligible = DemonstrationGaps.of(index, tally.overdueMajor(), coverageScore, rubric.demonstration()).isEmpty()
                && sheetSuffices(rubric.demonstration().minSheetScore(), sheet);
        return new CountyIndexDocument(facts.countyCode(), facts.countyName(), facts.period(), rubric.version(),
                index, null, base.setScale(4, RoundingMode.HALF_UP), indicators, deductions, eligible, now, sheet);
    }

    /** No minimum: the sheet does not count. A minimum: a submitted assessment scoring at least that much. */
    private static boolean sheetSuffices(BigDecimal minSheetScore, SheetResult sheet) {
        return minSheetScore == null || (sheet != null && sheet.score().compareTo(minSheetScore) >= 0);
    }

    private static Duration longOverdueThreshold(Rubric rubric) {
        return rubric.deductions().stream()
                .filter(d -> d.code() == DeductionCode.LONG_OVERDUE_GENERAL)
                .map(Rubric.Deduction::threshold)
                .findFirst().orElse(Duration.ofDays(30));
    }

    private record Ratio(long numerator, long denominator) {
    }

    /** The set sizes of scoring.md at {@code now}. */
    private record Tally(long e, long i, long h, long d, long s, long t, long m, long ms, long r,
                         long overdueMajor, long longOverdueGeneral) {

        static Tally of(CountyFacts facts, Instant now, Duration longOverdue) {
            long d = 0, s = 0, t = 0, m = 0, ms = 0, r = 0, overdueMajor = 0, longOverdueGeneral = 0;
            for (HazardFact hazard : facts.hazards()) {
                if (hazard.reopened()) {
                    r++;
                }
                if (hazard.major() && hazard.overdue(now)) {
                    overdueMajor++;
                }
                if (hazard.general() && hazard.overdueBy(now, longOverdue)) {
                    longOverdueGeneral++;
                }
                if (!hazard.dueOrClosed(now)) {
                    continue;
                }
                d++;
                if (hazard.major()) {
                    m++;
                }
                if (hazard.signedOff()) {
                    s++;
                    if (hazard.onTime()) {
                        t++;
                    }
                    if (hazard.major()) {
                        ms++;
                    }
                }
            }
            // I counts only registered enterprises, so it can never exceed E
            long inspected = Math.min(facts.inspectedEnterprises(), facts.enterprises());
            return new Tally(facts.enterprises(), inspected, facts.hazards().size(), d, s, t, m, ms, r, overdueMajor, longOverdueGeneral);
        }

        Ratio ratio(IndicatorCode code) {
            return switch (code) {
                case COVERAGE -> new Ratio(i, e);
                case RECTIFICATION_RATE -> new Ratio(s, d);
                case ON_TIME_RATE -> new Ratio(t, s);
                case MAJOR_CLOSURE_RATE -> new Ratio(ms, m);
                case REPEAT_FREE_RATE -> new Ratio(h - r, h);
            };
        }

        long count(DeductionCode code) {
            return switch (code) {
                case OVERDUE_MAJOR -> overdueMajor;
                case LONG_OVERDUE_GENERAL -> longOverdueGeneral;
            };
        }
    }
}
