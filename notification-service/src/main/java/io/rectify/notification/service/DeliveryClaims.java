package io.rectify.notification.service;

import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.domain.Step;
import io.rectify.notification.message.Reminder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Claims the notifications that are due ({@code FOR UPDATE SKIP LOCKED}), counts the attempt and leases
 * each row by pushing {@code next_attempt_at} past the longest a send can take, so several instances never
 * deliver the same attempt and a crashed instance's claims come due again when the lease runs out. Picking,
 * counting and leasing are one {@code UPDATE … RETURNING} of the columns a delivery needs (bench P4: no entity
 * load of the wide rows, no rewrite of their hazard snapshot). Each claim is detached as a {@link DeliveryJob},
 * to be sent outside any transaction.
 */
@ApplicationScoped
public class DeliveryClaims {

    @Inject
    ChasingConfig config;

    @Inject
    EntityManager em;

    @Inject
    ReminderFacts facts;

    /**
     * Picks the due notifications (oldest due first, {@code FOR UPDATE SKIP LOCKED}), counts the attempt and leases
     * them in one statement; only the columns a delivery needs come back (the row is not loaded as an entity, and
     * the notification's other columns, its hazard snapshot among them, are not rewritten).
     */
    private static final String CLAIM = "with due as (select id, next_attempt_at as was_due from notification "
            + "where status = 'PENDING' and next_attempt_at <= now() order by next_attempt_at, seq limit ? for update skip locked) "
            + "update notification n set attempts = n.attempts + 1, next_attempt_at = ? from due where n.id = due.id "
            + "returning n.id, due.was_due, n.seq, n.attempts, n.hazard_id, n.due_at, n.step, n.sequence, n.level, n.channel, "
            + "n.recipient_ref, n.county_code, n.city, n.province, n.enterprise_credit_code, n.grade, n.hazard_snapshot, n.traceparent";

    /** A claimed row: the notification's delivery columns and where it stood in the queue. */
    private record Claimed(Notification notification, Instant wasDue, long seq) {
    }

    /** Claims up to {@code batch-size} due notifications, oldest due first, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeliveryJob> claim() {
        Instant leaseUntil = Instant.now().plus(lease(config.delivery()));
        List<Claimed> rows = em.unwrap(Session.class).doReturningWork(c -> claim(c, config.delivery().batchSize(), leaseUntil));
        if (rows.isEmpty()) {
            return List.of();
        }
        rows.sort(Comparator.comparing(Claimed::wasDue).thenComparingLong(Claimed::seq));
        List<Notification> claimed = rows.stream().map(Claimed::notification).toList();
        return jobsOf(claimed, BatchContacts.load(em, claimed.stream().map(n -> n.recipientRef).toList()));
    }

    /**
     * The jobs of notifications claimed in the caller's transaction (by {@link #claim} or recorded claimed by the
     * sweep): each with its contact's address and secret as they are now ({@code contacts} holds every recipient's)
     * and its message facts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<DeliveryJob> jobsOf(List<Notification> claimed, BatchContacts contacts) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        Function<Notification, Optional<Contact>> contactOf = n -> contacts.find(n.level, n.recipientRef);
        Map<UUID, Reminder> reminders = facts.of(claimed,
                n -> contactOf.apply(n).map(Contact::locale).orElse(Locale.forLanguageTag("zh-CN")));
        List<DeliveryJob> jobs = new ArrayList<>(claimed.size());
        for (Notification n : claimed) {
            Contact contact = contactOf.apply(n).orElse(null);
            String target = contact == null ? null : contact.address(n.channel);
            String secret = contact == null ? null : contact.webhookSecret;
            jobs.add(new DeliveryJob(n.id, n.attempts, n.hazardId, n.countyCode, n.step, n.sequence, n.level, n.recipientRef,
                    n.channel, n.dueAt, n.hazardSnapshot, target, secret, reminders.get(n.id), n.traceparent));
        }
        return jobs;
    }

    private static List<Claimed> claim(Connection c, int batchSize, Instant leaseUntil) throws SQLException {
        List<Claimed> rows = new ArrayList<>(batchSize);
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setInt(1, batchSize);
            ps.setObject(2, OffsetDateTime.ofInstant(leaseUntil, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // detached: read by the message facts, never persisted
                    Notification n = new Notification();
                    n.id = rs.getObject(1, UUID.class);
                    Instant wasDue = rs.getObject(2, OffsetDateTime.class).toInstant();
                    long seq = rs.getLong(3);
                    n.seq = seq;
                    n.attempts = rs.getInt(4);
                    n.nextAttemptAt = leaseUntil;
                    n.hazardId = rs.getObject(5, UUID.class);
                    n.dueAt = rs.getObject(6, OffsetDateTime.class).toInstant();
                    n.step = Step.valueOf(rs.getString(7));
                    n.sequence = rs.getInt(8);
                    n.level = RecipientLevel.valueOf(rs.getString(9));
                    n.channel = Channel.valueOf(rs.getString(10));
                    n.recipientRef = rs.getString(11);
                    n.countyCode = rs.getString(12);
                    n.city = rs.getString(13);
                    n.province = rs.getString(14);
                    n.enterpriseCreditCode = rs.getString(15);
                    n.grade = rs.getString(16);
                    n.hazardSnapshot = rs.getString(17);
                    n.traceparent = rs.getString(18);
                    n.status = NotificationStatus.PENDING;
                    rows.add(new Claimed(n, wasDue, seq));
                }
            }
        }
        return rows;
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
