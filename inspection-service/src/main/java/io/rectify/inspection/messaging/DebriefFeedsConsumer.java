package io.rectify.inspection.messaging;

import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.inspection.service.DebriefFigures;
import io.rectify.platform.inbox.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/**
 * Reads what the nightly debrief shows from the other services: {@code county.index} (the two yardsticks)
 * and {@code hazard.events} (rectification evidence warnings). Idempotent (processed-event log) and
 * dead-lettered to {@code <topic>.inspection.dlq}.
 */
@ApplicationScoped
public class DebriefFeedsConsumer {

    /** The consumer name in processed_event and in the dead-letter topic names. */
    public static final String CONSUMER = "inspection";

    /** What the debrief needs of any hazard event: every one carries the snapshot. */
    record HazardEnvelope(HazardSnapshot hazard, Instant occurredAt) {
    }

    @Inject
    EventConsumer consumer;

    @Inject
    DebriefFigures figures;

    @Incoming("county-index")
    @Blocking // ordered; EventConsumer.process begins one transaction per try
    public void onIndex(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, event -> {
            if ("CountyIndexChanged".equals(event.name())) {
                figures.indexChanged(event.payload(CountyIndexDocument.class));
            }
        });
    }

    @Incoming("hazard-events")
    @Blocking
    public void onHazard(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, event -> {
            if (HazardEvent.NAMES.contains(event.name())) {
                HazardEnvelope e = event.payload(HazardEnvelope.class);
                figures.hazardChanged(e.hazard(), e.occurredAt() != null ? e.occurredAt() : event.attributes().time());
            } // events hazard-service may add later carry nothing the debrief shows
        });
    }
}
