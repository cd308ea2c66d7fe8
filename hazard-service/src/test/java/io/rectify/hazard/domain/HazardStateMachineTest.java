package io.rectify.hazard.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HazardStateMachineTest {

    /** The lifecycle of domain.md, written out independently of the implementation's table. */
    private static final Map<String, String> ALLOWED = Map.of(
            "OPEN PLAN", "RECTIFYING",
            "OPEN EXTEND_DEADLINE", "OPEN",
            "RECTIFYING SUBMIT_RECTIFICATION", "PENDING_VERIFICATION",
            "RECTIFYING EXTEND_DEADLINE", "RECTIFYING",
            "PENDING_VERIFICATION VERIFY_ACCEPT", "VERIFIED",
            "PENDING_VERIFICATION VERIFY_REJECT", "RECTIFYING",
            "PENDING_VERIFICATION EXTEND_DEADLINE", "PENDING_VERIFICATION",
            "VERIFIED SIGN_OFF", "SIGNED_OFF",
            "SIGNED_OFF REOPEN", "RECTIFYING");

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
            "OPEN, PLAN, RECTIFYING",
            "OPEN, EXTEND_DEADLINE, OPEN",
            "RECTIFYING, SUBMIT_RECTIFICATION, PENDING_VERIFICATION",
            "RECTIFYING, EXTEND_DEADLINE, RECTIFYING",
            "PENDING_VERIFICATION, VERIFY_ACCEPT, VERIFIED",
            "PENDING_VERIFICATION, VERIFY_REJECT, RECTIFYING",
            "PENDING_VERIFICATION, EXTEND_DEADLINE, PENDING_VERIFICATION",
            "VERIFIED, SIGN_OFF, SIGNED_OFF",
            "SIGNED_OFF, REOPEN, RECTIFYING"})
    void allowedTransitionLeadsToItsStatus(HazardStatus from, HazardAction action, HazardStatus to) {
        assertThat(HazardStateMachine.next(from, action)).contains(to);
        assertThat(HazardStateMachine.allowedActions(from)).contains(action);
    }

    static Stream<Arguments> refused() {
        return Stream.of(HazardStatus.values())
                .flatMap(s -> Stream.of(HazardAction.values()).map(a -> Arguments.of(s, a)))
                .filter(args -> !ALLOWED.containsKey(args.get()[0] + " " + args.get()[1]));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refused")
    void everyOtherTransitionIsRefused(HazardStatus from, HazardAction action) {
        assertThat(HazardStateMachine.next(from, action)).isEmpty();
        assertThat(HazardStateMachine.allowedActions(from)).doesNotContain(action);
    }

    @Test
    void refusedCasesCoverTheRestOfTheTable() {
        long all = (long) HazardStatus.values().length * HazardAction.values().length;
        assertThat(refused().count()).isEqualTo(all - ALLOWED.size()).isEqualTo(26);
    }

    @Test
    void allowedActionsPerStatusForThe409Answer() {
        assertThat(HazardStateMachine.allowedActions(HazardStatus.OPEN)).containsExactly(HazardAction.PLAN, HazardAction.EXTEND_DEADLINE);
        assertThat(HazardStateMachine.allowedActions(HazardStatus.VERIFIED)).containsExactly(HazardAction.SIGN_OFF);
        assertThat(HazardStateMachine.allowedActions(HazardStatus.SIGNED_OFF)).containsExactly(HazardAction.REOPEN);
        assertThat(HazardStateMachine.allowedActions(HazardStatus.PENDING_VERIFICATION))
                .containsExactlyInAnyOrder(HazardAction.VERIFY_ACCEPT, HazardAction.VERIFY_REJECT, HazardAction.EXTEND_DEADLINE);
    }

    @Test
    void theClockRunsOnlyWhileTheEnterpriseOwesWork() {
        assertThat(Stream.of(HazardStatus.values()).filter(HazardStatus::clockRunning))
                .containsExactlyInAnyOrderElementsOf(Set.of(HazardStatus.OPEN, HazardStatus.RECTIFYING));
    }
}
