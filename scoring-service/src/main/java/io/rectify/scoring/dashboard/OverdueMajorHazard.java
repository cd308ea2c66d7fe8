package io.rectify.scoring.dashboard;

import java.time.Instant;
import java.util.UUID;

/**
 * A major hazard past its due date in force and not rectified ({@code OPEN}/{@code RECTIFYING}), from
 * scoring's hazard facts — the ones the {@code OVERDUE_MAJOR} deduction counts.
 *
 * @param escalationLevel      the highest level the chase reached as seen on {@code notification.events}
 *                             ({@code null} when this instance has seen no escalation of it)
 * @param enterpriseCreditCode likewise from the notification events, when known
 */
public record OverdueMajorHazard(
        UUID hazardId,
        String countyCode,
        String status,
        Instant dueAt,
        String escalationLevel,
        String enterpriseCreditCode) {

    OverdueMajorHazard withChase(String level, String enterprise) {
        return new OverdueMajorHazard(hazardId, countyCode, status, dueAt, level, enterprise);
    }
}
