package io.rectify.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.scenarios.Api;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * R1-R3: each scenario registers its own counties, runs the load, injects its fault at a fixed point,
 * heals it, lets the load run on, stops it, retries what was not accepted (same Idempotency-Key), waits
 * until every outbox is empty and every consumer group has caught up, and then checks the invariants
 * on the databases and topics.
 */
public final class Suite {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final List<String> SERVICES = List.of("inspection-service", "hazard-service", "scoring-service", "notification-service");

    private final Settings settings;
    private final Stack stack;
    private final Evidence evidence;
    private final WebhookReceiver receiver;
    private final Api inspection;
    private final Api hazards;
    private final Api scoring;
    private final Api notification;
    private final String agencyToken;
    private final String adminToken;
    private final String runId;
    private volatile String phase = "setup";
    /** When a notification-service kill could have cut a delivery between sending and recording it. */
    private final List<Instant[]> notificationKills = new ArrayList<>();

    public Suite(Settings settings, Stack stack, Evidence evidence, WebhookReceiver receiver, io.rectify.scenarios.Tokens tokens) {
        this.settings = settings;
        this.stack = stack;
        this.evidence = evidence;
        this.receiver = receiver;
        String admin = tokens.mint("reliability-admin", "ADMIN");
        this.adminToken = admin;
        this.agencyToken = tokens.mint("reliability-agency", "AGENCY_SYSTEM");
        this.inspection = new Api(settings.inspectionUrl(), admin);
        this.hazards = new Api(settings.hazardUrl(), admin);
        this.scoring = new Api(settings.scoringUrl(), admin);
        this.notification = new Api(settings.notificationUrl(), admin);
        this.runId = Long.toString(System.currentTimeMillis(), 36);
    }

    private void phase(String p) {
        phase = p;
        log("phase " + p);
    }

    static void log(String s) {
        System.out.printf("[%s] %s%n", java.time.LocalTime.now().withNano(0), s);
    }

    // ------------------------------------------------------------------------------------------
    // the scenarios
    // ------------------------------------------------------------------------------------------

    /** R1: the broker stopped for 30 s under load, then restarted. Every report must still be a 201. */
    public Report r1() throws Exception {
        return scenario("R1", 1, report -> {
            phase("steady-before");
            pause(settings.steady());
            phase("kafka-down");
            stack.run(Duration.ofMinutes(1), "kafka-stop");
            report.add(Reconciliation.FAULTS, 1);
            pause(settings.kafkaOutage());
            phase("kafka-restarting");
            double took = stack.run(Duration.ofMinutes(2), "kafka-start");
            report.note(String.format("broker down %d s, restart took %.1f s", settings.kafkaOutage().toSeconds(), took));
            phase("steady-after");
            pause(settings.steady());
        });
    }

    /** R2: kill -9 of each service in turn under load, then restarted. */
    public Report r2() throws Exception {
        return scenario("R2", 2, report -> {
            phase("steady-before");
            pause(settings.steady());
            for (String svc : SERVICES) {
                Instant killed = Instant.now();
                phase(svc + "-down");
                stack.run(Duration.ofMinutes(1), "svc-kill", svc);
                report.add(Reconciliation.FAULTS, 1);
                pause(settings.serviceDown());
                phase(svc + "-down-restarting");
                double took = stack.run(Duration.ofMinutes(4), "svc-start", svc);
                if (svc.equals("notification-service")) {
                    // a delivery cut between sending and recording is repeated after its lease (README: receivers dedupe)
                    notificationKills.add(new Instant[] {killed, Instant.now().plus(Duration.ofSeconds(90))});
                }
                report.note(String.format("%s killed (SIGKILL), down %d s, restart to ready took %.1f s", svc,
                        settings.serviceDown().toSeconds(), took));
                phase("steady-after-" + svc);
                pause(settings.steady());
            }
        });
    }

    /** R3: PostgreSQL stopped under load and started again; the services must recover by themselves. */
    public Report r3() throws Exception {
        return scenario("R3", 3, report -> {
            phase("steady-before");
            pause(settings.steady());
            phase("pg-down");
            stack.run(Duration.ofMinutes(1), "pg-stop");
            report.add(Reconciliation.FAULTS, 1);
            pause(settings.pgOutage());
            stack.run(Duration.ofMinutes(1), "pg-start");
            // the pool notices the database is back on its next acquisition: a few seconds of grace
            phase("pg-recovering");
            pause(Duration.ofSeconds(10));
            phase("steady-after");
            pause(settings.steady());
        });
    }

    /**
     * Once, on the fresh stack, before the first scenario: the target load for a while against counties of
     * its own, so the scenarios do not measure cold JVMs (a just-started service compiles while the first
     * 128 reports wait on it). Its answers are printed, not judged.
     */
    public void warmUp(Duration duration) throws Exception {
        log("==== warm-up " + duration.toSeconds() + " s ====");
        phase("warm-up");
        Fixture fixture = new Fixture(0, 5, runId);
        fixture.register(inspection, notification, receiver, evidence);
        HazardLoad load = new HazardLoad(settings.hazardUrl(), agencyToken,
                new HazardLoad.Plan("warm-up", runId, fixture.counties(), fixture.enterprises(), 0, settings.chaseDueIn()),
                settings.rate(), settings.maxInFlight(), settings.requestTimeout(), () -> phase);
        load.start();
        pause(duration);
        load.stop();
        Map<String, Long> kinds = new java.util.TreeMap<>();
        load.attempts().forEach(a -> kinds.merge(a.kind() == Attempt.Kind.STATUS ? String.valueOf(a.status()) : a.kind().name(), 1L, Long::sum));
        log("warm-up: " + load.attempts().size() + " reports sent, " + load.skipped() + " skipped, answers " + kinds);
        drain();
    }

    private interface Script {
        void run(Report report) throws Exception;
    }

    private Report scenario(String name, int number, Script script) throws Exception {
        Report report = new Report(name);
        report.set(Reconciliation.FAULTS, 0);
        log("==== " + name + " ====");
        phase("setup");
        Fixture fixture = new Fixture(number, settings.counties(), runId);
        fixture.register(inspection, notification, receiver, evidence);
        String markerPrefix = "reliability " + runId + " " + name + " ";
        HazardLoad load = new HazardLoad(settings.hazardUrl(), agencyToken,
                new HazardLoad.Plan(name, runId, fixture.counties(), fixture.enterprises(), settings.chaseEvery(), settings.chaseDueIn()),
                settings.rate(), settings.maxInFlight(), settings.requestTimeout(), () -> phase);
        CountyRenames renames = new CountyRenames(settings.inspectionUrl(), adminToken, fixture, settings.requestTimeout(), () -> phase);
        Instant started = Instant.now();
        load.start();
        renames.start();
        try {
            script.run(report);
        } finally {
            load.stop();
            renames.stop();
        }
        Duration loadTime = Duration.between(started, Instant.now());
        phase("retry");
        load.retryUnanswered();
        phase("drain");
        report.set("load duration (s)", loadTime.toSeconds());
        report.set("target rate (reports/s)", settings.rate());
        report.set("reports skipped by the client (more than " + settings.maxInFlight() + " in flight)", load.skipped());
        List<Attempt> attempts = load.attempts();
        long created = attempts.stream().filter(a -> !a.retry() && a.kind() == Attempt.Kind.CREATED).count();
        report.set("achieved rate of 201s (reports/s)", created / Math.max(1, loadTime.toSeconds()));
        latency(report, attempts);
        phases(report, attempts);
        drain();
        Instant chaseHorizon = load.lastChaseDue() == null ? null : load.lastChaseDue().plus(Duration.ofSeconds(20));
        if (chaseHorizon != null && chaseHorizon.isAfter(Instant.now())) {
            log("waiting until the last chased hazard is overdue and chased (" + chaseHorizon + ")");
            pause(Duration.between(Instant.now(), chaseHorizon));
            drain();
        }

        awaitDeliveries(fixture);
        phase("check");
        readiness(report);
        Reconciliation.checkAnswers(report, attempts, Expectation::of);
        List<ConsumerRecord<String, String>> records = evidence.readTopic(Topics.HAZARD_EVENTS);
        List<Reconciliation.TopicEvent> events = evidence.hazardEvents(records, markerPrefix);
        Map<UUID, String> dbHazards = evidence.hazards(markerPrefix);
        String[] counties = fixture.counties().toArray(String[]::new);
        Set<UUID> facts = evidence.ids("scoring-service", "select id from hazard_fact where county_code = any(?)", (Object) counties);
        Set<UUID> chases = evidence.ids("notification-service", "select hazard_id from chase where county_code = any(?)", (Object) counties);
        Reconciliation.checkHazards(report, attempts, dbHazards, events, facts, chases);
        countyChanges(report, fixture, renames.renames());
        deadLetters(report);
        notifications(report, counties, load);
        indexes(report, fixture, events);
        report.print(System.out);
        return report;
    }

    /** Per phase the requests were sent in: how many answers of which kind, and the slowest (a hang would show here first). */
    private static void phases(Report report, List<Attempt> attempts) {
        Map<String, Map<String, Long>> kinds = new java.util.LinkedHashMap<>();
        Map<String, Long> slowest = new HashMap<>();
        for (Attempt a : attempts) {
            String key = a.retry() ? "retry" : a.sentPhase();
            String kind = switch (a.kind()) {
                case CREATED -> "201";
                case STATUS -> String.valueOf(a.status());
                case TIMEOUT -> "timeout";
                case CONNECTION -> "refused";
            };
            kinds.computeIfAbsent(key, k -> new java.util.TreeMap<>()).merge(kind, 1L, Long::sum);
            slowest.merge(key, a.millis(), Math::max);
        }
        kinds.forEach((phase, counts) -> report.note(String.format("sent in %-33s answers %s, slowest %,d ms", phase, counts,
                slowest.get(phase))));
    }

    /** After the fault every service must be ready again by itself, without a restart. */
    private void readiness(Report report) {
        for (String url : List.of(settings.inspectionUrl(), settings.hazardUrl(), settings.scoringUrl(), settings.notificationUrl())) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            int status;
            do {
                status = Probe.status(url + "/q/health/ready");
                if (status != 200) {
                    pause(Duration.ofSeconds(1));
                }
            } while (status != 200 && Instant.now().isBefore(deadline));
            if (status != 200) {
                report.violation("service not ready again after the fault", url + " /q/health/ready -> " + status);
            }
        }
    }

    private void latency(Report report, List<Attempt> attempts) {
        long[] ms = attempts.stream().filter(a -> !a.retry()).mapToLong(Attempt::millis).sorted().toArray();
        if (ms.length > 0) {
            report.set("answer time p50 (ms)", ms[ms.length / 2]);
            report.set("answer time p99 (ms)", ms[(int) Math.min(ms.length - 1, Math.floor(ms.length * 0.99))]);
            report.set("answer time max (ms)", ms[ms.length - 1]);
        }
    }

    // ------------------------------------------------------------------------------------------
    // waiting for the system to settle
    // ------------------------------------------------------------------------------------------

    /** Until every outbox is empty and every consumer group is at the end of its topics (bounded). */
    private void drain() throws Exception {
        Instant deadline = Instant.now().plus(settings.drainLimit());
        Instant lastLog = Instant.EPOCH;
        while (true) {
            long pending = 0;
            for (String svc : SERVICES) {
                pending += evidence.count(svc, "select count(*) from outbox_event where published_at is null");
            }
            long lag = evidence.lag("hazard-service", Topics.INSPECTION_EVENTS)
                    + evidence.lag("scoring-service", Topics.INSPECTION_EVENTS)
                    + evidence.lag("scoring-service", Topics.HAZARD_EVENTS)
                    + evidence.lag("notification-service", Topics.HAZARD_EVENTS);
            if (pending == 0 && lag == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not settled after " + settings.drainLimit() + ": " + pending
                        + " outbox rows unpublished, consumer lag " + lag);
            }
            if (Duration.between(lastLog, Instant.now()).toSeconds() >= 10) {
                log("draining: " + pending + " outbox rows unpublished, consumer lag " + lag);
                lastLog = Instant.now();
            }
            Thread.sleep(1000);
        }
    }

    /** Until notification-service has no delivery of this scenario left pending (bounded: 2 minutes). */
    private void awaitDeliveries(Fixture fixture) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long pending;
        while ((pending = evidence.count("notification-service",
                "select count(*) from notification where status = 'PENDING' and county_code = any(?)",
                (Object) fixture.counties().toArray(String[]::new))) > 0 && Instant.now().isBefore(deadline)) {
            log("waiting for " + pending + " pending deliveries");
            pause(Duration.ofSeconds(5));
        }
    }

    private static void pause(Duration d) {
        Fixture.sleep(Math.max(0, d.toMillis()));
    }

    // ------------------------------------------------------------------------------------------
    // downstream invariants
    // ------------------------------------------------------------------------------------------

    /**
     * inspection-service's side: every accepted county change is on inspection.events, and after the
     * fault all three databases hold the same (latest) name for every county.
     */
    private void countyChanges(Report report, Fixture fixture, List<CountyRenames.Rename> renames) throws IOException {
        Map<String, Set<String>> announced = new HashMap<>();
        long events = 0;
        for (ConsumerRecord<String, String> r : evidence.readTopic(Topics.INSPECTION_EVENTS)) {
            org.apache.kafka.common.header.Header type = r.headers().lastHeader(io.rectify.contracts.CloudEvent.H_TYPE);
            if (type == null || !new String(type.value(), java.nio.charset.StandardCharsets.UTF_8).contains("CountyRegistered")) {
                continue;
            }
            JsonNode n = JSON.readTree(r.value());
            if (fixture.counties().contains(n.path("code").asText())) {
                events++;
                announced.computeIfAbsent(n.path("code").asText(), k -> new HashSet<>()).add(n.path("name").asText());
            }
        }
        report.set("county changes sent (inspection-service)", renames.size());
        report.set("county changes accepted (200)", renames.stream().filter(r -> r.status() == 200).count());
        report.set("CountyRegistered events checked", events);
        long lost = 0;
        long unexpected = 0;
        for (CountyRenames.Rename r : renames) {
            if (!CountyRenames.acceptable(r)) {
                unexpected++;
                report.violation("unexpected answer (county change)", r.toString());
            }
            if (r.status() == 200 && !announced.getOrDefault(r.code(), Set.of()).contains(r.name())) {
                lost++;
                report.violation("accepted county change missing from inspection.events", r.code() + " -> " + r.name());
            }
        }
        report.add(Reconciliation.LOST, lost);
        report.add(Reconciliation.UNEXPECTED, unexpected);
        String[] codes = fixture.counties().toArray(String[]::new);
        Map<String, String> truth = names("inspection-service", codes);
        for (String svc : List.of("hazard-service", "scoring-service")) {
            Map<String, String> copy = names(svc, codes);
            for (String code : fixture.counties()) {
                if (!java.util.Objects.equals(truth.get(code), copy.get(code))) {
                    report.violation("county name differs from inspection-service's after the fault",
                            svc + " " + code + ": " + copy.get(code) + " vs " + truth.get(code));
                }
            }
        }
    }

    private Map<String, String> names(String service, String[] codes) {
        Map<String, String> found = new HashMap<>();
        evidence.query(service, "select code, name from county where code = any(?)", List.of((Object) codes), rs -> {
            try {
                found.put(rs.getString(1), rs.getString(2));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return found;
    }

    private void deadLetters(Report report) throws Exception {
        Map<String, Integer> dlq = evidence.deadLetters();
        report.set("records on dead-letter topics (all scenarios so far)", dlq.values().stream().mapToInt(Integer::intValue).sum());
        dlq.forEach((topic, n) -> report.violation("valid records dead-lettered", topic + ": " + n));
    }

    /**
     * The chasing ladder under faults: no reminder as two notifications, no notification delivered twice
     * (outside the lease window of a killed notification-service), every SENT one really received, and
     * every chased hazard that fell overdue got its OVERDUE reminder. A notice still undelivered when a
     * later step of its chase was recorded is SUPERSEDED (chasing.md: no stale reminders): an end state,
     * not a failure, as long as it was never delivered.
     */
    private void notifications(Report report, String[] counties, HazardLoad load) {
        report.set("chased reports (due within seconds)", load.chased());
        Map<UUID, String> status = new HashMap<>();
        Map<UUID, UUID> hazardOf = new HashMap<>();
        Set<UUID> overdueChased = new HashSet<>();
        Set<String> failed = new HashSet<>();
        Set<String> superseded = new HashSet<>();
        evidence.query("notification-service", "select id, hazard_id, step, level, channel, status from notification where county_code = any(?)",
                List.of((Object) counties), rs -> {
                    try {
                        UUID id = rs.getObject(1, UUID.class);
                        status.put(id, rs.getString(6));
                        hazardOf.put(id, rs.getObject(2, UUID.class));
                        String state = rs.getString(6);
                        if (rs.getString(3).equals("OVERDUE") && rs.getString(4).equals("ENTERPRISE")
                                && (state.equals("SENT") || state.equals("SUPERSEDED"))) {
                            overdueChased.add(rs.getObject(2, UUID.class));
                        }
                        if (state.equals("SUPERSEDED")) {
                            superseded.add(id.toString());
                        } else if (!state.equals("SENT") && !state.equals("PENDING")) {
                            failed.add(id + " " + rs.getString(3) + "/" + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6));
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        report.set("notifications recorded", status.size());
        report.set("notifications SENT", status.values().stream().filter("SENT"::equals).count());
        report.set("notifications PENDING at check time", status.values().stream().filter("PENDING"::equals).count());
        report.set("notifications SUPERSEDED (withdrawn by a later step)", superseded.size());
        failed.forEach(f -> report.violation("notification not delivered to a receiver that always answers 200", f));

        Set<UUID> due = evidence.ids("notification-service",
                "select hazard_id from chase where county_code = any(?) and due_at < now() - interval '15 seconds'", (Object) counties);
        report.set("chased hazards overdue by now", due.size());
        for (UUID h : due) {
            if (!overdueChased.contains(h)) {
                report.violation("overdue hazard without its OVERDUE reminder", h.toString());
            }
        }

        Set<String> scenarioHazards = new HashSet<>();
        hazardOf.values().forEach(h -> scenarioHazards.add(h.toString()));
        Map<String, Integer> byDelivery = new HashMap<>();
        Map<String, Set<String>> byReminder = new HashMap<>();
        long received = 0;
        long redeliveredInKillWindow = 0;
        for (WebhookReceiver.Delivery d : receiver.deliveries()) {
            if (!scenarioHazards.contains(d.hazardId())) {
                continue;
            }
            received++;
            int n = byDelivery.merge(d.notificationId(), 1, Integer::sum);
            if (n > 1) {
                if (inNotificationKillWindow(d.receivedAt())) {
                    redeliveredInKillWindow++;
                } else {
                    report.violation("notification delivered twice (same X-Rectify-Delivery)", d.notificationId() + " " + d.key());
                }
            }
            byReminder.computeIfAbsent(d.key(), k -> new HashSet<>()).add(d.notificationId());
            if (superseded.contains(d.notificationId())) {
                report.violation("notification delivered although it was superseded", d.notificationId() + " " + d.key());
            }
        }
        report.set("webhook deliveries received", received);
        report.set("deliveries repeated after a notification-service kill (same id, lease ran out)", redeliveredInKillWindow);
        long duplicateReminders = byReminder.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .peek(e -> report.violation("the same reminder sent as two notifications", e.getKey() + " -> " + e.getValue()))
                .count();
        report.add(Reconciliation.DUPLICATED, duplicateReminders);
        status.forEach((id, s) -> {
            if ("SENT".equals(s) && !byDelivery.containsKey(id.toString())) {
                report.violation("notification SENT but never received", id.toString());
                report.add(Reconciliation.LOST, 1);
            }
        });
        report.set("receiver: malformed deliveries", receiver.malformed());
    }

    private boolean inNotificationKillWindow(Instant at) {
        return notificationKills.stream().anyMatch(w -> !at.isBefore(w[0]) && !at.isAfter(w[1]));
    }

    /**
     * Every county index equals a from-scratch recomputation: the number of hazards it counts (|H|, the
     * denominator of REPEAT_FREE_RATE) matches the hazards announced on the topic, and scoring-service's
     * rebuild (facts thrown away, topics re-read, every county recomputed) changes no answer.
     */
    private void indexes(Report report, Fixture fixture, List<Reconciliation.TopicEvent> events) throws Exception {
        int period = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Map<String, Set<UUID>> announced = new HashMap<>();
        for (Reconciliation.TopicEvent e : events) {
            if (e.reported()) {
                announced.computeIfAbsent(e.countyCode(), k -> new HashSet<>()).add(e.hazardId());
            }
        }
        Map<String, String> before = fingerprints(fixture, period);
        Map<String, Long> counted = new HashMap<>();
        evidence.query("scoring-service", "select county_code, document from county_index_current where period = ? and county_code = any(?)",
                List.of(period, fixture.counties().toArray(String[]::new)), rs -> {
                    try {
                        JsonNode doc = JSON.readTree(rs.getString(2));
                        for (JsonNode i : doc.path("indicators")) {
                            if (i.path("code").asText().equals("REPEAT_FREE_RATE")) {
                                counted.put(rs.getString(1), i.path("denominator").asLong());
                            }
                        }
                    } catch (SQLException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        long checked = 0;
        for (String county : fixture.counties()) {
            long expected = announced.getOrDefault(county, Set.of()).size();
            if (expected == 0) {
                continue;
            }
            checked++;
            long got = counted.getOrDefault(county, -1L);
            if (got != expected) {
                report.violation("county index counts a different number of hazards than the topic holds",
                        county + ": index |H| = " + got + ", hazard.events = " + expected);
            }
        }
        report.set("county indexes checked", checked);

        JsonNode started = scoring.post("/api/v1/admin/rebuild", Map.of());
        log("scoring rebuild started: " + started);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        JsonNode progress;
        do {
            Thread.sleep(1000);
            progress = scoring.get("/api/v1/admin/rebuild");
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("rebuild not finished after 5 minutes: " + progress);
            }
        } while (progress.path("state").asText().equals("RUNNING"));
        log("scoring rebuild: " + progress);
        if (!progress.path("state").asText().equals("DONE")) {
            report.violation("rebuild failed", progress.toString());
            return;
        }
        report.set("rebuild: events re-read", progress.path("eventsRead").asLong());
        report.set("rebuild: events skipped", progress.path("eventsSkipped").asLong());
        report.set("rebuild: county answers changed (must be 0)", progress.path("countiesChanged").asLong());
        if (progress.path("countiesChanged").asLong() != 0) {
            report.violation("county index differs from a from-scratch recomputation",
                    progress.path("countiesChanged").asLong() + " county answers changed by the rebuild");
        }
        if (progress.path("eventsSkipped").asLong() != 0) {
            report.violation("rebuild skipped records", progress.toString());
        }
        Map<String, String> after = fingerprints(fixture, period);
        for (String county : before.keySet()) {
            if (!before.get(county).equals(after.get(county))) {
                report.violation("county index differs from a from-scratch recomputation", county);
            }
        }
    }

    private Map<String, String> fingerprints(Fixture fixture, int period) {
        Map<String, String> found = new HashMap<>();
        evidence.query("scoring-service", "select county_code, fingerprint from county_index_current where period = ? and county_code = any(?)",
                List.of(period, fixture.counties().toArray(String[]::new)), rs -> {
                    try {
                        found.put(rs.getString(1), rs.getString(2));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return found;
    }
}
