package io.rectify.scoring.domain;

import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.contracts.scoring.CountyIndexDocument.IndicatorResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeIndexCalculatorTest {

    static final Instant NOW = Instant.parse("2024-09-01T00:00:00Z");
    static final Rubric RUBRIC = Rubrics.defaultRubric();

    @Test
    void workedExampleOfScoringMd() {
        List<HazardFact> hazards = new ArrayList<>();
        // S = 12: two majors and seven generals on time (T = 9), three generals late
        hazards.add(signedOff("MAJOR", true));
        hazards.add(signedOff("MAJOR", true));
        for (int n = 0; n < 7; n++) {
            hazards.add(signedOff("GENERAL", true));
        }
        for (int n = 0; n < 3; n++) {
            hazards.add(signedOff("GENERAL", false));
        }
        // D \ S = 4: a major overdue now, a major waiting for verification (clock stopped), two generals 45 days overdue
        hazards.add(hazard("MAJOR", "RECTIFYING", NOW.minus(days(10)), 0));
        hazards.add(hazard("MAJOR", "PENDING_VERIFICATION", NOW.minus(days(5)), 0));
        hazards.add(hazard("GENERAL", "OPEN", NOW.minus(days(45)), 0));
        hazards.add(hazard("GENERAL", "OPEN", NOW.minus(days(45)), 0));
        // not yet due: 4, one of them reopened once
        hazards.add(hazard("GENERAL", "RECTIFYING", NOW.plus(days(20)), 1));
        for (int n = 0; n < 3; n++) {
            hazards.add(hazard("GENERAL", "OPEN", NOW.plus(days(20)), 0));
        }

        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(10, 9, hazards), NOW);

        assertIndicator(doc, "COVERAGE", 9, 10, "90", "0.15");
        assertIndicator(doc, "RECTIFICATION_RATE", 12, 16, "75", "0.30");
        assertIndicator(doc, "ON_TIME_RATE", 9, 12, "75", "0.20");
        assertIndicator(doc, "MAJOR_CLOSURE_RATE", 2, 4, "50", "0.20");
        assertIndicator(doc, "REPEAT_FREE_RATE", 19, 20, "95", "0.15");
        assertThat(doc.base()).isEqualByComparingTo("75.25");
        assertThat(doc.deductions()).extracting(CountyIndexDocument.DeductionResult::code, CountyIndexDocument.DeductionResult::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OVERDUE_MAJOR", 1L), org.assertj.core.groups.Tuple.tuple("LONG_OVERDUE_GENERAL", 2L));
        assertThat(doc.deductions().get(0).points()).isEqualByComparingTo("5");
        assertThat(doc.deductions().get(1).points()).isEqualByComparingTo("2");
        assertThat(doc.index()).isEqualTo(new BigDecimal("68.3")); // 68.25 rounded half-up
        assertThat(doc.reason()).isNull();
        assertThat(doc.demonstrationEligible()).isFalse();
        assertThat(doc.rubricVersion()).isEqualTo("2024.1");
        assertThat(doc.computedAt()).isEqualTo(NOW);
        // the explanation adds up: Σ contribution = base
        BigDecimal sum = doc.indicators().stream().map(IndicatorResult::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(doc.base());
    }

    @Test
    void indicatorWithoutDenominatorIsLeftOutAndWeightsAreRenormalised() {
        // no major hazard at all: MAJOR_CLOSURE_RATE does not apply, the other 80 weight points share 100 %
        List<HazardFact> hazards = List.of(
                signedOff("GENERAL", true),
                hazard("GENERAL", "OPEN", NOW.minus(days(10)), 0));

        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(4, 2, hazards), NOW);

        IndicatorResult major = indicator(doc, "MAJOR_CLOSURE_RATE");
        assertThat(major.applicable()).isFalse();
        assertThat(major.denominator()).isZero();
        assertThat(major.rate()).isNull();
        assertThat(major.effectiveWeight()).isEqualByComparingTo("0");
        assertIndicator(doc, "COVERAGE", 2, 4, "50", "0.1875");
        assertIndicator(doc, "RECTIFICATION_RATE", 1, 2, "50", "0.375");
        assertIndicator(doc, "ON_TIME_RATE", 1, 1, "100", "0.25");
        assertIndicator(doc, "REPEAT_FREE_RATE", 2, 2, "100", "0.1875");
        // (15×50 + 30×50 + 20×100 + 15×100) / 80 = 71.875; 10 days overdue is not long overdue
        assertThat(doc.base()).isEqualByComparingTo("71.875");
        assertThat(doc.deductions()).allSatisfy(d -> assertThat(d.points()).isEqualByComparingTo("0"));
        assertThat(doc.index()).isEqualTo(new BigDecimal("71.9"));
    }

    @Test
    void onlyEnterprisesMeansOnlyCoverageApplies() {
        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(5, 4, List.of()), NOW);

        assertThat(doc.indicators()).filteredOn(IndicatorResult::applicable).extracting(IndicatorResult::code).containsExactly("COVERAGE");
        assertIndicator(doc, "COVERAGE", 4, 5, "80", "1");
        assertThat(doc.index()).isEqualTo(new BigDecimal("80.0"));
    }

    @Test
    void nothingApplicableIsNoData() {
        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(0, 0, List.of()), NOW);

        assertThat(doc.index()).isNull();
        assertThat(doc.reason()).isEqualTo(CompositeIndexCalculator.NO_DATA);
        assertThat(doc.base()).isNull();
        assertThat(doc.indicators()).hasSize(5).noneMatch(IndicatorResult::applicable);
        assertThat(doc.demonstrationEligible()).isFalse();
    }

    @Test
    void deductionsStopAtTheirCaps() {
        List<HazardFact> hazards = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            hazards.add(hazard("MAJOR", "OPEN", NOW.minus(days(3)), 0));
        }
        for (int n = 0; n < 15; n++) {
            hazards.add(hazard("GENERAL", "RECTIFYING", NOW.minus(days(31)), 0));
        }
        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(10, 10, hazards), NOW);

        CountyIndexDocument.DeductionResult major = doc.deductions().get(0);
        CountyIndexDocument.DeductionResult general = doc.deductions().get(1);
        assertThat(major.count()).isEqualTo(6);
        assertThat(major.points()).isEqualByComparingTo("20"); // 30 capped
        assertThat(general.count()).isEqualTo(15);
        assertThat(general.points()).isEqualByComparingTo("10"); // 15 capped
        // COVERAGE 100, RECTIFICATION 0, ON_TIME n/a, MAJOR 0, REPEAT_FREE 100 → (1500 + 1500) / 80 = 37.5
        assertThat(doc.base()).isEqualByComparingTo("37.5");
        assertThat(doc.index()).isEqualTo(new BigDecimal("7.5"));
    }

    @Test
    void indexIsClampedAtZero() {
        List<HazardFact> hazards = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            hazards.add(hazard("MAJOR", "RECTIFYING", NOW.minus(days(2)), 0));
        }
        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(1, 0, hazards), NOW);

        // base = 15×100 / 80 = 18.75, minus 20 → clamped
        assertThat(doc.base()).isEqualByComparingTo("18.75");
        assertThat(doc.index()).isEqualTo(new BigDecimal("0.0"));
        assertThat(doc.reason()).isNull();
    }

    @Test
    void eligibleWhenIndexCoverageAndNoOverdueMajor() {
        List<HazardFact> hazards = new ArrayList<>();
        hazards.add(signedOff("MAJOR", true));
        for (int n = 0; n < 9; n++) {
            hazards.add(signedOff("GENERAL", true));
        }
        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(10, 9, hazards), NOW);

        // COVERAGE 90 (exactly the threshold), everything else 100 → 98.5
        assertThat(doc.index()).isEqualTo(new BigDecimal("98.5"));
        assertThat(doc.demonstrationEligible()).isTrue();
    }

    @Test
    void notEligibleWithAMajorOverdueEvenAboveNinety() {
        List<HazardFact> hazards = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            hazards.add(signedOff("GENERAL", true));
        }
        hazards.add(hazard("MAJOR", "OPEN", NOW.plus(days(5)), 0));   // not due: does not count in M
        hazards.add(hazard("MAJOR", "OPEN", NOW.minus(Duration.ofHours(1)), 0));
        // a rubric that does not weight major closure: the index stays high, the overdue major still disqualifies
        Rubric lenient = new Rubric("lenient", RUBRIC.indicators().stream().filter(i -> i.code() != IndicatorCode.MAJOR_CLOSURE_RATE).toList(),
                RUBRIC.deductions(), RUBRIC.demonstration());
        CountyIndexDocument doc = CompositeIndexCalculator.compute(lenient, facts(10, 10, hazards), NOW);

        // (15×100 + 30×30/31×100 + 20×100 + 15×100) / 80 = 98.79…, minus 5 for the overdue major
        assertThat(doc.index()).isEqualTo(new BigDecimal("93.8"));
        assertThat(doc.demonstrationEligible()).isFalse();
    }

    @Test
    void notEligibleBelowCoverageThresholdOrWithoutCoverage() {
        List<HazardFact> hazards = List.of(signedOff("GENERAL", true));
        assertThat(CompositeIndexCalculator.compute(RUBRIC, facts(10, 8, hazards), NOW).demonstrationEligible()).isFalse();
        CountyIndexDocument noEnterprises = CompositeIndexCalculator.compute(RUBRIC, facts(0, 0, hazards), NOW);
        assertThat(noEnterprises.index()).isEqualTo(new BigDecimal("100.0"));
        assertThat(noEnterprises.demonstrationEligible()).isFalse();
    }

    @Test
    void onTimeMeansSubmittedAtOrBeforeTheDueDateInForce() {
        Instant due = NOW.minus(days(10));
        List<HazardFact> hazards = List.of(
                closed(due, due),                              // exactly at the due date: on time
                closed(due, due.plusSeconds(1)),               // a second late
                closed(due.plus(days(30)), due.plus(days(20))), // late against the first date, on time after an extension
                closed(due, null));                            // no submission recorded: not on time
        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(0, 0, hazards), NOW);

        assertIndicator(doc, "ON_TIME_RATE", 2, 4, "50", null);
    }

    @Test
    void dueOrClosedIsEvaluatedAtNow() {
        List<HazardFact> hazards = List.of(
                hazard("GENERAL", "OPEN", NOW, 0),                     // due exactly now: in D
                hazard("GENERAL", "OPEN", NOW.plusSeconds(1), 0),      // due in a second: not yet
                hazard("GENERAL", "SIGNED_OFF", NOW.plus(days(9)), 0), // closed early: in D
                hazard("GENERAL", "VERIFIED", NOW.minus(days(1)), 0)); // due, verified but not signed off
        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(0, 0, hazards), NOW);
        assertIndicator(doc, "RECTIFICATION_RATE", 1, 3, "33.3333", null);

        CountyIndexDocument later = CompositeIndexCalculator.compute(RUBRIC, facts(0, 0, hazards), NOW.plusSeconds(2));
        assertIndicator(later, "RECTIFICATION_RATE", 1, 4, "25", null);
    }

    @Test
    void overdueIsOnlyWhileTheEnterpriseOwesWork() {
        Instant longAgo = NOW.minus(days(40));
        List<HazardFact> hazards = List.of(
                hazard("GENERAL", "OPEN", longAgo, 0),
                hazard("GENERAL", "RECTIFYING", longAgo, 0),
                hazard("GENERAL", "PENDING_VERIFICATION", longAgo, 0),
                hazard("GENERAL", "VERIFIED", longAgo, 0),
                hazard("GENERAL", "OPEN", NOW.minus(days(30)), 0)); // exactly 30 days: not "more than"
        CountyIndexDocument doc = CompositeIndexCalculator.compute(RUBRIC, facts(0, 0, hazards), NOW);

        assertThat(doc.deductions().get(1).count()).isEqualTo(2);
    }

    @Test
    void halfUpRoundingOfTheIndex() {
        // one of eight signed off: RECTIFICATION 12.5 → only REPEAT_FREE and RECTIFICATION apply:
        // (30×12.5 + 15×100)/45 = 41.666… → 41.7
        List<HazardFact> hazards = new ArrayList<>();
        hazards.add(closed(NOW.minus(days(1)), NOW.minus(days(3))));
        for (int n = 0; n < 7; n++) {
            hazards.add(hazard("GENERAL", "PENDING_VERIFICATION", NOW.minus(days(1)), 0));
        }
        Rubric noOnTime = new Rubric("t", RUBRIC.indicators().stream().filter(i -> i.code() != IndicatorCode.ON_TIME_RATE).toList(),
                RUBRIC.deductions(), RUBRIC.demonstration());
        CountyIndexDocument doc = CompositeIndexCalculator.compute(noOnTime, facts(0, 0, hazards), NOW);

        assertThat(doc.index()).isEqualTo(new BigDecimal("41.7"));
        assertThat(doc.base()).isEqualTo(new BigDecimal("41.6667"));
    }

    // --- helpers

    static CountyFacts facts(long e, long i, List<HazardFact> hazards) {
        return new CountyFacts("510781", "Jiangyou", 2024, e, i, hazards);
    }

    static HazardFact hazard(String grade, String status, Instant dueAt, int reopenings) {
        return new HazardFact(UUID.randomUUID(), grade, status, dueAt, null, null, reopenings);
    }

    static HazardFact signedOff(String grade, boolean onTime) {
        Instant due = NOW.minus(days(20));
        Instant submitted = onTime ? due.minus(days(2)) : due.plus(days(2));
        return new HazardFact(UUID.randomUUID(), grade, "SIGNED_OFF", due, submitted, submitted.plus(days(1)), 0);
    }

    static HazardFact closed(Instant due, Instant submitted) {
        return new HazardFact(UUID.randomUUID(), "GENERAL", "SIGNED_OFF", due, submitted, NOW.minus(days(1)), 0);
    }

    static Duration days(int n) {
        return Duration.ofDays(n);
    }

    static IndicatorResult indicator(CountyIndexDocument doc, String code) {
        return doc.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    static void assertIndicator(CountyIndexDocument doc, String code, long numerator, long denominator, String score, String effectiveWeight) {
        IndicatorResult r = indicator(doc, code);
        assertThat(r.applicable()).as(code + " applicable").isTrue();
        assertThat(r.numerator()).as(code + " numerator").isEqualTo(numerator);
        assertThat(r.denominator()).as(code + " denominator").isEqualTo(denominator);
        assertThat(r.score()).as(code + " score").isEqualByComparingTo(score);
        if (effectiveWeight != null) {
            assertThat(r.effectiveWeight()).as(code + " effective weight").isEqualByComparingTo(effectiveWeight);
            assertThat(r.contribution()).as(code + " contribution")
                    .isEqualByComparingTo(new BigDecimal(effectiveWeight).multiply(new BigDecimal(score)).setScale(4, java.math.RoundingMode.HALF_UP));
        }
    }
}
