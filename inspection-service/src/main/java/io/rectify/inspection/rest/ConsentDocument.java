package io.rectify.inspection.rest;

import io.rectify.inspection.domain.Consent;
import io.rectify.inspection.domain.ConsentScope;

import java.time.Instant;
import java.util.UUID;

public record ConsentDocument(UUID id, UUID inspectionId, ConsentScope scope, String grantedBy, Instant grantedAt,
                              String recordedBy, Instant recordedAt) {

    public static ConsentDocument of(Consent c) {
        return new ConsentDocument(c.id, c.inspectionId, c.scope, c.grantedBy, c.grantedAt, c.recordedBy, c.recordedAt);
    }
}
