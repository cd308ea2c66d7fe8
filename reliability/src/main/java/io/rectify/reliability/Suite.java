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

    private static final List<String> SERVICES = Settling.SERVICES;

    private final Settings settings;
    private final Stack stack;
    private final Evidence evidence;
    private final WebhookReceiver receiver;
    private final Settling settling;
    private final Invariants invariants;
    private final Api inspection;
    private final Api hazards;
    private final Api scoring;
    private final Api notification;
    private final String agencyToken;
    private final String adminToken;
    private final String runId;
    private volatile String phase = "setup";

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
        this.settling = new Settling(settings, evidence);
        this.invariants = new Invariants(evidence, receiver, scoring);
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
        return scenario("R1", 1, this::brokerOutage);
    }

    private void brokerOutage(Report report) throws Exception {
        {
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
        }
    }

    /** R2: kill -9 of each service in turn under load, then restarted. */
    public Report r2() throws Exception {
        return scenario("R2", 2, report -> {
            phase("steady-before");
            pause(settings.steady());
            for (String svc : SERVICES) {
                killAndRestart(report, svc, svc);
            }
        });
    }

    /**
     * {@code kill -9} of one instance under load, {@code service-down} seconds down, restarted and ready, then
     * {@code steady} seconds of load. The phase names say which answers are acceptable meanwhile (Expectation).
     */
    private void killAndRestart(Report report, String svc, String instance) {
        Instant killed = Instant.now();
        String which = svc.equals(instance) && settings.replicas() == 1 ? "" : " " + instance;
        phase(svc + "-down" + which);
        stack.run(Duration.ofMinutes(1), "svc-kill", instance);
        Instant dead = Instant.now(); // svc-kill returns once the process is gone; under load that takes seconds
        report.add(Reconciliation.FAULTS, 1);
        pause(settings.serviceDown());
        phase(svc + "-down-restarting" + which);
        double took = stack.run(Duration.ofMinutes(4), "svc-start", instance);
        if (svc.equals("notification-service")) {
            // a delivery cut between sending and recording is repeated after its lease (README: receivers dedupe)
            invariants.notificationKilled(killed, dead, Instant.now());
        }
        report.note(String.format("%s killed (SIGKILL), down %d s, restart to ready took %.1f s", instance,
                settings.serviceDown().toSeconds(), took));
        phase("steady-after-" + instance);
        pause(settings.steady());
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
     * R7: two (or more: {@code RELIABILITY_REPLICAS}) instances of every service under the same load, spread
     * over the instances of hazard- and inspection-service as a load balancer would (a refused connection goes
     * to the next instance). {@code kill -9} of one instance of each service in turn (the first of
     * inspection, the second of hazard, ...), then a rolling restart of every instance (SIGTERM, start,
     * ready, the next). A subscriber of the index stream per scoring instance must see every county.index
     * change, whichever instance computed it.
     */
    public Report r7() throws Exception {
        if (settings.replicas() < 2) {
            throw new IllegalStateException("R7 needs a stack with replicas: RELIABILITY_REPLICAS=2 (reliability/run.sh R7 sets it)");
        }
        return scenario("R7", 7, report -> {
            phase("steady-before");
            pause(settings.steady());
            for (int i = 0; i < SERVICES.size(); i++) {
                killAndRestart(report, SERVICES.get(i), instance(SERVICES.get(i), i % settings.replicas() + 1));
            }
            for (String svc : SERVICES) {
                for (int k = 1; k <= settings.replicas(); k++) {
                    String instance = instance(svc, k);
                    phase(svc + "-down-rolling " + instance);
                    double stopped = stack.run(Duration.ofMinutes(1), "svc-stop", instance);
                    double took = stack.run(Duration.ofMinutes(4), "svc-start", instance);
                    report.add(Reconciliation.FAULTS, 1);
                    report.note(String.format("rolling restart: %s stopped (SIGTERM) in %.1f s, start to ready %.1f s", instance, stopped, took));
                }
            }
            phase("steady-after-rolling");
            pause(settings.steady());
        });
    }

    /** R8: R1 on the secured broker (TLS, SCRAM-SHA-512, one user per service with its ACLs; reliability/run.sh R8). */
    public Report r8() throws Exception {
        if (settings.kafkaSecurity().isEmpty()) {
            throw new IllegalStateException("R8 needs the secured broker (reliability/run.sh R8 starts it)");
        }
        return scenario("R8", 8, this::brokerOutage);
    }

    /** stack.sh's name of the k-th instance of a service. */
    private static String instance(String svc, int k) {
        return k == 1 ? svc : svc + "@" + k;
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
        try (ReadyInstances hazardInstances = new ReadyInstances(settings.instances(settings.hazardUrl()))) {
            HazardLoad load = new HazardLoad(hazardInstances, agencyToken,
                    new HazardLoad.Plan("warm-up", runId, fixture.counties(), fixture.enterprises(), 0, settings.chaseDueIn()),
                    settings.rate(), settings.maxInFlight(), settings.requestTimeout(), () -> phase);
            load.start();
            pause(duration);
            load.stop();
            report(load);
        }
        settling.drain();
    }

    private static void report(HazardLoad load) {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        load.attempts().forEach(a -> kinds.merge(a.kind() == Attempt.Kind.STATUS ? String.valueOf(a.status()) : a.kind().name(), 1L, Long::sum));
        log("warm-up: " + load.attempts().size() + " reports sent, " + load.skipped() + " skipped, answers " + kinds);
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
        ReadyInstances hazardInstances = new ReadyInstances(settings.instances(settings.hazardUrl()));
        ReadyInstances inspectionInstances = new ReadyInstances(settings.instances(settings.inspectionUrl()));
        HazardLoad load = new HazardLoad(hazardInstances, agencyToken,
                new HazardLoad.Plan(name, runId, fixture.counties(), fixture.enterprises(), settings.chaseEvery(), settings.chaseDueIn()),
                settings.rate(), settings.maxInFlight(), settings.requestTimeout(), () -> phase);
        CountyRenames renames = new CountyRenames(inspectionInstances, adminToken, fixture, settings.requestTimeout(), () -> phase);
        List<IndexStreamWatch> watches = indexStreamWatches();
        AuditWalks auditWalks = new AuditWalks(Map.of("inspection-service", inspection, "hazard-service", hazards,
                "scoring-service", scoring, "notification-service", notification), Duration.ofSeconds(30));
        Instant started = Instant.now();
        load.start();
        renames.start();
        try {
            script.run(report);
        } finally {
            load.stop();
            renames.stop();
            auditWalks.close();
            hazardInstances.close();
            inspectionInstances.close();
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
        settling.drain();
        Instant chaseHorizon = load.lastChaseDue() == null ? null : load.lastChaseDue().plus(Duration.ofSeconds(20));
        if (chaseHorizon != null && chaseHorizon.isAfter(Instant.now())) {
            log("waiting until the last chased hazard is overdue and chased (" + chaseHorizon + ")");
            pause(Duration.between(Instant.now(), chaseHorizon));
            settling.drain();
        }

        settling.awaitDeliveries(fixture);
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
        invariants.countyChanges(report, fixture, renames.renames());
        invariants.deadLetters(report);
        invariants.notifications(report, counties, load);
        if (!watches.isEmpty()) {
            watches.forEach(IndexStreamWatch::close);
            invariants.indexStreams(report, fixture, watches);
        }
        invariants.indexes(report, fixture, events);
        auditWalks.check(report);
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

    /**
     * With replicas, one subscriber of the index stream per scoring instance (preferring it, moving to
     * another when it goes away); with one instance none: R2 kills it, and a live stream has no replay.
     */
    private List<IndexStreamWatch> indexStreamWatches() {
        List<String> scoringInstances = settings.instances(settings.scoringUrl());
        List<IndexStreamWatch> watches = new ArrayList<>();
        if (scoringInstances.size() < 2) {
            return watches;
        }
        for (int k = 0; k < scoringInstances.size(); k++) {
            List<String> preferred = new ArrayList<>(scoringInstances.subList(k, scoringInstances.size()));
            preferred.addAll(scoringInstances.subList(0, k));
            IndexStreamWatch w = new IndexStreamWatch("subscriber-" + (k + 1), preferred, adminToken);
            w.start();
            watches.add(w);
        }
        return watches;
    }

    /** After the fault every instance of every service must be ready again by itself, without a restart. */
    private void readiness(Report report) {
        List<String> urls = new ArrayList<>();
        for (String first : List.of(settings.inspectionUrl(), settings.hazardUrl(), settings.scoringUrl(), settings.notificationUrl())) {
            urls.addAll(settings.instances(first));
        }
        for (String url : urls) {
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

    private static void pause(Duration d) {
        Fixture.sleep(Math.max(0, d.toMillis()));
    }
}
