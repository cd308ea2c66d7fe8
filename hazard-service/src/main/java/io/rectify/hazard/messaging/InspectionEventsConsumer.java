package io.rectify.hazard.messaging;

import io.rectify.contracts.inspection.ConflictDeclared;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.contracts.inspection.FindingConfirmed;
import io.rectify.contracts.inspection.InspectionCancelled;
import io.rectify.contracts.inspection.InspectionScheduled;
import io.rectify.hazard.service.CountyDirectory;
import io.rectify.hazard.service.EnterpriseRegistry;
import io.rectify.hazard.service.InspectionAssignments;
import io.rectify.hazard.service.ExpertConflicts;
import io.rectify.hazard.service.FindingImport;
import io.rectify.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code inspection.events}: keeps the county directory, the enterprise registry and the experts'
 * assignments, and turns each confirmed finding into a hazard. One transaction per record holds the processed event id, the effect and any outbox row.
 */
@ApplicationScoped
public class InspectionEventsConsumer {

    /** The consumer name in processed_event and in the dead-letter topic name. */
    public static final String CONSUMER = "hazard";

    @Inject
    EventConsumer consumer;

    @Inject
    CountyDirectory counties;

    @Inject
    FindingImport findings;

    @Inject
    EnterpriseRegistry enterprises;

    @Inject
    InspectionAssignments assignments;

    @Inject
    ExpertConflicts conflicts;

    @Incoming("inspection-events")
    @Blocking // ordered; EventConsumer.process begins one transaction per try and waits out a database outage
    public void on(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, event -> {
            switch (event.name()) {
                case "CountyRegistered" -> counties.register(event.payload(CountyRegistered.class));
                case "EnterpriseRegistered" -> enterprises.register(event.payload(EnterpriseRegistered.class));
                case "InspectionScheduled" -> assignments.scheduled(event.payload(InspectionScheduled.class));
                case "InspectionCancelled" -> assignments.cancelled(event.payload(InspectionCancelled.class));
                case "FindingConfirmed" -> findings.importFinding(event.payload(FindingConfirmed.class));
                case "ConflictDeclared" -> conflicts.record(event.payload(ConflictDeclared.class));
                default -> { } // other inspection events do not concern hazards; producers may add more
            }
        });
    }
}
