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
import io.rectify.scoring.service.FactUpdate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The consumer "scoring" of both upstream topics, a batch per poll. One transaction per batch: the
 * processed-event rows, the fact upserts and the marks of the counties to recompute
 * ({@link io.rectify.scoring.service.PendingRecomputes} does the recomputing) commit together or not at all;
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
    @Blocking // ordered; a batch per poll, one transaction per batch (EventConsumer.processBatch)
    public void onInspectionEvents(ConsumerRecords<String, String> records) {
        consume("inspection-events", records);
    }

    @Incoming("hazard-events")
    @Blocking // ordered; a batch per poll, one transaction per batch (EventConsumer.processBatch)
    public void onHazardEvents(ConsumerRecords<String, String> records) {
        consume("hazard-events", records);
    }

    private void consume(String channel, ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        consumer.processBatch(CONSUMER, channel, list, this::apply);
    }

    /** In the batch's transaction: decode all (a poison payload fails the batch, which is then taken apart), apply, mark. */
    private void apply(List<IncomingEvent> events) {
        List<FactUpdate> updates = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            FactUpdates.decode(event, config.periodZone()).ifPresent(updates::add);
        }
        int marked = indexes.markPending(facts.applyAll(updates));
        LOG.debugf("%d events applied (%d fact updates), %d county/periods marked for recomputation", events.size(), updates.size(), marked);
    }
}
