package io.rectify.inspection.api;

import io.rectify.inspection.domain.Consent;
import io.rectify.inspection.domain.ConsentScope;
import io.rectify.inspection.domain.ConsentStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A consent: REQUESTED by an expert (who, when) and GRANTED by a token of the enterprise (the account
 * {@code confirmedBy}, the person {@code grantedBy}, when); only a GRANTED one lets evidence of its kind in.
 */
public record ConsentDocument(UUID id, UUID inspectionId, ConsentScope scope, ConsentStatus status,
                              String requestedBy, Instant requestedAt, String grantedBy, Instant grantedAt, String confirmedBy,
                              String recordedBy, Instant recordedAt) {

    public static ConsentDocument of(Consent c) {
        return new ConsentDocument(c.id, c.inspectionId, c.scope, c.status, c.requestedBy, c.requestedAt, c.grantedBy, c.grantedAt,
                c.confirmedBy, c.recordedBy, c.recordedAt);
    }
}
