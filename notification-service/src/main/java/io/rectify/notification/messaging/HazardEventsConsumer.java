package io.rectify.notification.messaging;

import io.rectify.contracts.hazard.DeadlineExtended;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardOverdue;
import io.rectify.contracts.hazard.HazardReopened;
import io.rectify.contracts.hazard.HazardReported;
import io.rectify.contracts.hazard.HazardSignedOff;
import io.rectify.contracts.hazard.HazardVerified;
import io.rectify.contracts.hazard.RectificationPlanSubmitted;
import io.rectify.contracts.hazard.RectificationSubmitted;
import io.rectify.contracts.hazard.VerificationRejected;
import io.rectify.notification.service.ChaseBook;
import io.rectify.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;

/** Keeps the chases from {@code hazard.events}: idempotent (event id recorded with the effect), poison to the DLQ. */
@ApplicationScoped
public class HazardEventsConsumer {

    static final String CONSUMER = "notification";

    /** Every hazard event carries the snapshot the chase is built from; other types are ignored. */
    private static final Map<String, Class<? extends HazardEvent>> TYPES = Map.of(
            "HazardReported", HazardReported.class,
            "RectificationPlanSubmitted", RectificationPlanSubmitted.class,
            "RectificationSubmitted", RectificationSubmitted.class,
            "VerificationRejected", VerificationRejected.class,
            "HazardVerified", HazardVerified.class,
            "HazardSignedOff", HazardSignedOff.class,
            "DeadlineExtended", DeadlineExtended.class,
            "HazardReopened", HazardReopened.class,
            "HazardOverdue", HazardOverdue.class);

    @Inject
    EventConsumer consumer;

    @Inject
    ChaseBook chases;

    @Incoming("hazard-events")
    @Blocking // ordered; EventConsumer.process begins one transaction per try and waits out a database outage
    public void on(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, event -> {
            Class<? extends HazardEvent> type = TYPES.get(event.name());
            if (type != null) {
                chases.apply(event.name(), event.payload(type));
            }
        });
    }
}
