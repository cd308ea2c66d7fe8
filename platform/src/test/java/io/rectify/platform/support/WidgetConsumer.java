package io.rectify.platform.support;

import io.rectify.platform.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The consumer side of the test app, written exactly as a service's consumer is. */
@ApplicationScoped
public class WidgetConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    EntityManager em;

    @Incoming("widgets")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        consumer.handle("platform-test", record, event -> {
            WidgetRecorded w = event.payload(WidgetRecorded.class);
            em.createNativeQuery("insert into test_effect (event_id, widget, seq) values (?1, ?2, ?3)")
                    .setParameter(1, event.id()).setParameter(2, w.widget()).setParameter(3, w.seq()).executeUpdate();
            if (w.poison()) {
                throw new IllegalArgumentException("widget " + w.widget() + " is poison");
            }
        });
    }
}
