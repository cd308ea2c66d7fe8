package io.rectify.scoring.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.rectify.contracts.notification.ChaseClosed;
import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.contracts.notification.NotificationAcknowledged;
import io.rectify.contracts.notification.NotificationEvent;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.contracts.notification.ReminderSent;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.inbox.IncomingEvent;
import io.rectify.scoring.service.CountyDirectory;
import io.rectify.scoring.service.CountyRef;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code county.index} and {@code notification.events} for the dashboard, each instance with a
 * consumer group of its own, so every instance (and every page it serves) sees every change.
 *
 * <p>Unlike scoring's fact consumers this one changes nothing durable: it keeps no processed-event rows
 * (a repeated record changes the view at most once, see {@link DashboardView}) and a record it cannot
 * read is counted, logged and skipped rather than dead-lettered — with one group per instance, a
 * dead-letter topic would collect the same poison once per replica and restart, and nothing is lost
 * by skipping it: the producer's own data is untouched.
 */
@ApplicationScoped
public class DashboardFeed {

    private static final Logger LOG = Logger.getLogger(DashboardFeed.class);

    @Inject
    DashboardStream stream;

    @Inject
    CountyDirectory directory;

    @Inject
    MeterRegistry registry;

    /** City per county as the facts know it: looked up once, a county does not move. */
    private final Map<String, String> cities = new ConcurrentHashMap<>();

    @Incoming("dashboard-county-index")
    @Blocking // the county's city comes from the database, once per county
    public void onCountyIndex(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                stream.countyRemoved(record.key());
            }
            return;
        }
        read(record).filter(event -> "CountyIndexChanged".equals(event.name())).ifPresent(event -> {
            try {
                CountyIndexDocument document = event.payload(CountyIndexDocument.class);
                if (document.countyCode() == null || document.computedAt() == null) {
                    throw new IllegalArgumentException("index document without county code or computedAt");
                }
                stream.index(DashboardCounty.of(document, city(document.countyCode())));
            } catch (RuntimeException e) {
                skip(record, e);
            }
        });
    }

    @Incoming("dashboard-notifications")
    public void onNotification(ConsumerRecord<String, String> record) {
        read(record).ifPresent(event -> {
            try {
                Class<? extends NotificationEvent> type = switch (event.name()) {
                    case "ReminderSent" -> ReminderSent.class;
                    case "EscalationRaised" -> EscalationRaised.class;
                    case "NotificationFailed" -> NotificationFailed.class;
                    case "ChaseClosed" -> ChaseClosed.class;
                    case "NotificationAcknowledged" -> NotificationAcknowledged.class;
                    default -> null; // a type added later: not shown until the page knows it
                };
                if (type == null) {
                    return;
                }
                NotificationEvent payload = event.payload(type);
                if (payload.hazardId() == null || payload.occurredAt() == null) {
                    throw new IllegalArgumentException(event.name() + " without hazardId or occurredAt");
                }
                stream.notification(DashboardNotification.of(event.id(), payload));
            } catch (RuntimeException e) {
                skip(record, e);
            }
        });
    }

    private Optional<IncomingEvent> read(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(IncomingEvent.of(record));
        } catch (RuntimeException e) {
            skip(record, e);
            return Optional.empty();
        }
    }

    private String city(String countyCode) {
        String known = cities.get(countyCode);
        if (known != null) {
            return known;
        }
        String city;
        try {
            city = directory.find(countyCode).map(CountyRef::city).orElse(null);
        } catch (RuntimeException e) {
            return null; // the database is away: the index is shown without its city, looked up again next time
        }
        if (city != null) {
            cities.put(countyCode, city);
        }
        return city;
    }

    private void skip(ConsumerRecord<String, String> record, RuntimeException e) {
        registry.counter("rectify.dashboard.records.skipped", "topic", record.topic()).increment();
        LOG.warnf("dashboard skips %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
}
