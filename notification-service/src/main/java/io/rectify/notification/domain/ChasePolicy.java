package io.rectify.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The chasing policy of chasing.md with every duration as a value, so configuration can run the ladder
 * in days (production) or seconds (demo, tests).
 *
 * @param dueSoonBefore  how long before the due date each DUE_SOON goes out (P3D and P1D by default)
 * @param repeatEvery    the cadence of OVERDUE_REPEAT while overdue
 * @param general        escalation offsets after the due date for GENERAL hazards
 * @param major          escalation offsets after the due date for MAJOR hazards
 */
public record ChasePolicy(List<Duration> dueSoonBefore, Duration repeatEvery, Escalation general, Escalation major) {

    /** When a grade escalates to the city and to the province, counted from the due date. */
    public record Escalation(Duration cityAfter, Duration provinceAfter) {
        public Escalation {
            Objects.requireNonNull(cityAfter, "cityAfter");
            Objects.requireNonNull(provinceAfter, "provinceAfter");
            if (provinceAfter.compareTo(cityAfter) < 0) {
                throw new IllegalArgumentException("province escalation must not come before city escalation");
            }
        }
    }

    public ChasePolicy {
        Objects.requireNonNull(repeatEvery, "repeatEvery");
        if (repeatEvery.isZero() || repeatEvery.isNegative()) {
            throw new IllegalArgumentException("repeatEvery must be positive");
        }
        // the earliest reminder first, whatever order configuration gave
        dueSoonBefore = dueSoonBefore.stream().sorted(Comparator.reverseOrder()).toList();
    }

    /** chasing.md's default table. */
    public static ChasePolicy defaults() {
        return new ChasePolicy(List.of(Duration.ofDays(3), Duration.ofDays(1)), Duration.ofDays(3),
                new Escalation(Duration.ofDays(7), Duration.ofDays(30)),
                new Escalation(Duration.ofDays(3), Duration.ofDays(7)));
    }

    /** The DUE_SOON instants for a due date, earliest first. */
    public List<Instant> dueSoonTimes(Instant dueAt) {
        return dueSoonBefore.stream().map(dueAt::minus).toList();
    }

    /** When a chase of this grade reaches {@code level} (CITY or PROVINCE). */
    public Instant escalationTime(Grade grade, EscalationLevel level, Instant dueAt) {
        Escalation e = grade == Grade.MAJOR ? major : general;
        return switch (level) {
            case CITY -> dueAt.plus(e.cityAfter());
            case PROVINCE -> dueAt.plus(e.provinceAfter());
            case NONE -> dueAt;
        };
    }
}
