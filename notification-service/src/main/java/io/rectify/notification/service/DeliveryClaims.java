package io.rectify.notification.service;

import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.message.Reminder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Claims the notifications that are due ({@code FOR UPDATE SKIP LOCKED}), counts the attempt and leases
 * each row by pushing {@code next_attempt_at} past the longest a send can take, so several instances never
 * deliver the same attempt and a crashed instance's claims come due again when the lease runs out.
 * Each claim is detached as a {@link DeliveryJob}, to be sent outside any transaction.
 */
@ApplicationScoped
public class DeliveryClaims {

    @Inject
    ChasingConfig config;

    @Inject
    EntityManager em;

    @Inject
    ReminderFacts facts;

    /** Claims up to {@code batch-size} due notifications, oldest due first, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeliveryJob> claim() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from notification where status = 'PENDING' and next_attempt_at <= now() "
                        + "order by next_attempt_at, seq limit ?1 for update skip locked")
                .setParameter(1, config.delivery().batchSize())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Notification> claimed = new HashMap<>();
        for (Notification n : em.createQuery("select n from Notification n where n.id in :ids", Notification.class)
                .setParameter("ids", ids).getResultList()) {
            claimed.put(n.id, n);
        }
        // every contact of the batch in one query: the look-ups below are then answered from memory
        em.createQuery("select c from Contact c where c.key.ref in :refs", Contact.class)
                .setParameter("refs", claimed.values().stream().map(n -> n.recipientRef).distinct().toList()).getResultList();
        Instant leaseUntil = Instant.now().plus(lease(config.delivery()));
        Map<String, Optional<Contact>> contacts = new HashMap<>();
        Function<Notification, Optional<Contact>> contactOf =
                n -> contacts.computeIfAbsent(n.level + "/" + n.recipientRef, k -> Contact.find(n.level, n.recipientRef));
        Map<UUID, Reminder> reminders = facts.of(List.copyOf(claimed.values()),
                n -> contactOf.apply(n).map(Contact::locale).orElse(Locale.forLanguageTag("zh-CN")));
        List<DeliveryJob> jobs = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Notification n = claimed.get(id);
            n.attempts++;
            n.nextAttemptAt = leaseUntil;
            Contact contact = contactOf.apply(n).orElse(null);
            String target = contact == null ? null : contact.address(n.channel);
            String secret = contact == null ? null : contact.webhookSecret;
            jobs.add(new DeliveryJob(n.id, n.attempts, n.hazardId, n.countyCode, n.step, n.sequence, n.level, n.recipientRef,
                    n.channel, n.dueAt, n.hazardSnapshot, target, secret, reminders.get(n.id), n.traceparent));
        }
        return jobs;
    }

    /**
     * Longer than a whole batch can take (every send of it and of the other loops' batches timing out,
     * {@code concurrency} at a time), so a live sender never loses its claim.
     */
    static Duration lease(ChasingConfig.Delivery delivery) {
        long inFlight = (long) delivery.batchSize() * delivery.loops();
        long rounds = (inFlight + delivery.concurrency() - 1) / delivery.concurrency();
        Duration longestSend = delivery.webhookTimeout().compareTo(delivery.emailTimeout()) >= 0
                ? delivery.webhookTimeout() : delivery.emailTimeout();
        return longestSend.multipliedBy(rounds + 2).plusSeconds(30);
    }
}
