package io.rectify.scenarios.data;

import io.rectify.contracts.CloudEvent;
import io.rectify.contracts.hazard.Actor;
import io.rectify.contracts.hazard.HazardEvent;
import io.rectify.contracts.hazard.HazardOverdue;
import io.rectify.contracts.hazard.HazardReopened;
import io.rectify.contracts.hazard.HazardReported;
import io.rectify.contracts.hazard.HazardSignedOff;
import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.contracts.hazard.HazardVerified;
import io.rectify.contracts.hazard.RectificationPlan;
import io.rectify.contracts.hazard.RectificationPlanSubmitted;
import io.rectify.contracts.hazard.RectificationSubmitted;
import io.rectify.contracts.inspection.Evidence;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An endless, seeded stream of {@code hazard.events} as hazard-service would publish them: each hazard is
 * reported and then, with realistic odds, planned, rectified, verified, signed off, reopened or announced
 * overdue, every event carrying the full snapshot with a growing version. Hazards are spread over the
 * given counties (a thousand enterprises each) and over the {@code days} before
 * {@code origin}. The same seed and origin give byte-identical events.
 */
public final class HazardEventGenerator implements Iterator<GeneratedEvent> {

    private static final String SOURCE = "/hazard-service";
    private static final String[] KEY_TASKS = {"THREE_ONES", "MAJOR_HAZARD_INSTALLATIONS", "SPECIAL_OPERATIONS",
            "HAZARDOUS_PROCESSES", "STORAGE_TANKS", "CHEMICAL_PARKS"};
    private static final String[] DESCRIPTIONS = {
            "Emergency shut-off valves of the tank farm are kept in manual mode; the SIS trip was bypassed and not restored.",
            "Gas detectors in the loading area have not been calibrated for 14 months; two of six alarm below threshold.",
            "Hot-work permit issued without gas testing; the permit lacks the signature of the on-site supervisor.",
            "Fire water pump house: the diesel pump fails to start automatically on loss of pressure.",
            "Chlorination unit operators lack the special-operations certificate required for hazardous processes.",
            "Bund wall around the toluene tanks is cracked; capacity below 110 % of the largest tank."};

    private final Seeded random;
    private final List<SyntheticCounty> counties;
    private final Instant origin;
    private final long spanSeconds;
    private final ArrayDeque<GeneratedEvent> pending = new ArrayDeque<>();
    private long hazards;

    /**
     * @param days hazards are reported within the {@code days} before {@code origin} (keep it inside the current
     *             calendar year to put them all in the current scoring period)
     */
    public HazardEventGenerator(long seed, List<SyntheticCounty> counties, Instant origin, int days) {
        this.random = new Seeded(seed);
        this.counties = List.copyOf(counties);
        this.origin = origin.truncatedTo(ChronoUnit.SECONDS);
        this.spanSeconds = Duration.ofDays(days).toSeconds();
    }

    /** Hazards generated so far. */
    public long hazards() {
        return hazards;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public GeneratedEvent next() {
        if (pending.isEmpty()) {
            nextHazard();
        }
        GeneratedEvent e = pending.poll();
        if (e == null) {
            throw new NoSuchElementException();
        }
        return e;
    }

    private void nextHazard() {
        hazards++;
        SyntheticCounty county = counties.get(random.nextInt(counties.size()));
        boolean major = random.chance(0.1);
        Instant reportedAt = origin.minusSeconds(1 + random.nextLong(spanSeconds));
        Instant dueAt = reportedAt.plus(Duration.ofDays(major ? 15 : 30));
        Actor regulator = new Actor("regulator-" + county.code(), "COUNTY_REGULATOR");
        Actor enterprise = new Actor("enterprise-" + county.code(), "ENTERPRISE");

        Snapshot s = new Snapshot(random.uuid(), county, county.enterprise(random.nextInt(1000)),
                random.pick(KEY_TASKS), major ? "MAJOR" : "GENERAL",
                major ? String.format("MHC-%02d", 1 + random.nextInt(20)) : null,
                random.pick(DESCRIPTIONS), reportedAt, dueAt);
        emit(new HazardReported(s.next("OPEN"), regulator, reportedAt));

        Instant t = reportedAt;
        if (!random.chance(0.65)) {
            if (dueAt.isBefore(origin) && random.chance(0.5)) {
                s.overdueAnnounced = true;
                emit(new HazardOverdue(s.next("OPEN"), Actor.SYSTEM, dueAt, dueAt));
            }
            return;
        }
        t = t.plus(Duration.ofHours(4 + random.nextInt(72)));
        emit(new RectificationPlanSubmitted(s.next("RECTIFYING"), enterprise, t, new RectificationPlan(
                "Safety manager", "Replace and recalibrate; retrain the shift teams.", BigDecimal.valueOf(20_000 + random.nextInt(500_000)),
                dueAt.atZone(ZoneOffset.UTC).toLocalDate(), "Contingency plan CP-7 stays in force until closure.")));
        if (!random.chance(0.75)) {
            return;
        }
        t = t.plus(Duration.ofHours(24 + random.nextInt(24 * 20)));
        s.rectificationSubmittedAt = t;
        emit(new RectificationSubmitted(s.next("PENDING_VERIFICATION"), enterprise, t, "Done as planned; photographs attached.",
                List.of(new Evidence("PHOTO", "https://evidence.rectify.local/" + s.id + "/1.jpg",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))));
        if (!random.chance(0.85)) {
            return;
        }
        t = t.plus(Duration.ofHours(2 + random.nextInt(96)));
        emit(new HazardVerified(s.next("VERIFIED"), regulator, t, "Checked on site."));
        if (!random.chance(0.9)) {
            return;
        }
        t = t.plus(Duration.ofHours(1 + random.nextInt(48)));
        s.signedOffAt = t;
        emit(new HazardSignedOff(s.next("SIGNED_OFF"), regulator, t, null));
        if (random.chance(0.05)) {
            t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
            s.reopenings++;
            s.signedOffAt = null;
            emit(new HazardReopened(s.next("OPEN"), regulator, t, "The same defect was found again."));
        }
    }

    private void emit(HazardEvent payload) {
        CloudEvent ce = new CloudEvent(random.uuid(), payload.cloudEventType(), SOURCE, payload.aggregateId(), payload.occurredAt());
        pending.add(GeneratedEvent.of(ce, payload));
    }

    /** The hazard as it evolves; {@link #next} produces the snapshot of the next version. */
    private static final class Snapshot {
        final java.util.UUID id;
        final SyntheticCounty county;
        final String creditCode;
        final String keyTask;
        final String grade;
        final String majorCriterion;
        final String description;
        final Instant reportedAt;
        final Instant dueAt;
        Instant rectificationSubmittedAt;
        Instant signedOffAt;
        int reopenings;
        boolean overdueAnnounced;
        long version = -1;

        Snapshot(java.util.UUID id, SyntheticCounty county, String creditCode, String keyTask, String grade, String majorCriterion,
                 String description, Instant reportedAt, Instant dueAt) {
            this.id = id;
            this.county = county;
            this.creditCode = creditCode;
            this.keyTask = keyTask;
            this.grade = grade;
            this.majorCriterion = majorCriterion;
            this.description = description;
            this.reportedAt = reportedAt;
            this.dueAt = dueAt;
        }

        HazardSnapshot next(String status) {
            version++;
            return new HazardSnapshot(id, "REGULATOR", null, null, creditCode, county.code(), county.city(), county.province(),
                    keyTask, grade, majorCriterion, description, status, reportedAt, dueAt, overdueAnnounced,
                    "MAJOR".equals(grade) ? "COUNTY" : null, 0, 0, reopenings, rectificationSubmittedAt, signedOffAt, version);
        }
    }
}
