package io.rectify.contracts.hazard;

import io.rectify.contracts.EventPayload;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Events of hazard-service on {@code hazard.events}; key = hazard id; each carries the snapshot. */
public sealed interface HazardEvent extends EventPayload
        permits HazardReported, RectificationPlanSubmitted, RectificationSubmitted, VerificationRejected,
        HazardVerified, HazardSignedOff, DeadlineExtended, HazardReopened, HazardOverdue, SupervisionRaised {

    String DOMAIN = "hazard";

    /** The event names (CloudEvents type names) of hazard.events, every one carrying the snapshot. */
    Set<String> NAMES = Arrays.stream(HazardEvent.class.getPermittedSubclasses()).map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());

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
