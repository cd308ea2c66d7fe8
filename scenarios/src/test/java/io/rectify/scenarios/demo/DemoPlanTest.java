package io.rectify.scenarios.demo;

import io.rectify.contracts.CreditCode;
import io.rectify.scenarios.demo.DemoPlan.Fate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo data is right before it ever reaches a service: codes, coverage of the programme, the story's steps. */
class DemoPlanTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 17, 99})
    void everyCreditCodeIsWellFormedAndCarriesItsCountysDivisionCode(int round) {
        for (DemoPlan.Enterprise e : DemoPlan.round(round).enterprises()) {
            assertThat(CreditCode.problem(e.creditCode())).as(e.creditCode()).isEmpty();
            assertThat(e.creditCode().substring(2, 8)).as(e.creditCode()).isEqualTo(DemoPlan.county(e.countyCode()).divisionCode());
        }
    }

    @Test
    void creditCodesDifferAcrossEnterprisesAndRounds() {
        List<String> codes = List.of(1, 2, 3).stream()
                .flatMap(r -> DemoPlan.round(r).enterprises().stream().map(DemoPlan.Enterprise::creditCode)).toList();
        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
    }

    @Test
    void aWrongCheckCharacterWouldBeCaught() {
        String good = DemoPlan.creditCode("510781", 1, 1);
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        assertThat(CreditCode.isValid(good.substring(0, 17) + wrong)).isFalse();
    }

    @Test
    void countiesAreTheDomainsEightWithWellFormedCodes() {
        List<DemoPlan.County> counties = DemoPlan.counties();
        assertThat(counties).extracting(DemoPlan.County::code)
                .containsExactlyInAnyOrder("510781", DemoPlan.GUANGAN_ZONE, "510182", "511112", "510311", "510503", "511722", "511523");
        for (DemoPlan.County c : counties) {
            assertThat(c.code()).matches("^[0-9A-Z]{6,12}$");
            assertThat(c.divisionCode()).matches("^51[0-9]{4}$");
        }
        DemoPlan.County jiangyou = DemoPlan.county("510781");
        assertThat(jiangyou.city()).isEqualTo("Mianyang");
        DemoPlan.County zone = DemoPlan.county(DemoPlan.GUANGAN_ZONE);
        assertThat(zone.code()).matches("^[A-Z]{6,12}$");
        assertThat(zone.city()).isEqualTo("Guang'an");
        assertThat(zone.divisionCode()).isEqualTo("511600");
    }

    @Test
    void inspectionsTouchEveryKeyTaskAndFindingsStayInTheirFocus() {
        DemoPlan plan = DemoPlan.round(1);
        Set<String> focus = plan.inspections().stream().flatMap(i -> i.keyTasks().stream()).collect(Collectors.toSet());
        Set<String> found = plan.inspections().stream().flatMap(i -> i.findings().stream()).map(DemoPlan.Finding::keyTask).collect(Collectors.toSet());
        assertThat(focus).containsAll(DemoPlan.KEY_TASKS);
        assertThat(found).containsAll(DemoPlan.KEY_TASKS);
        for (DemoPlan.Inspection i : plan.inspections()) {
            assertThat(i.keyTasks()).as("focus of %s", i.enterpriseCreditCode()).isNotEmpty();
            for (DemoPlan.Finding f : i.findings()) {
                assertThat(i.keyTasks()).as(f.description()).contains(f.keyTask());
            }
        }
    }

    @Test
    void everyCountyIsVisitedAndEveryEnterpriseScheduledInItsCountysWeekday() {
        DemoPlan plan = DemoPlan.round(3);
        assertThat(plan.inspections().stream().map(DemoPlan.Inspection::countyCode).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(DemoPlan.counties().stream().map(DemoPlan.County::code).toList());
        assertThat(plan.inspections().stream().map(DemoPlan.Inspection::enterpriseCreditCode).toList())
                .containsExactlyInAnyOrderElementsOf(plan.enterprises().stream().map(DemoPlan.Enterprise::creditCode).toList());
        for (DemoPlan.Inspection i : plan.inspections()) {
            assertThat(i.scheduledOn()).isEqualTo(plan.visitDay(i.countyCode()));
            assertThat(i.scheduledOn()).isBetween(plan.campaignStart(), plan.campaignEnd());
            assertThat(i.experts()).isNotEmpty().allMatch(x -> x >= 0 && x < DemoPlan.experts().size());
        }
        assertThat(plan.weekStart()).isEqualTo(DemoPlan.round(1).weekStart().plusWeeks(2));
    }

    @Test
    void majorFindingsNameACriterionAndGeneralOnesNone() {
        for (DemoPlan.Inspection i : DemoPlan.round(1).inspections()) {
            for (DemoPlan.Finding f : i.findings()) {
                if (f.major()) {
                    assertThat(f.majorCriterion()).as(f.description()).matches("^MHC-(0[1-9]|1[0-9]|20)$");
                } else {
                    assertThat(f.grade()).isEqualTo("GENERAL");
                    assertThat(f.majorCriterion()).as(f.description()).isNull();
                }
                assertThat(f.rectificationDays()).isBetween(1, 365);
            }
        }
        for (DemoPlan.NearDueHazard n : DemoPlan.round(1).nearDueHazards()) {
            assertThat(n.majorCriterion() != null).as(n.description()).isEqualTo(n.grade().equals("MAJOR"));
        }
    }

    @Test
    void theStoryHasEveryStepTheIssueAsksFor() {
        DemoPlan plan = DemoPlan.round(1);
        List<DemoPlan.Finding> findings = plan.inspections().stream().flatMap(i -> i.findings().stream()).toList();
        Set<Fate> fates = findings.stream().map(DemoPlan.Finding::fate).collect(Collectors.toSet());
        assertThat(fates).contains(Fate.REJECTED_THEN_SIGNED_OFF, Fate.EXTENDED, Fate.SIGNED_OFF_BY_ENTERPRISE, Fate.SIGNED_OFF_BY_REGULATOR);
        // only a regulator signs off a major hazard; the enterprise only general ones
        assertThat(findings).filteredOn(f -> f.fate() == Fate.SIGNED_OFF_BY_ENTERPRISE || f.fate() == Fate.REJECTED_THEN_SIGNED_OFF)
                .allMatch(f -> !f.major());
        assertThat(findings).filteredOn(f -> f.fate() == Fate.SIGNED_OFF_BY_REGULATOR).anyMatch(DemoPlan.Finding::major);
        assertThat(findings).anyMatch(DemoPlan.Finding::controlSystemEvidence);
        assertThat(findings).anyMatch(f -> f.major()).anyMatch(f -> !f.major());
        assertThat(plan.inspections()).anyMatch(DemoPlan.Inspection::cancelled);
        // hazards left overdue: a major one (escalates city then province in days, minutes in the demo) and a general one
        assertThat(plan.nearDueHazards()).anyMatch(n -> n.grade().equals("MAJOR")).anyMatch(n -> n.grade().equals("GENERAL"));
        assertThat(plan.nearDueHazards()).extracting(DemoPlan.NearDueHazard::enterpriseCreditCode)
                .allMatch(cc -> plan.enterprises().stream().anyMatch(e -> e.creditCode().equals(cc)));
    }

    @Test
    void campaignNamesCarryTheRoundSoALaterRunFindsThem() {
        assertThat(DemoPlan.round(7).campaignName()).startsWith(DemoPlan.CAMPAIGN_PREFIX).endsWith("7)");
        assertThat(DemoPlan.round(7).campaignName()).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void roundsOutsideOneToNinetyNineAreRefused() {
        assertThatThrownBy(() -> DemoPlan.round(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoPlan.round(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesFitTheServicesLimits() {
        for (DemoPlan.Enterprise e : DemoPlan.round(99).enterprises()) {
            assertThat(e.name()).hasSizeLessThanOrEqualTo(200);
        }
        for (DemoPlan.County c : DemoPlan.counties()) {
            assertThat(c.name()).hasSizeLessThanOrEqualTo(100);
        }
    }
}
