package io.rectify.notification.service;

import io.rectify.contracts.Topics;
import io.rectify.contracts.notification.EscalationRaised;
import io.rectify.contracts.notification.NotificationFailed;
import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.Contact;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.domain.PlannedStep;
import io.rectify.notification.domain.RecipientLevel;
import io.opentelemetry.api.trace.SpanKind;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.tracing.TraceScope;
import io.rectify.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records planned steps as notifications, one per recipient level and channel, in the sweep's
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

    @Inject
    ChaseWithdrawal withdrawal;

    @Inject
    Traces traces;

    @Inject
    DeliveryMetrics metrics;

    /** A notification that was inserted by this call. */
    private record Inserted(UUID id, RecipientLevel level, Channel channel, String recipient) {
    }

    /** One planned step of one chase, to be recorded. */
    public record Due(Chase chase, PlannedStep step) {
    }

    /** One notification row to insert (unless its key exists). */
    private record Row(UUID id, Chase chase, PlannedStep step, RecipientLevel level, String ref, Channel channel, String recipient,
                       boolean held) {
        boolean noContact() {
            return channel == Channel.NONE;
        }

        NotificationStatus status() {
            return noContact() ? NotificationStatus.FAILED : held ? NotificationStatus.HELD : NotificationStatus.PENDING;
        }

        /** The row as inserted claimed: what {@link DeliveryClaims} reads back from a row it claims. */
        Notification claimed(Instant leaseUntil) {
            Notification n = new Notification();
            n.id = id;
            n.status = NotificationStatus.PENDING;
            n.attempts = 1;
            n.nextAttemptAt = leaseUntil;
            n.hazardId = chase.hazardId;
            n.dueAt = chase.dueAt;
            n.step = step.step();
            n.sequence = step.sequence();
            n.level = level;
            n.channel = channel;
            n.recipientRef = ref;
            n.countyCode = chase.countyCode;
            n.city = chase.city;
            n.province = chase.province;
            n.enterpriseCreditCode = chase.enterpriseCreditCode;
            n.grade = chase.grade.name();
            n.hazardSnapshot = chase.snapshot;
            n.traceparent = chase.traceparent;
            return n;
        }
    }

    /** Rows per INSERT statement (PostgreSQL takes at most 65,535 parameters per statement). */
    private static final int ROWS_PER_INSERT = 500;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Chase chase, PlannedStep step) {
        recordAll(List.of(new Due(chase, step)));
    }

    /**
     * Records many steps at once: their notification rows go in with multi-row {@code INSERT … ON CONFLICT DO
     * NOTHING RETURNING id} statements (one round trip for hundreds of rows instead of one each), then each
     * step's events and log line follow for the rows really inserted, in the order of {@code due}.
     *
     * @return how many of the rows inserted are PENDING (to be delivered now)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(List<Due> due) {
        return recordAll(due, null).pending();
    }

    /**
     * What {@link #recordAll(List, Instant)} inserted for delivery now: how many rows, and (when it claimed them)
     * the claimed rows as detached notifications with the columns a delivery needs.
     */
    public record Recorded(int pending, List<Notification> claimed) {
    }

    /**
     * As {@link #recordAll(List)}; with {@code claimUntil}, the rows due for delivery now go in already claimed
     * (attempt 1, leased until then) and come back for the caller to send, instead of waiting to be claimed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded recordAll(List<Due> due, Instant claimUntil) {
        return recordAll(due, claimUntil, BatchContacts.forChases(em, due.stream().map(Due::chase).toList()));
    }

    /** As {@link #recordAll(List, Instant)}, addressing {@code contacts}: those of every chase in {@code due}, loaded by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    Recorded recordAll(List<Due> due, Instant claimUntil, BatchContacts contacts) {
        List<List<Row>> rowsPerStep = new ArrayList<>(due.size());
        List<Row> all = new ArrayList<>();
        for (Due d : due) {
            List<Row> rows = rowsOf(d.chase(), d.step(), contacts);
            rowsPerStep.add(rows);
            all.addAll(rows);
        }
        Set<UUID> inserted = insert(all, claimUntil);
        withdrawal.withdrawAll(supersededBy(due, rowsPerStep, inserted));
        for (int i = 0; i < due.size(); i++) {
            Chase chase = due.get(i).chase();
            PlannedStep step = due.get(i).step();
            try (TraceScope ignored = traces.start("chase " + step.step(), SpanKind.INTERNAL, chase.traceparent, Map.of(
                    "hazardId", chase.hazardId.toString(), "countyCode", String.valueOf(chase.countyCode)))) {
                recordEvents(chase, step, rowsPerStep.get(i), inserted);
            }
        }
        List<Row> pending = all.stream().filter(r -> r.status() == NotificationStatus.PENDING && inserted.contains(r.id())).toList();
        return new Recorded(pending.size(), claimUntil == null ? List.of() : pending.stream().map(r -> r.claimed(claimUntil)).toList());
    }

    /** The events and log lines of one step's rows really inserted, in the step's trace. */
    private void recordEvents(Chase chase, PlannedStep step, List<Row> rows, Set<UUID> inserted) {
        List<Inserted> recorded = new ArrayList<>();
        for (Row row : rows) {
            if (!inserted.contains(row.id())) {
                continue;
            }
            recorded.add(new Inserted(row.id(), row.level(), row.channel(), row.recipient()));
            if (row.noContact()) {
                metrics.noContact();
                noContact(chase, step, row.level(), row.id(), row.ref());
            }
        }
        if (step.step().isEscalation() && !recorded.isEmpty()) {
            Inserted first = recorded.get(0);
            Instant now = Instant.now();
            outbox.append(Topics.NOTIFICATION_EVENTS, new EscalationRaised(first.id(), chase.hazardId, chase.countyCode,
                    chase.enterpriseCreditCode, chase.grade.name(), step.step().name(), first.level().name(),
                    first.channel().name(), first.recipient(), chase.dueAt, now), now);
            LOG.infof("escalation raised: hazard %s to %s (%s, due %s)", chase.hazardId, first.level(), step.step(), chase.dueAt);
        }
        // DEBUG: a sweep records thousands of steps a second (the rows, their events and the
        // rectify_notification_deliveries_total counters are the record); escalations and failures stay INFO
        if (!recorded.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debugf("recorded %s #%d of hazard %s for %s", step.step(), step.sequence(), chase.hazardId,
                    recorded.stream().map(r -> r.level() + "/" + r.channel()).toList());
        }
    }

    /**
     * What the steps just recorded withdraw: per chase, every earlier notification not yet delivered gives way
     * to the last step recorded now (the plan lists a chase's steps in ladder order). Rows recorded by this
     * call are kept, so a late OVERDUE recorded with an escalation in the same sweep still goes out.
     */
    private static List<ChaseWithdrawal.Withdrawal> supersededBy(List<Due> due, List<List<Row>> rowsPerStep, Set<UUID> inserted) {
        java.util.Map<UUID, String> lastStep = new java.util.LinkedHashMap<>();
        java.util.Map<UUID, List<UUID>> keep = new java.util.HashMap<>();
        for (int i = 0; i < due.size(); i++) {
            UUID hazard = due.get(i).chase().hazardId;
            for (Row row : rowsPerStep.get(i)) {
                if (inserted.contains(row.id())) {
                    lastStep.put(hazard, row.step().step().name());
                    keep.computeIfAbsent(hazard, h -> new ArrayList<>()).add(row.id());
                }
            }
        }
        List<ChaseWithdrawal.Withdrawal> withdrawals = new ArrayList<>(lastStep.size());
        lastStep.forEach((hazard, step) -> withdrawals.add(new ChaseWithdrawal.Withdrawal(hazard, step, keep.get(hazard))));
        return withdrawals;
    }

    /**
     * One row per recipient level and channel; a level without a contact gets one NONE row (recorded as
     * failed). A reminder to a contact on a daily digest is HELD for it on the channels people read;
     * escalations (to a city or the province) always go at once.
     */
    private static List<Row> rowsOf(Chase chase, PlannedStep step, BatchContacts contacts) {
        List<Row> rows = new ArrayList<>();
        for (RecipientLevel level : step.recipients()) {
            String ref = refOf(chase, level);
            Optional<Contact> contact = contacts.find(level, ref);
            List<Channel> channels = contact.map(Contact::channels).orElse(List.of());
            if (channels.isEmpty()) {
                rows.add(new Row(keyOf(chase, step, level, Channel.NONE), chase, step, level, ref == null ? "" : ref, Channel.NONE, null, false));
                continue;
            }
            for (Channel channel : channels) {
                boolean held = !step.step().isEscalation() && contact.get().holdsForDigest(channel);
                rows.add(new Row(keyOf(chase, step, level, channel), chase, step, level, ref, channel, contact.get().address(channel), held));
            }
        }
        return rows;
    }

    private void noContact(Chase chase, PlannedStep step, RecipientLevel level, UUID id, String ref) {
        Instant now = Instant.now();
        outbox.append(Topics.NOTIFICATION_EVENTS, new NotificationFailed(id, chase.hazardId, chase.countyCode, step.step().name(),
                level.name(), Channel.NONE.name(), NO_CONTACT, "no contact for " + level + " " + ref, now), now);
        LOG.infof("notification %s failed: no contact for %s %s (hazard %s, %s)", id, level, ref, chase.hazardId, step.step());
    }

    /** Inserts the rows whose key does not exist yet; returns the ids this call inserted. */
    private Set<UUID> insert(List<Row> rows, Instant claimUntil) {
        Set<UUID> inserted = new HashSet<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            inserted.addAll(em.unwrap(Session.class).doReturningWork(c -> insertChunk(c, chunk, claimUntil)));
        }
        return inserted;
    }

    private static List<UUID> insertChunk(Connection c, List<Row> rows, Instant claimUntil) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into notification (id, hazard_id, due_at, step, sequence, level, channel, "
                + "recipient_ref, recipient, county_code, city, province, enterprise_credit_code, grade, step_at, status, "
                + "failure_reason, failure_detail, attempts, next_attempt_at, hazard_snapshot, created_at, traceparent) values ");
        for (int i = 0; i < rows.size(); i++) {
            // delivery is due at once, in real time, whatever instant the plan was made for; or, claimed, after the lease
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "case when ? then coalesce(?::timestamptz, now()) end, ?, now(), ?)");
        }
        sql.append(" on conflict do nothing returning id");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Row r : rows) {
                Chase chase = r.chase();
                ps.setObject(p++, r.id());
                ps.setObject(p++, chase.hazardId);
                ps.setObject(p++, OffsetDateTime.ofInstant(chase.dueAt, ZoneOffset.UTC));
                ps.setString(p++, r.step().step().name());
                ps.setInt(p++, r.step().sequence());
                ps.setString(p++, r.level().name());
                ps.setString(p++, r.channel().name());
                ps.setString(p++, r.ref());
                ps.setString(p++, r.recipient());
                ps.setString(p++, chase.countyCode);
                ps.setString(p++, chase.city);
                ps.setString(p++, chase.province);
                ps.setString(p++, chase.enterpriseCreditCode);
                ps.setString(p++, chase.grade.name());
                ps.setObject(p++, OffsetDateTime.ofInstant(r.step().at(), ZoneOffset.UTC));
                ps.setString(p++, r.status().name());
                ps.setString(p++, r.noContact() ? NO_CONTACT : null);
                ps.setString(p++, r.noContact() ? "no contact for " + r.level() + " " + r.ref() : null);
                boolean pending = r.status() == NotificationStatus.PENDING;
                ps.setInt(p++, pending && claimUntil != null ? 1 : 0);
                ps.setBoolean(p++, pending);
                ps.setObject(p++, claimUntil == null ? null : OffsetDateTime.ofInstant(claimUntil, ZoneOffset.UTC));
                ps.setString(p++, chase.snapshot);
                ps.setString(p++, chase.traceparent);
            }
            List<UUID> ids = new ArrayList<>(rows.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
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
}
