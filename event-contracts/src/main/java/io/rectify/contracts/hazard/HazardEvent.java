package io.rectify.contracts.hazard;

import io.rectify.contracts.EventPayload;

import java.time.Instant;

/** Events of hazard-service on {@code hazard.events}; key = hazard id; each carries the snapshot. */
public sealed interface HazardEvent extends EventPayload
        permits HazardReported, RectificationPlanSubmitted, RectificationSubmitted, VerificationRejected,
        HazardVerified, HazardSignedOff, DeadlineExtended, HazardReopened, HazardOverdue, SupervisionRaised {

    String DOMAIN = "hazard";

    HazardSnapshot hazard();

    Actor actor();

    Instant occurredAt();

    @Override
    default String domain() {
        return DOMAIN;
    }

    @Override
    default String aggregateId() {
        return hazard().id().toString();
    }
}
