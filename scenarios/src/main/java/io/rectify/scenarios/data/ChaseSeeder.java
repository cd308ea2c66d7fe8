package io.rectify.scenarios.data;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.hazard.HazardSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Fills notification-service's tables (its {@code V1__init.sql}) with open chases and enterprise
 * contacts, by COPY. Every {@code chases / ready}-th chase is "ready": its hazard is due in two days,
 * so its first DUE_SOON reminder (three days before) is owed, to the enterprise only, which has one
 * webhook: one delivery per ready chase. Ready chases are parked with their next step one day ahead
 * until {@link #makeReadyDue} moves them to now in one statement, so they all fall due at once.
 * Everything else waits a week or more.
 */
public final class ChaseSeeder {

    /** Enterprises per county that chases are spread over (each has one contact). */
    public static final int ENTERPRISES_PER_COUNTY = 100;

    private final long seed;
    private final List<SyntheticCounty> counties;
    private final Instant origin;

    public ChaseSeeder(long seed, List<SyntheticCounty> counties, Instant origin) {
        this.seed = seed;
        this.counties = List.copyOf(counties);
        this.origin = origin.truncatedTo(ChronoUnit.MILLIS);
    }

    /** What was seeded. */
    public record Loaded(long chases, long ready, long contacts) {
    }

    /** Empties chases, notifications, attempts and contacts, then loads the contacts and chases; commits. */
    public Loaded seed(Connection c, long chases, long ready, String webhookUrl, String webhookSecret) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // the delivery trail's chain heads go with the attempts (as the owner role: the runtime role may not truncate)
            s.execute("truncate delivery_attempt, notification, chase, contact, audit_chain_head");
        }
        long contacts = 0;
        try (CopyWriter w = new CopyWriter(c, "contact", "level", "ref", "name", "email", "webhook_url", "webhook_secret",
                "version", "updated_at", "updated_by")) {
            for (SyntheticCounty county : counties) {
                for (int i = 0; i < ENTERPRISES_PER_COUNTY; i++) {
                    w.value("ENTERPRISE").value(county.enterprise(i)).value("Enterprise " + i + " of " + county.code()).value(null)
                            .value(webhookUrl).value(webhookSecret).value(0).value(origin).value("data-generator").endRow();
                }
            }
            contacts = w.rows();
        }
        Seeded random = new Seeded(seed);
        long every = Math.max(1, chases / Math.max(1, ready));
        long readyCount = 0;
        try (CopyWriter w = new CopyWriter(c, "chase", "hazard_id", "county_code", "city", "province", "enterprise_credit_code",
                "grade", "hazard_status", "due_at", "status", "escalation_level", "due_soon_sent", "overdue_sent", "repeats_sent",
                "next_step_at", "snapshot_version", "snapshot", "created_at", "updated_at")) {
            for (long n = 0; n < chases; n++) {
                boolean isReady = n % every == 0 && readyCount < ready;
                SyntheticCounty county = counties.get(random.nextInt(counties.size()));
                String enterprise = county.enterprise(random.nextInt(ENTERPRISES_PER_COUNTY));
                boolean major = random.chance(0.1);
                Instant dueAt = isReady ? origin.plus(Duration.ofDays(2)) : origin.plus(Duration.ofDays(10 + random.nextInt(50)));
                Instant nextStep = isReady ? origin.plus(Duration.ofDays(1)) : dueAt.minus(Duration.ofDays(3));
                Instant reportedAt = dueAt.minus(Duration.ofDays(major ? 15 : 30));
                java.util.UUID id = random.uuid();
                HazardSnapshot snapshot = new HazardSnapshot(id, "REGULATOR", null, null, enterprise, county.code(), county.city(),
                        county.province(), "THREE_ONES", major ? "MAJOR" : "GENERAL", major ? "MHC-03" : null,
                        "Gas detectors in the loading area have not been calibrated for 14 months.", "OPEN", reportedAt, dueAt,
                        false, major ? "COUNTY" : null, 0, 0, 0, null, null, 0);
                w.value(id).value(county.code()).value(county.city()).value(county.province()).value(enterprise)
                        .value(major ? "MAJOR" : "GENERAL").value("OPEN").value(dueAt).value("ACTIVE").value("NONE")
                        .value(0).value(false).value(0).value(nextStep).value(0).value(EventJson.write(snapshot))
                        .value(origin).value(origin).endRow();
                if (isReady) {
                    readyCount++;
                }
            }
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("analyze chase");
            s.execute("analyze contact");
        }
        c.setAutoCommit(auto);
        return new Loaded(chases, readyCount, contacts);
    }

    /** Moves every ready chase's next step to now in one transaction: they fall due at the same instant. */
    public int makeReadyDue(Connection c) throws SQLException {
        return makeDue(c, Integer.MAX_VALUE);
    }

    /**
     * Moves the next step of at most {@code limit} ready chases that have had no reminder yet to now, in one
     * transaction (a first round that warms the service up, then {@link #makeReadyDue} for the rest).
     */
    public int makeDue(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update chase set next_step_at = now() where hazard_id in ("
                + "select hazard_id from chase where status = 'ACTIVE' and next_step_at <= ? and due_soon_sent = 0 limit ?)")) {
            ps.setTimestamp(1, Timestamp.from(origin.plus(Duration.ofDays(1))));
            ps.setInt(2, limit);
            return ps.executeUpdate();
        }
    }

    /**
     * Makes the chases that have had their DUE_SOON reminder due again, in one transaction, as if their deadline had
     * moved one second on: the planner records the same step again under a new key (a new notification, not a
     * duplicate), so a warm-up round can be repeated on the same chases without using up the ready ones (whose
     * spread over the table the measured round keeps).
     */
    public int makeRemindedDueAgain(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update chase set due_soon_sent = 0, due_at = due_at + interval '1 second', "
                + "next_step_at = now() where status = 'ACTIVE' and due_soon_sent > 0")) {
            return ps.executeUpdate();
        }
    }
}
