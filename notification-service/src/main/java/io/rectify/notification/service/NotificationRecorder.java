package io.rectify.notification.service;

import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.domain.PlannedStep;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records one planned step as notifications, one per recipient level and channel, in the sweep's
 * transaction. The id is derived from the deterministic key and the insert does nothing on conflict, so
 * replaying a plan can never record a step twice; events go to the outbox only for rows really inserted.
 */
@ApplicationScoped
public class NotificationRecorder {

    private static final Logger LOG = Logger.getLogger(NotificationRecorder.class);
    public static final String NO_CONTACT = "NO_CONTACT";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** A notification that was inserted by this call. */
    private record Recorded(UUID id, RecipientLevel level, Channel channel, String recipient) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Chase chase, PlannedStep step) {
        List<Recorded> recorded = new ArrayList<>();
        for (RecipientLevel level : step.recipients()) {
            String ref = refOf(chase, level);
            Optional<Contact> contact = Contact.find(level, ref);
            List<Channel> channels = contact.map(NotificationRecorder::channelsOf).orElse(List.of());
            if (channels.isEmpty()) {
                insert(chase, step, level, ref == null ? "" : ref, Channel.NONE, null).ifPresent(id -> {
                    recorded.add(new Recorded(id, level, Channel.NONE, null));
                    noContact(chase, step, level, id, ref);
                });
                continue;
            }
            for (Channel channel : channels) {
                String recipient = channel == Channel.EMAIL ? contact.get().email : contact.get().webhookUrl;
                insert(chase, step, level, ref, channel, recipient)
                        .ifPresent(id -> recorded.add(new Recorded(id, level, channel, recipient)));
            }
        }
        if (step.step().isEscalation() && !recorded.isEmpty()) {
            Recorded first = recorded.get(0);
            Instant now = Instant.now();
            outbox.append(Topics.NOTIFICATION_EVENTS, new EscalationRaised(first.id(), chase.hazardId, chase.countyCode,
                    chase.enterpriseCreditCode, chase.grade.name(), step.step().name(), first.level().name(),
                    first.channel().name(), first.recipient(), chase.dueAt, now), now);
            LOG.infof("escalation raised: hazard %s to %s (%s, due %s)", chase.hazardId, first.level(), step.step(), chase.dueAt);
        }
        if (!recorded.isEmpty()) {
            LOG.infof("recorded %s #%d of hazard %s for %s", step.step(), step.sequence(), chase.hazardId,
                    recorded.stream().map(r -> r.level() + "/" + r.channel()).toList());
        }
    }

    private void noContact(Chase chase, PlannedStep step, RecipientLevel level, UUID id, String ref) {
        Instant now = Instant.now();
        outbox.append(Topics.NOTIFICATION_EVENTS, new NotificationFailed(id, chase.hazardId, chase.countyCode, step.step().name(),
                level.name(), Channel.NONE.name(), NO_CONTACT, "no contact for " + level + " " + ref, now), now);
        LOG.infof("notification %s failed: no contact for %s %s (hazard %s, %s)", id, level, ref, chase.hazardId, step.step());
    }

    /** Inserts unless the key exists; returns the id when this call inserted it. */
    private Optional<UUID> insert(Chase chase, PlannedStep step, RecipientLevel level, String ref, Channel channel, String recipient) {
        UUID id = keyOf(chase, step, level, channel);
        boolean noContact = channel == Channel.NONE;
        org.hibernate.query.NativeQuery<?> insert = em.createNativeQuery("insert into notification (id, hazard_id, due_at, step, sequence, level, channel, "
                        + "recipient_ref, recipient, county_code, city, province, enterprise_credit_code, grade, step_at, status, "
                        + "failure_reason, failure_detail, attempts, next_attempt_at, hazard_snapshot, created_at) values "
                        + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, 0, "
                        // delivery is due at once, in real time, whatever instant the plan was made for
                        + "case when ?16 = 'PENDING' then now() end, ?19, now()) on conflict do nothing")
                .unwrap(org.hibernate.query.NativeQuery.class);
        insert
                .setParameter(1, id)
                .setParameter(2, chase.hazardId)
                .setParameter(3, chase.dueAt)
                .setParameter(4, step.step().name())
                .setParameter(5, step.sequence())
                .setParameter(6, level.name())
                .setParameter(7, channel.name())
                .setParameter(8, ref)
                .setParameter(9, recipient, String.class)
                .setParameter(10, chase.countyCode)
                .setParameter(11, chase.city, String.class)
                .setParameter(12, chase.province, String.class)
                .setParameter(13, chase.enterpriseCreditCode, String.class)
                .setParameter(14, chase.grade.name())
                .setParameter(15, step.at())
                .setParameter(16, (noContact ? NotificationStatus.FAILED : NotificationStatus.PENDING).name())
                .setParameter(17, noContact ? NO_CONTACT : null, String.class)
                .setParameter(18, noContact ? "no contact for " + level + " " + ref : null, String.class)
                .setParameter(19, chase.snapshot);
        int inserted = insert.executeUpdate();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** The deterministic notification id: the same step for the same recipient always gets the same id. */
    static UUID keyOf(Chase chase, PlannedStep step, RecipientLevel level, Channel channel) {
        String key = chase.hazardId + "|" + chase.dueAt + "|" + step.step() + "|" + step.sequence() + "|" + level + "|" + channel;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    static String refOf(Chase chase, RecipientLevel level) {
        return switch (level) {
            case ENTERPRISE -> chase.enterpriseCreditCode;
            case COUNTY -> chase.countyCode;
            case CITY -> chase.city;
            case PROVINCE -> chase.province;
        };
    }

    static List<Channel> channelsOf(Contact contact) {
        List<Channel> channels = new ArrayList<>(2);
        if (contact.email != null && !contact.email.isBlank()) {
            channels.add(Channel.EMAIL);
        }
        if (contact.webhookUrl != null && !contact.webhookUrl.isBlank()) {
            channels.add(Channel.WEBHOOK);
        }
        return channels;
    }
}
