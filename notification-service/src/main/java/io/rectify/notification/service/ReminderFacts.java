package io.rectify.notification.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

import io.rectify.contracts.EventJson;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.Step;
import io.rectify.notification.message.Reminder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Gathers what messages say about a batch of notifications, in a few queries inside the claiming
 * transaction: county and enterprise names from the registry, the previous reminder of each repeat and
 * whether it was acknowledged, and a fresh acknowledgement link.
 */
@ApplicationScoped
public class ReminderFacts {

    @Inject
    EntityManager em;

    @Inject
    ChasingConfig config;

    @Inject
    AcknowledgementTokens tokens;

    public Map<UUID, Reminder> of(List<Notification> notifications, Function<Notification, Locale> localeOf) {
        if (notifications.isEmpty()) {
            return Map.of();
        }
        Map<String, String> counties = names("select r.code, r.name from unnest(?::text[]) as c(code) join registry_county r on r.code = c.code",
                notifications.stream().map(n -> n.countyCode));
        Map<String, String> enterprises = names("select r.credit_code, r.name from unnest(?::text[]) as c(code) join registry_enterprise r on r.credit_code = c.code",
                notifications.stream().map(n -> n.enterpriseCreditCode));
        Map<UUID, Reminder.Previous> previous = previousOf(notifications.stream()
                .filter(n -> n.step == Step.OVERDUE_REPEAT).map(n -> n.id).toList());
        Instant now = Instant.now();
        Map<UUID, Reminder> reminders = new HashMap<>();
        for (Notification n : notifications) {
            String escalatedTo = n.step == Step.ESCALATE_CITY ? n.city : n.step == Step.ESCALATE_PROVINCE ? n.province : null;
            reminders.put(n.id, new Reminder(n.id, n.hazardId, n.step, n.sequence, n.level, localeOf.apply(n), descriptionOf(n.hazardSnapshot), n.grade,
                    enterprises.get(n.enterpriseCreditCode), n.enterpriseCreditCode, counties.get(n.countyCode), n.countyCode, escalatedTo,
                    n.dueAt, now, config.links().hazardUrl().replace("{id}", n.hazardId.toString()), tokens.link(n.id),
                    previous.get(n.id)));
        }
        return reminders;
    }

    /**
     * The hazard's description from the stored snapshot, read by a streaming parser that skips the other
     * fields: binding the whole snapshot for one field was a tenth of the claim's CPU (bench P4).
     */
    static String descriptionOf(String snapshot) {
        try (JsonParser p = EventJson.mapper().getFactory().createParser(snapshot)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored snapshot is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("description")) {
                    return p.getValueAsString();
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("stored snapshot is not JSON", e);
        }
    }

    /**
     * The names of the codes (nulls ignored), by one statement ({@link ByCodes}): one index probe per code, joined
     * from the codes. Bench P4 with the registry filled (11,000 enterprises, run 38d): {@code where credit_code =
     * any(?)} took 59 ms a batch (max 184), planned as scans of the whole registry, a third of PostgreSQL's time in
     * the sweep, and nothing of it when the registry is empty, as it is in P4 alone.
     */
    private Map<String, String> names(String select, Stream<String> codes) {
        Map<String, String> names = new HashMap<>();
        ByCodes.forEach(em, select, codes, rs -> names.put(rs.getString(1), rs.getString(2)));
        return names;
    }

    /** The last reminder delivered to the same recipient and channel before each repeat (one query for the batch). */
    private Map<UUID, Reminder.Previous> previousOf(List<UUID> repeats) {
        if (repeats.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<UUID, Reminder.Previous> found = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select distinct on (n.id) n.id, p.sent_at, p.acknowledged_at "
                    + "from notification n join notification p on p.hazard_id = n.hazard_id and p.level = n.level "
                    + "and p.recipient_ref = n.recipient_ref and p.channel = n.channel and p.seq < n.seq and p.status = 'SENT' "
                    + "where n.id = any(?) order by n.id, p.seq desc")) {
                ps.setArray(1, c.createArrayOf("uuid", repeats.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp sent = rs.getTimestamp(2);
                        Timestamp ack = rs.getTimestamp(3);
                        found.put(rs.getObject(1, UUID.class), new Reminder.Previous(sent == null ? null : sent.toInstant(),
                                ack == null ? null : ack.toInstant()));
                    }
                }
            }
            return found;
        });
    }
}
