package io.rectify.hazard.messaging;

import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.hazard.service.SupervisionRise;
import io.rectify.platform.inbox.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code notification.events}: an escalation of a major hazard's chase raises its listed supervision.
 * Idempotent (processed-event log) and dead-lettered to {@code notification.events.hazard.dlq}.
 */
@ApplicationScoped
public class NotificationEventsConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    SupervisionRise supervision;

    @Incoming("notification-events")
    @Blocking // ordered; EventConsumer.process begins one transaction per try
    public void on(ConsumerRecord<String, String> record) {
        consumer.process(InspectionEventsConsumer.CONSUMER, record, event -> {
            if ("EscalationRaised".equals(event.name())) {
                supervision.on(event.payload(EscalationRaised.class));
            } // reminders, failures and closures do not concern hazards
        });
    }
}
