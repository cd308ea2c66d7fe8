package io.rectify.inspection.api;

import io.rectify.inspection.domain.ExpertConflict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ConflictDocument(UUID id, UUID expertId, String creditCode, String reason, LocalDate from, LocalDate to,
                               String declaredBy, Instant declaredAt) {

    public static ConflictDocument of(ExpertConflict c) {
        return new ConflictDocument(c.id, c.expertId, c.creditCode, c.reason, c.validFrom, c.validTo, c.declaredBy, c.declaredAt);
    }
}
