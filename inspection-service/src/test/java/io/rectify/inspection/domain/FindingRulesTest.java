package io.rectify.inspection.domain;

import io.rectify.platform.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FindingRulesTest {

    private static final Set<String> TASKS = Set.of("THREE_ONES", "MAJOR_HAZARD_INSTALLATIONS", "OTHER");
    private static final Set<String> CRITERIA = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("MHC-%02d", i)).collect(Collectors.toSet());
    private static final String SHA = "a".repeat(64);

    private static FindingDraft draft(Grade grade, String criterion, int days, Evidence... evidence) {
        return new FindingDraft("MAJOR_HAZARD_INSTALLATIONS", grade, criterion, "tank farm without emergency shut-off",
                "tank farm T-3", "install emergency shut-off valves", days, List.of(evidence));
    }

    private static List<Problem.FieldError> errorsOf(FindingDraft draft) {
        return FindingRules.problems(draft, TASKS, CRITERIA);
    }

    @Test
    void aMajorFindingWithAKnownCriterionAndAGeneralOneWithoutPass() {
        assertThat(errorsOf(draft(Grade.MAJOR, "MHC-05", 30))).isEmpty();
        assertThat(errorsOf(draft(Grade.GENERAL, null, 30))).isEmpty();
        assertThat(errorsOf(draft(Grade.GENERAL, "  ", 30))).isEmpty();
    }

    @Test
    void aMajorFindingWithoutACriterionIsRefusedNamingMajorCriterion() {
        assertThat(errorsOf(draft(Grade.MAJOR, null, 30)))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("majorCriterion");
                    assertThat(e.message()).contains("required when the grade is MAJOR");
                });
    }

    @Test
    void aMajorFindingWithAnUnknownCriterionIsRefused() {
        assertThat(errorsOf(draft(Grade.MAJOR, "MHC-21", 30)))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("majorCriterion");
                    assertThat(e.message()).contains("unknown major-hazard criterion 'MHC-21'");
                });
    }

    @Test
    void aGeneralFindingWithACriterionIsRefused() {
        assertThat(errorsOf(draft(Grade.GENERAL, "MHC-05", 30)))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("majorCriterion");
                    assertThat(e.message()).contains("must be empty when the grade is GENERAL");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 366, 1000})
    void rectificationDaysOutside1To365AreRefused(int days) {
        assertThat(errorsOf(draft(Grade.GENERAL, null, days))).extracting(Problem.FieldError::field).containsExactly("rectificationDays");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 365})
    void rectificationDaysAtTheBoundsPass(int days) {
        assertThat(errorsOf(draft(Grade.GENERAL, null, days))).isEmpty();
    }

    @Test
    void anUnknownKeyTaskIsRefusedAndAllErrorsAreListedTogether() {
        FindingDraft d = new FindingDraft("NOT_A_TASK", Grade.MAJOR, null, "x", null, null, 0, List.of());
        assertThat(errorsOf(d)).extracting(Problem.FieldError::field).containsExactly("keyTask", "majorCriterion", "rectificationDays");
    }

    @Test
    void evidenceNeedingConsentIsRefusedUntilTheMatchingConsentIsRecorded() {
        List<Evidence> evidence = List.of(new Evidence(EvidenceKind.PHOTO, "s3://b/p.jpg", SHA),
                new Evidence(EvidenceKind.CONTROL_SYSTEM_DATA, "s3://b/dcs.csv", SHA),
                new Evidence(EvidenceKind.DOCUMENT_COPY, "s3://b/op.pdf", SHA));

        FindingRules.MissingConsent none = FindingRules.missingConsent(evidence, EnumSet.noneOf(ConsentScope.class)).orElseThrow();
        assertThat(none.index()).isEqualTo(1);
        assertThat(none.scope()).isEqualTo(ConsentScope.CONTROL_SYSTEM_DATA);

        FindingRules.MissingConsent copy = FindingRules.missingConsent(evidence, EnumSet.of(ConsentScope.CONTROL_SYSTEM_DATA)).orElseThrow();
        assertThat(copy.index()).isEqualTo(2);
        assertThat(copy.scope()).isEqualTo(ConsentScope.DOCUMENT_COPY);

        assertThat(FindingRules.missingConsent(evidence, EnumSet.allOf(ConsentScope.class))).isEmpty();
    }

    @Test
    void consentForOneKindDoesNotCoverTheOther() {
        List<Evidence> copyOnly = List.of(new Evidence(EvidenceKind.DOCUMENT_COPY, "s3://b/op.pdf", SHA));
        assertThat(FindingRules.missingConsent(copyOnly, EnumSet.of(ConsentScope.CONTROL_SYSTEM_DATA)))
                .hasValueSatisfying(m -> assertThat(m.scope()).isEqualTo(ConsentScope.DOCUMENT_COPY));
    }

    @Test
    void photosAndDocumentsNeedNoConsent() {
        List<Evidence> plain = List.of(new Evidence(EvidenceKind.PHOTO, "s3://b/p.jpg", SHA), new Evidence(EvidenceKind.DOCUMENT, "s3://b/d.pdf", SHA));
        assertThat(FindingRules.missingConsent(plain, Set.of())).isEmpty();
    }
}
