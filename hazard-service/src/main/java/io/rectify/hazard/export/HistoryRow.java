package io.rectify.hazard.export;

import java.time.Instant;
import java.util.UUID;

/** One line of an exported hazard's audit trail (the register's second sheet). */
public record HistoryRow(UUID hazardId, long version, Instant at, String who, String role, String action,
                         String fromStatus, String toStatus, String payload) {
}
