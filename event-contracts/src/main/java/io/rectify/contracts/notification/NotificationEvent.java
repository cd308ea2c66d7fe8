package io.rectify.contracts.notification;

import io.rectify.contracts.EventPayload;

import java.time.Instant;
import java.util.UUID;

/** Events of notification-service on {@code notification.events} (for dashboards); key = hazard id. */
public sealed interface NotificationEvent extends EventPayload
        permits ReminderSent, EscalationRaised, NotificationFailed, ChaseClosed, NotificationAcknowledged {

    String DOMAIN = "notification";

    UUID hazardId();

    String countyCode();

    Instant occurredAt();

    @Override
    default String domain() {
        return DOMAIN;
    }

    @Override
    default String aggregateId() {
        return hazardId().toString();
    }
}
