package io.rectify.scoring.messaging;

import io.rectify.platform.inbox.EventConsumer;
import io.rectify.platform.inbox.IncomingEvent;
import io.rectify.scoring.config.ScoringConfig;
import io.rectify.scoring.service.CountyIndexService;
import io.rectify.scoring.service.FactStore;
import io.rectify.scoring.service.FactUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The consumer "scoring" of both upstream topics. One transaction per record: the processed-event row,
 * the fact upsert and the marks of the counties to recompute ({@link io.rectify.scoring.service.PendingRecomputes}
 * does the recomputing) commit together or not at all;
 * a record that cannot be used is dead-lettered ({@code <topic>.scoring.dlq}) and the channel carries on.
 */
@ApplicationScoped
public class ScoringConsumers {

    public static final String CONSUMER = "scoring";

    private static final Logger LOG = Logger.getLogger(ScoringConsumers.class);

    @Inject
    EventConsumer consumer;

    @Inject
    FactStore facts;

    @Inject
    CountyIndexService indexes;

    @Inject
    ScoringConfig config;

    @Incoming("inspection-events")
    @Blocking // ordered; EventConsumer.process begins one transaction per try and waits out a database outage
    public void onInspectionEvent(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, this::apply);
    }

    @Incoming("hazard-events")
    @Blocking // ordered; EventConsumer.process begins one transaction per try and waits out a database outage
    public void onHazardEvent(ConsumerRecord<String, String> record) {
        consumer.process(CONSUMER, record, this::apply);
    }

    private void apply(IncomingEvent event) {
        FactUpdates.decode(event, config.periodZone()).ifPresent(update -> {
            int marked = indexes.markPending(facts.apply(update));
            LOG.debugf("%s %s applied, %d county/periods marked for recomputation", event.name(), event.id(), marked);
        });
    }
}
