package io.rectify.inspection.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.rectify.inspection.domain.InspectionAction.CANCEL;
import static io.rectify.inspection.domain.InspectionAction.COMPLETE;
import static io.rectify.inspection.domain.InspectionAction.EDIT_FINDING;
import static io.rectify.inspection.domain.InspectionAction.RECORD_CONSENT;
import static io.rectify.inspection.domain.InspectionAction.RECORD_FINDING;
import static io.rectify.inspection.domain.InspectionAction.START;
import static io.rectify.inspection.domain.InspectionAction.WITHDRAW_FINDING;
import static io.rectify.inspection.domain.InspectionStatus.CANCELLED;
import static io.rectify.inspection.domain.InspectionStatus.COMPLETED;
import static io.rectify.inspection.domain.InspectionStatus.IN_PROGRESS;
import static io.rectify.inspection.domain.InspectionStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionLifecycleTest {

    /** The whole table of domain.md: every allowed (status, action) pair and where it leads. */
    private static final Map<InspectionStatus, Map<InspectionAction, InspectionStatus>> ALLOWED = Map.of(
            SCHEDULED, Map.of(START, IN_PROGRESS, CANCEL, CANCELLED, RECORD_CONSENT, SCHEDULED),
            IN_PROGRESS, Map.of(COMPLETE, COMPLETED, RECORD_CONSENT, IN_PROGRESS, RECORD_FINDING, IN_PROGRESS,
                    EDIT_FINDING, IN_PROGRESS, WITHDRAW_FINDING, IN_PROGRESS),
            COMPLETED, Map.of(),
            CANCELLED, Map.of());

    static Stream<Arguments> allowed() {
        List<Arguments> out = new ArrayList<>();
        ALLOWED.forEach((from, actions) -> actions.forEach((action, to) -> out.add(Arguments.of(from, action, to))));
        return out.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> out = new ArrayList<>();
        for (InspectionStatus from : InspectionStatus.values()) {
            for (InspectionAction action : InspectionAction.values()) {
                if (!ALLOWED.get(from).containsKey(action)) {
                    out.add(Arguments.of(from, action));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void allowedTransitionsLeadWhereTheSpecSays(InspectionStatus from, InspectionAction action, InspectionStatus to) {
        assertThat(InspectionLifecycle.next(from, action)).isEqualTo(to);
        assertThat(InspectionLifecycle.allows(from, action)).isTrue();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refused")
    void everyOtherTransitionIsRefusedNamingStatusAndAllowedActions(InspectionStatus from, InspectionAction action) {
        assertThatThrownBy(() -> InspectionLifecycle.next(from, action))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                    assertThat(e.action()).isEqualTo(action);
                    assertThat(e.current()).isEqualTo(from);
                    assertThat(e.allowedActions()).isEqualTo(InspectionLifecycle.allowedActions(from));
                    assertThat(e.getMessage()).contains(action.label()).contains(from.name());
                });
    }

    @Test
    void refusedAndAllowedCoverEveryPair() {
        assertThat(allowed().count() + refused().count())
                .isEqualTo((long) InspectionStatus.values().length * InspectionAction.values().length);
        assertThat(refused().count()).isPositive();
    }

    @Test
    void aCompletedOrCancelledInspectionIsFrozen() {
        assertThat(InspectionLifecycle.allowedActions(COMPLETED)).isEmpty();
        assertThat(InspectionLifecycle.allowedActions(CANCELLED)).isEmpty();
    }

    @Test
    void allowedActionsAreListedWithTheirApiLabels() {
        assertThat(InspectionLifecycle.allowedActions(SCHEDULED)).containsExactly("start", "cancel", "record-consent");
        assertThat(InspectionLifecycle.allowedActions(IN_PROGRESS))
                .containsExactly("complete", "record-consent", "record-finding", "edit-finding", "withdraw-finding");
    }

    @Test
    void theEntityAppliesTheLifecycle() {
        Inspection inspection = new Inspection();
        inspection.status = SCHEDULED;
        inspection.apply(START, java.time.Instant.EPOCH);
        assertThat(inspection.status).isEqualTo(IN_PROGRESS);
        assertThat(inspection.updatedAt).isEqualTo(java.time.Instant.EPOCH);
        inspection.apply(COMPLETE, java.time.Instant.EPOCH);
        assertThatThrownBy(() -> inspection.apply(COMPLETE, java.time.Instant.EPOCH)).isInstanceOf(TransitionRefusedException.class);
        assertThat(inspection.status).isEqualTo(COMPLETED);
    }
}
