package io.rectify.notification.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.rectify.notification.domain.RecipientLevel.CITY;
import static io.rectify.notification.domain.RecipientLevel.COUNTY;
import static io.rectify.notification.domain.RecipientLevel.ENTERPRISE;
import static io.rectify.notification.domain.RecipientLevel.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of chasing.md's policy table, with the default (day-long) durations. */
class ChasePlannerTest {

    static final ChasePolicy POLICY = ChasePolicy.defaults();
    static final Instant DUE = Instant.parse("2024-06-30T08:00:00Z");

    static Duration days(long d) {
        return Duration.ofDays(d);
    }

    static ChaseState general() {
        return ChaseState.fresh(Grade.GENERAL, DUE, ChaseStatus.ACTIVE);
    }

    static ChaseState major() {
        return ChaseState.fresh(Grade.MAJOR, DUE, ChaseStatus.ACTIVE);
    }

    /** A recipient-level view of a step, for compact assertions. */
    record Sent(Step step, int sequence, List<RecipientLevel> to) {
    }

    static List<Sent> sent(Plan plan) {
        return plan.stepsDueNow().stream().map(s -> new Sent(s.step(), s.sequence(), s.recipients())).toList();
    }

    /** Runs the planner at every wake-up it asks for until {@code until}, like a sweep that is never late. */
    static List<Sent> ladder(ChaseState start, Instant from, Instant until) {
        List<Sent> all = new ArrayList<>();
        ChaseState state = start;
        Instant now = from;
        while (!now.isAfter(until)) {
            Plan plan = ChasePlanner.plan(POLICY, state, now);
            all.addAll(sent(plan));
            state = plan.after();
            assertThat(plan.nextWakeUp()).isAfter(now);
            now = plan.nextWakeUp();
        }
        return all;
    }

    @Nested
    class PolicyRows {

        @Test
        void nothingIsDueLongBeforeTheDueDateAndTheWakeUpIsTheFirstDueSoon() {
            Plan plan = ChasePlanner.plan(POLICY, general(), DUE.minus(days(10)));
            assertThat(plan.stepsDueNow()).isEmpty();
            assertThat(plan.nextWakeUp()).isEqualTo(DUE.minus(days(3)));
        }

        @Test
        void dueSoonGoesToTheEnterpriseThreeDaysAndOneDayBefore() {
            Plan first = ChasePlanner.plan(POLICY, general(), DUE.minus(days(3)));
            assertThat(sent(first)).containsExactly(new Sent(Step.DUE_SOON, 1, List.of(ENTERPRISE)));
            assertThat(first.nextWakeUp()).isEqualTo(DUE.minus(days(1)));

            Plan second = ChasePlanner.plan(POLICY, first.after(), DUE.minus(days(1)));
            assertThat(sent(second)).containsExactly(new Sent(Step.DUE_SOON, 2, List.of(ENTERPRISE)));
            assertThat(second.nextWakeUp()).isEqualTo(DUE);
        }

        @Test
        void overdueGoesToTheEnterpriseAndTheCountyAtTheDueDate() {
            ChaseState afterDueSoon = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.ACTIVE, EscalationLevel.NONE, 2, false, 0, null, null);
            Plan plan = ChasePlanner.plan(POLICY, afterDueSoon, DUE);
            assertThat(sent(plan)).containsExactly(new Sent(Step.OVERDUE, 1, List.of(ENTERPRISE, COUNTY)));
            assertThat(plan.nextWakeUp()).isEqualTo(DUE.plus(days(3)));
        }

        @Test
        void overdueRepeatsEveryThreeDaysToTheEnterpriseAndTheHighestLevelReached() {
            List<Sent> steps = ladder(general(), DUE.minus(days(5)), DUE.plus(days(6)));
            assertThat(steps).containsExactly(
                    new Sent(Step.DUE_SOON, 1, List.of(ENTERPRISE)),
                    new Sent(Step.DUE_SOON, 2, List.of(ENTERPRISE)),
                    new Sent(Step.OVERDUE, 1, List.of(ENTERPRISE, COUNTY)),
                    new Sent(Step.OVERDUE_REPEAT, 1, List.of(ENTERPRISE, COUNTY)),
                    new Sent(Step.OVERDUE_REPEAT, 2, List.of(ENTERPRISE, COUNTY)));
        }

        @Test
        void generalEscalatesToTheCityAfterSevenDaysAndTheProvinceAfterThirty() {
            List<Sent> steps = ladder(general(), DUE.minus(days(5)), DUE.plus(days(30)));
            assertThat(steps).containsExactly(
                    new Sent(Step.DUE_SOON, 1, List.of(ENTERPRISE)),
                    new Sent(Step.DUE_SOON, 2, List.of(ENTERPRISE)),
                    new Sent(Step.OVERDUE, 1, List.of(ENTERPRISE, COUNTY)),
                    new Sent(Step.OVERDUE_REPEAT, 1, List.of(ENTERPRISE, COUNTY)),   // +3
                    new Sent(Step.OVERDUE_REPEAT, 2, List.of(ENTERPRISE, COUNTY)),   // +6
                    new Sent(Step.ESCALATE_CITY, 1, List.of(CITY)),                  // +7
                    new Sent(Step.OVERDUE_REPEAT, 3, List.of(ENTERPRISE, CITY)),     // +9
                    new Sent(Step.OVERDUE_REPEAT, 4, List.of(ENTERPRISE, CITY)),     // +12
                    new Sent(Step.OVERDUE_REPEAT, 5, List.of(ENTERPRISE, CITY)),     // +15
                    new Sent(Step.OVERDUE_REPEAT, 6, List.of(ENTERPRISE, CITY)),     // +18
                    new Sent(Step.OVERDUE_REPEAT, 7, List.of(ENTERPRISE, CITY)),     // +21
                    new Sent(Step.OVERDUE_REPEAT, 8, List.of(ENTERPRISE, CITY)),     // +24
                    new Sent(Step.OVERDUE_REPEAT, 9, List.of(ENTERPRISE, CITY)),     // +27
                    new Sent(Step.ESCALATE_PROVINCE, 1, List.of(PROVINCE)),          // +30, escalation first
                    new Sent(Step.OVERDUE_REPEAT, 10, List.of(ENTERPRISE, PROVINCE)));
        }

        @Test
        void majorEscalatesToTheCityAfterThreeDaysAndTheProvinceAfterSeven() {
            List<Sent> steps = ladder(major(), DUE, DUE.plus(days(9)));
            assertThat(steps).containsExactly(
                    new Sent(Step.OVERDUE, 1, List.of(ENTERPRISE, COUNTY)),
                    new Sent(Step.ESCALATE_CITY, 1, List.of(CITY)),                  // +3
                    new Sent(Step.OVERDUE_REPEAT, 1, List.of(ENTERPRISE, CITY)),     // +3, after the escalation
                    new Sent(Step.OVERDUE_REPEAT, 2, List.of(ENTERPRISE, CITY)),     // +6
                    new Sent(Step.ESCALATE_PROVINCE, 1, List.of(PROVINCE)),          // +7
                    new Sent(Step.OVERDUE_REPEAT, 3, List.of(ENTERPRISE, PROVINCE))); // +9
        }

        @Test
        void majorAndGeneralDifferOnlyInEscalationTimes() {
            Instant fourDaysLate = DUE.plus(days(4));
            ChaseState overdue = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.ACTIVE, EscalationLevel.NONE, 2, true, 1, DUE.plus(days(3)), null);
            assertThat(ChasePlanner.plan(POLICY, overdue, fourDaysLate).stepsDueNow()).isEmpty();
            ChaseState overdueMajor = new ChaseState(Grade.MAJOR, DUE, ChaseStatus.ACTIVE, EscalationLevel.NONE, 2, true, 1, DUE.plus(days(3)), null);
            assertThat(sent(ChasePlanner.plan(POLICY, overdueMajor, fourDaysLate)))
                    .containsExactly(new Sent(Step.ESCALATE_CITY, 1, List.of(CITY)));
            assertThat(ChasePlanner.plan(POLICY, overdue, fourDaysLate).nextWakeUp()).isEqualTo(DUE.plus(days(6)));
        }

        @Test
        void aChaseAtProvinceLevelOnlyRepeats() {
            ChaseState top = new ChaseState(Grade.MAJOR, DUE, ChaseStatus.ACTIVE, EscalationLevel.PROVINCE, 2, true, 3, DUE.plus(days(9)), null);
            Plan plan = ChasePlanner.plan(POLICY, top, DUE.plus(days(12)));
            assertThat(sent(plan)).containsExactly(new Sent(Step.OVERDUE_REPEAT, 4, List.of(ENTERPRISE, PROVINCE)));
            assertThat(plan.nextWakeUp()).isEqualTo(DUE.plus(days(15)));
        }
    }

    @Nested
    class PauseAndResume {

        @Test
        void aPausedChaseSendsNothingAndSleeps() {
            ChaseState paused = general().withStatus(ChaseStatus.PAUSED);
            Plan plan = ChasePlanner.plan(POLICY, paused, DUE.plus(days(40)));
            assertThat(plan.stepsDueNow()).isEmpty();
            assertThat(plan.nextWakeUp()).isNull();
            assertThat(plan.after()).isEqualTo(paused);
        }

        @Test
        void resumingWhileOverdueSendsTheNextRepeatAtOnceAndRestartsTheCadence() {
            ChaseState overdue = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.PAUSED, EscalationLevel.NONE, 2, true, 0, DUE, null);
            Instant resumed = DUE.plus(Duration.ofHours(30));
            Plan plan = ChasePlanner.plan(POLICY, overdue.resumedAt(resumed), resumed);
            assertThat(sent(plan)).containsExactly(new Sent(Step.OVERDUE_REPEAT, 1, List.of(ENTERPRISE, COUNTY)));
            assertThat(plan.nextWakeUp()).isEqualTo(resumed.plus(days(3)));
            assertThat(plan.after().resumedAt()).isNull();
        }

        @Test
        void resumingBeforeTheDueDateContinuesTheScheduleWithoutAnExtraReminder() {
            ChaseState paused = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.PAUSED, EscalationLevel.NONE, 1, false, 0, null, null);
            Instant resumed = DUE.minus(days(2));
            Plan plan = ChasePlanner.plan(POLICY, paused.resumedAt(resumed), resumed);
            assertThat(plan.stepsDueNow()).isEmpty();
            assertThat(plan.nextWakeUp()).isEqualTo(DUE.minus(days(1)));
        }

        @Test
        void resumingPastAnEscalationTimeEscalatesOnceThenRepeats() {
            ChaseState paused = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.PAUSED, EscalationLevel.NONE, 2, true, 1, DUE.plus(days(3)), null);
            Instant resumed = DUE.plus(days(8));
            Plan plan = ChasePlanner.plan(POLICY, paused.resumedAt(resumed), resumed);
            assertThat(sent(plan)).containsExactly(
                    new Sent(Step.ESCALATE_CITY, 1, List.of(CITY)),
                    new Sent(Step.OVERDUE_REPEAT, 2, List.of(ENTERPRISE, CITY)));
        }

        @Test
        void resumingOverdueBeforeOverdueWasEverSentSendsOverdueOnly() {
            ChaseState paused = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.PAUSED, EscalationLevel.NONE, 2, false, 0, null, null);
            Instant resumed = DUE.plus(days(1));
            Plan plan = ChasePlanner.plan(POLICY, paused.resumedAt(resumed), resumed);
            assertThat(sent(plan)).containsExactly(new Sent(Step.OVERDUE, 1, List.of(ENTERPRISE, COUNTY)));
            assertThat(plan.nextWakeUp()).isEqualTo(DUE.plus(days(3)));
        }
    }

    @Nested
    class ExtensionAndSignOff {

        @Test
        void anExtensionReplansFromTheNewDueDateWithTheEscalationLevelBackToNone() {
            ChaseState escalated = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.ACTIVE, EscalationLevel.CITY, 2, true, 2, DUE.plus(days(6)), null);
            Instant newDue = DUE.plus(days(20));
            ChaseState replanned = escalated.replannedFor(newDue);
            assertThat(replanned.level()).isEqualTo(EscalationLevel.NONE);

            Plan now = ChasePlanner.plan(POLICY, replanned, DUE.plus(days(8)));
            assertThat(now.stepsDueNow()).isEmpty();
            assertThat(now.nextWakeUp()).isEqualTo(newDue.minus(days(3)));

            List<Sent> steps = ladder(replanned, DUE.plus(days(8)), newDue.plus(days(7)));
            assertThat(steps).containsExactly(
                    new Sent(Step.DUE_SOON, 1, List.of(ENTERPRISE)),
                    new Sent(Step.DUE_SOON, 2, List.of(ENTERPRISE)),
                    new Sent(Step.OVERDUE, 1, List.of(ENTERPRISE, COUNTY)),
                    new Sent(Step.OVERDUE_REPEAT, 1, List.of(ENTERPRISE, COUNTY)),
                    new Sent(Step.OVERDUE_REPEAT, 2, List.of(ENTERPRISE, COUNTY)),
                    new Sent(Step.ESCALATE_CITY, 1, List.of(CITY)));
        }

        @Test
        void anExtensionToLessThanThreeDaysAwaySendsTheLatestDueSoonOnly() {
            Instant now = DUE.plus(days(1));
            ChaseState replanned = general().replannedFor(now.plus(Duration.ofHours(36)));
            Plan plan = ChasePlanner.plan(POLICY, replanned, now);
            assertThat(sent(plan)).containsExactly(new Sent(Step.DUE_SOON, 1, List.of(ENTERPRISE)));
            assertThat(plan.nextWakeUp()).isEqualTo(now.plus(Duration.ofHours(12)));
        }

        @Test
        void aSignOffInTheSameInstantAsADueStepSendsNothing() {
            // OVERDUE, a repeat and the city escalation all fall due at DUE+3d for a MAJOR hazard...
            ChaseState major = new ChaseState(Grade.MAJOR, DUE, ChaseStatus.ACTIVE, EscalationLevel.NONE, 2, true, 0, DUE, null);
            Instant instant = DUE.plus(days(3));
            assertThat(ChasePlanner.plan(POLICY, major, instant).stepsDueNow()).hasSize(2);
            // ...but the hazard was signed off at that very instant: nothing at all goes out
            Plan plan = ChasePlanner.plan(POLICY, major.withStatus(ChaseStatus.CLOSED), instant);
            assertThat(plan.stepsDueNow()).isEmpty();
            assertThat(plan.nextWakeUp()).isNull();
        }
    }

    @Nested
    class Downtime {

        @Test
        void missedRepeatsCoalesceIntoOneStandingForTheLatestAndTheGridIsKept() {
            ChaseState overdue = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.ACTIVE, EscalationLevel.CITY, 2, true, 3, DUE.plus(days(9)), null);
            // down from +9d to +20d: repeats of +12, +15 and +18 were missed
            Plan plan = ChasePlanner.plan(POLICY, overdue, DUE.plus(days(20)));
            assertThat(sent(plan)).containsExactly(new Sent(Step.OVERDUE_REPEAT, 4, List.of(ENTERPRISE, CITY)));
            assertThat(plan.stepsDueNow().get(0).at()).isEqualTo(DUE.plus(days(18)));
            assertThat(plan.nextWakeUp()).isEqualTo(DUE.plus(days(21)));
        }

        @Test
        void eachMissedStepIsSentAtMostOnceAndNeverInABurst() {
            // the service was down from before the first reminder until 40 days after the due date
            Plan plan = ChasePlanner.plan(POLICY, general(), DUE.plus(days(40)));
            assertThat(sent(plan)).containsExactly(
                    new Sent(Step.OVERDUE, 1, List.of(ENTERPRISE, COUNTY)),
                    new Sent(Step.ESCALATE_CITY, 1, List.of(CITY)),
                    new Sent(Step.ESCALATE_PROVINCE, 1, List.of(PROVINCE)));
            assertThat(plan.nextWakeUp()).isEqualTo(DUE.plus(days(42)));
            // asking again at the same instant (a second sweep, a replay) finds nothing more
            assertThat(ChasePlanner.plan(POLICY, plan.after(), DUE.plus(days(40))).stepsDueNow()).isEmpty();
        }

        @Test
        void missedDueSoonRemindersCoalesceIntoTheLatest() {
            Plan plan = ChasePlanner.plan(POLICY, general(), DUE.minus(Duration.ofHours(2)));
            assertThat(sent(plan)).containsExactly(new Sent(Step.DUE_SOON, 2, List.of(ENTERPRISE)));
            assertThat(plan.after().dueSoonSent()).isEqualTo(2);
        }

        @Test
        void aDueSoonMissedUntilPastTheDueDateIsDroppedForOverdue() {
            ChaseState oneSent = new ChaseState(Grade.GENERAL, DUE, ChaseStatus.ACTIVE, EscalationLevel.NONE, 1, false, 0, null, null);
            Plan plan = ChasePlanner.plan(POLICY, oneSent, DUE.plus(Duration.ofHours(1)));
            assertThat(sent(plan)).containsExactly(new Sent(Step.OVERDUE, 1, List.of(ENTERPRISE, COUNTY)));
        }
    }

    @Test
    void configuredDurationsDriveTheLadderInSeconds() {
        ChasePolicy fast = new ChasePolicy(List.of(Duration.ofSeconds(3), Duration.ofSeconds(6)), Duration.ofSeconds(7),
                new ChasePolicy.Escalation(Duration.ofSeconds(3), Duration.ofSeconds(10)),
                new ChasePolicy.Escalation(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        Plan plan = ChasePlanner.plan(fast, general(), DUE.minusSeconds(6));
        assertThat(sent(plan)).containsExactly(new Sent(Step.DUE_SOON, 1, List.of(ENTERPRISE)));
        assertThat(plan.nextWakeUp()).isEqualTo(DUE.minusSeconds(3));
        assertThat(fast.escalationTime(Grade.GENERAL, EscalationLevel.PROVINCE, DUE)).isEqualTo(DUE.plusSeconds(10));
    }

    @Test
    void aPolicyWithTheProvinceBeforeTheCityIsRefused() {
        assertThatThrownBy(() -> new ChasePolicy.Escalation(days(7), days(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChasePolicy(List.of(), Duration.ZERO, ChasePolicy.defaults().general(), ChasePolicy.defaults().major()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
