package io.rectify.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.contracts.notification.ReminderSent;
import io.rectify.notification.config.ChasingConfig;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.DeliveryMode;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.notification.message.Reminder;
import io.rectify.notification.message.ReminderTexts;
import io.rectify.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Daily digests (chasing.md "Digest"): a contact on {@code DAILY_DIGEST} has its reminders HELD; once its
 * local digest time has come, one digest gathers every reminder held since the last one and goes out as a
 * single email, most urgent first. A {@code digest} row per contact, channel and local day under a unique
 * key is taken first, so two instances sweeping at once (or a restart) never send a second one that day.
 * Reminders withdrawn before the digest is sent (SUPERSEDED) drop out of it. Delivery retries like a
 * notification's: persisted attempts with the {@link RetryPolicy}'s backoff, then DELIVERY_FAILED.
 */
@ApplicationScoped
public class DailyDigests {

    private static final Logger LOG = Logger.getLogger(DailyDigests.class);

    /** Most urgent first: the higher the authority already involved, the later in the ladder. */
    static final Comparator<Reminder> URGENCY = Comparator.<Reminder>comparingInt(r -> -r.step().ordinal())
            .thenComparing(r -> "MAJOR".equals(r.grade()) ? 0 : 1)
            .thenComparing(Reminder::dueAt);

    @Inject
    EntityManager em;

    @Inject
    ChasingConfig config;

    @Inject
    Outbox outbox;

    @Inject
    ReminderFacts facts;

    @Inject
    ReminderTexts texts;

    @Inject
    EmailChannel email;

    @Scheduled(identity = "daily-digests", every = "${rectify.chasing.digest.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(Instant.now());
    }

    /**
     * Takes today's digest of every contact whose digest time has passed, then sends what is due.
     *
     * @return the digests sent by this call
     */
    public int sweep(Instant now) {
        ZonedDateTime local = now.atZone(Reminder.BEIJING);
        List<Contact> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select c from Contact c where c.delivery = :digest and c.digestTime is not null", Contact.class)
                .setParameter("digest", DeliveryMode.DAILY_DIGEST).getResultList().stream()
                .filter(c -> !local.toLocalTime().isBefore(c.digestTime)).toList());
        for (Contact c : due) {
            QuarkusTransaction.requiringNew().run(() -> take(c, local.toLocalDate()));
        }
        int sent = 0;
        for (UUID id; (id = QuarkusTransaction.requiringNew().call(this::claim)) != null; ) {
            sent += deliver(id) ? 1 : 0;
        }
        return sent;
    }

    /** Today's digest row for the contact, unless one exists; the reminders held so far go into it. */
    private void take(Contact c, LocalDate day) {
        UUID id = UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<UUID> taken = em.createNativeQuery("insert into digest (id, level, recipient_ref, day, channel, recipient, locale, items, "
                        + "status, attempts, created_at) values (?1, ?2, ?3, ?4, 'EMAIL', ?5, ?6, 0, 'PENDING', 0, now()) "
                        + "on conflict (level, recipient_ref, channel, day) do nothing returning id")
                .setParameter(1, id).setParameter(2, c.key.level).setParameter(3, c.key.ref).setParameter(4, day)
                .setParameter(5, c.email).setParameter(6, c.locale).getResultList();
        if (taken.isEmpty()) {
            return; // taken already today: by another instance, or before a restart
        }
        int items = em.createNativeQuery("update notification set digest_id = ?1 where status = 'HELD' and level = ?2 "
                        + "and recipient_ref = ?3 and digest_id is null")
                .setParameter(1, id).setParameter(2, c.key.level).setParameter(3, c.key.ref).executeUpdate();
        em.createNativeQuery("update digest set items = ?1, status = ?2, next_attempt_at = case when ?1 > 0 then now() end where id = ?3")
                .setParameter(1, items).setParameter(2, items > 0 ? "PENDING" : "EMPTY").setParameter(3, id).executeUpdate();
        LOG.infof("digest %s of %s/%s for %s: %d reminders", id, c.key.level, c.key.ref, day, items);
    }

    /** One pending digest, its attempt counted and leased (SKIP LOCKED: instances share the work). */
    private UUID claim() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from digest where status = 'PENDING' and next_attempt_at <= now() "
                + "order by next_attempt_at limit 1 for update skip locked").getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        em.createNativeQuery("update digest set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?1) where id = ?2")
                .setParameter(1, (double) config.delivery().webhookTimeout().multipliedBy(3).plusSeconds(30).toSeconds())
                .setParameter(2, ids.get(0)).executeUpdate();
        return ids.get(0);
    }

    private record Claimed(UUID id, String level, String ref, LocalDate day, String to, Locale locale, int attempt, List<Notification> items,
                           List<Reminder> reminders) {
    }

    private boolean deliver(UUID id) {
        Claimed d = QuarkusTransaction.requiringNew().call(() -> load(id));
        if (d.items().isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update digest set status = 'EMPTY', next_attempt_at = null where id = ?1")
                    .setParameter(1, id).executeUpdate());
            return false;
        }
        DeliveryOutcome outcome;
        try {
            outcome = email.send(d.to(), texts.digest(d.locale(), d.day(), d.reminders()), id.toString());
        } catch (RuntimeException e) {
            outcome = new DeliveryOutcome.Retryable(null, DeliveryOutcome.brief("digest failed: " + e));
        }
        DeliveryOutcome result = outcome;
        QuarkusTransaction.requiringNew().run(() -> record(d, result));
        return result instanceof DeliveryOutcome.Delivered;
    }

    private Claimed load(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select level, recipient_ref, day, recipient, locale, attempts from digest where id = ?1")
                .setParameter(1, id).getSingleResult();
        // only what is still held: a reminder superseded since the digest was taken is not sent
        List<Notification> items = em.createQuery("select n from Notification n where n.digestId = :id and n.status = :held order by n.seq",
                        Notification.class).setParameter("id", id).setParameter("held", NotificationStatus.HELD).getResultList();
        Locale locale = Locale.forLanguageTag((String) row[4]);
        Map<UUID, Reminder> reminders = facts.of(items, n -> locale);
        Set<String> seen = new HashSet<>();
        List<Reminder> shown = new ArrayList<>();
        for (Notification n : items) { // one entry per reminder, whichever channels it was held on
            if (seen.add(n.hazardId + "|" + n.step + "|" + n.sequence)) {
                shown.add(reminders.get(n.id));
            }
        }
        shown.sort(URGENCY);
        LocalDate day = row[2] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) row[2];
        return new Claimed(id, (String) row[0], (String) row[1], day, (String) row[3], locale, ((Number) row[5]).intValue(), items, shown);
    }

    private void record(Claimed d, DeliveryOutcome outcome) {
        Instant now = Instant.now();
        List<Notification> items = em.createQuery("select n from Notification n where n.digestId = :id and n.status = :held", Notification.class)
                .setParameter("id", d.id()).setParameter("held", NotificationStatus.HELD).getResultList();
        if (outcome instanceof DeliveryOutcome.Delivered) {
            em.createNativeQuery("update digest set status = 'SENT', sent_at = now(), next_attempt_at = null, items = ?1 where id = ?2")
                    .setParameter(1, d.reminders().size()).setParameter(2, d.id()).executeUpdate();
            for (Notification n : items) {
                n.status = NotificationStatus.SENT;
                n.sentAt = now;
                n.recipient = d.to();
                outbox.append(Topics.NOTIFICATION_EVENTS, new ReminderSent(n.id, n.hazardId, n.countyCode, n.enterpriseCreditCode, n.grade,
                        n.step.name(), n.sequence, n.level.name(), n.channel.name(), d.to(), n.dueAt, now), now);
            }
            LOG.infof("digest %s delivered to %s/%s: %d reminders", d.id(), d.level(), d.ref(), d.reminders().size());
        } else if (outcome instanceof DeliveryOutcome.Retryable && RetryPolicy.of(config.delivery()).mayRetry(d.attempt())) {
            java.time.Duration wait = RetryPolicy.of(config.delivery()).backoff(d.attempt());
            em.createNativeQuery("update digest set next_attempt_at = now() + make_interval(secs => ?1), failure_detail = ?2 where id = ?3")
                    .setParameter(1, wait.toMillis() / 1000.0).setParameter(2, outcome.detail()).setParameter(3, d.id()).executeUpdate();
            LOG.infof("digest %s attempt %d failed (%s), next in %s", d.id(), d.attempt(), outcome.detail(), wait);
        } else {
            em.createNativeQuery("update digest set status = 'FAILED', next_attempt_at = null, failure_detail = ?1 where id = ?2")
                    .setParameter(1, outcome.detail()).setParameter(2, d.id()).executeUpdate();
            for (Notification n : items) {
                n.status = NotificationStatus.FAILED;
                n.failureReason = DeliveryOutcomes.DELIVERY_FAILED;
                n.failureDetail = "digest " + d.id() + ": " + outcome.detail();
                outbox.append(Topics.NOTIFICATION_EVENTS, new NotificationFailed(n.id, n.hazardId, n.countyCode, n.step.name(), n.level.name(),
                        n.channel.name(), DeliveryOutcomes.DELIVERY_FAILED, n.failureDetail, now), now);
            }
            LOG.infof("digest %s failed after %d attempts: %s", d.id(), d.attempt(), outcome.detail());
        }
    }

    /** For tests and the demo: how many digests a recipient got on a day. */
    public long sentOn(RecipientLevel level, String ref, LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from digest where level = ?1 and recipient_ref = ?2 and day = ?3 and status = 'SENT'")
                .setParameter(1, level.name()).setParameter(2, ref).setParameter(3, day).getSingleResult()).longValue());
    }
}
