package io.rectify.notification.messaging;

import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.notification.service.RegistryBook;
import io.rectify.platform.inbox.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns the registry from {@code inspection.events}: where each enterprise is registered (which places its
 * contact) and what each county is called (which messages name). Idempotent, poison to the DLQ; every
 * other inspection event is ignored.
 */
@ApplicationScoped
public class InspectionEventsConsumer {

    static final String CONSUMER = "notification-registry";

    @Inject
    EventConsumer consumer;

    @Inject
    RegistryBook registry;

    @Incoming("inspection-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, event -> {
            switch (event.name()) {
                case "CountyRegistered" -> registry.county(event.payload(CountyRegistered.class));
                case "EnterpriseRegistered" -> registry.enterprise(event.payload(EnterpriseRegistered.class));
                default -> {
                    // inspections and findings reach notification-service as hazards, through hazard.events
                }
            }
        });
    }
}
