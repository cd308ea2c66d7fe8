package io.rectify.hazard.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.rectify.hazard.domain.EvidenceWarning.CAPTURED_BEFORE_REPORT;
import static io.rectify.hazard.domain.EvidenceWarning.SAME_AS_FINDING_EVIDENCE;
import static io.rectify.hazard.domain.EvidenceWarning.USED_FOR_ANOTHER_HAZARD;
import static org.assertj.core.api.Assertions.assertThat;

class EvidenceWarningTest {

    static final Instant REPORTED = Instant.parse("2024-04-11T08:00:00Z");
    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);

    @Test
    void eachSignRaisesItsWarningAndNothingElse() {
        assertThat(EvidenceWarning.of(List.of(new EvidenceWarning.Fact(A, null, false)), Set.of(A), REPORTED)).containsExactly(SAME_AS_FINDING_EVIDENCE);
        assertThat(EvidenceWarning.of(List.of(new EvidenceWarning.Fact(B, null, true)), Set.of(A), REPORTED)).containsExactly(USED_FOR_ANOTHER_HAZARD);
        assertThat(EvidenceWarning.of(List.of(new EvidenceWarning.Fact(B, REPORTED.minusSeconds(1), false)), Set.of(A), REPORTED))
                .containsExactly(CAPTURED_BEFORE_REPORT);
        assertThat(EvidenceWarning.of(List.of(new EvidenceWarning.Fact(B, REPORTED.plusSeconds(1), false)), Set.of(A), REPORTED)).isEmpty();
        assertThat(EvidenceWarning.of(List.of(new EvidenceWarning.Fact(B, REPORTED, false)), Set.of(), REPORTED)).as("at the report: not before").isEmpty();
    }

    @Test
    void severalFilesRaiseEachWarningOnceInAFixedOrder() {
        List<EvidenceWarning> raised = EvidenceWarning.of(List.of(new EvidenceWarning.Fact(B, REPORTED.minusSeconds(60), true),
                new EvidenceWarning.Fact(A, REPORTED.minusSeconds(60), true)), Set.of(A), REPORTED);
        assertThat(raised).containsExactly(SAME_AS_FINDING_EVIDENCE, USED_FOR_ANOTHER_HAZARD, CAPTURED_BEFORE_REPORT);
        assertThat(EvidenceWarning.split(EvidenceWarning.join(raised))).containsExactly("SAME_AS_FINDING_EVIDENCE", "USED_FOR_ANOTHER_HAZARD", "CAPTURED_BEFORE_REPORT");
        assertThat(EvidenceWarning.join(List.of())).isNull();
        assertThat(EvidenceWarning.split(null)).isEmpty();
    }
}
