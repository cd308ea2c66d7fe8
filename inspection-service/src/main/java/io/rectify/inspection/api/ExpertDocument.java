package io.rectify.inspection.api;

import io.rectify.inspection.domain.Expert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ExpertDocument(UUID id, String name, List<String> specialties, String subject, Instant createdAt) {

    public static ExpertDocument of(Expert e) {
        return new ExpertDocument(e.id, e.name, List.copyOf(e.specialties), e.subject, e.createdAt);
    }
}
