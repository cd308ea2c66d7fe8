package io.rectify.hazard.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HazardOverdueTest {

    private static final Instant DUE = Instant.parse("2024-05-01T00:00:00Z");

    @ParameterizedTest(name = "{0} at {1}: overdue={2}")
    @CsvSource({
            "OPEN, 2024-05-01T00:00:01Z, true",
            "OPEN, 2024-05-01T00:00:00Z, false",
            "OPEN, 2024-04-30T23:59:59Z, false",
            "RECTIFYING, 2024-06-01T00:00:00Z, true",
            "PENDING_VERIFICATION, 2024-06-01T00:00:00Z, false",
            "VERIFIED, 2024-06-01T00:00:00Z, false",
            "SIGNED_OFF, 2024-06-01T00:00:00Z, false"})
    void overdueOnlyPastTheDueDateWhileTheClockRuns(HazardStatus status, Instant now, boolean overdue) {
        Hazard h = new Hazard();
        h.status = status;
        h.dueAt = DUE;
        assertThat(h.overdueAt(now)).isEqualTo(overdue);
    }
}
