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
 * The downstream invariants of a scenario, judged on what the databases and topics hold once the stack
 * has settled: county changes, dead letters, the chasing ladder's notifications, the county indexes and
 * (with replicas) the index streams.
 */
final class Invariants {

    private static final ObjectMapper JSON = EventJson.mapper();
    /** How far from a window without a connection a change may still be missing from a stream (commit after compute). */
    private static final Duration STREAM_MARGIN = Duration.ofSeconds(3);

    private final Evidence evidence;
    private final WebhookReceiver receiver;
    private final Api scoring;
    /** When a notification-service kill could have cut a delivery between sending and recording it. */
    private final List<Instant[]> notificationKills = new ArrayList<>();

    Invariants(Evidence evidence, WebhookReceiver receiver, Api scoring) {
        this.evidence = evidence;
        this.receiver = receiver;
        this.scoring = scoring;
    }

    /**
     * A notification-service instance was killed: the kill was asked for at {@code killed} and the process was
     * gone at {@code dead}. A delivery it cut is repeated after its lease (90 s after the restart).
     */
    void notificationKilled(Instant killed, Instant dead, Instant restarted) {
        notificationKills.add(new Instant[] {killed, restarted.plus(Duration.ofSeconds(90)), dead});
    }

    /**
     * Every county.index change of the scenario's counties reached every stream subscriber, whichever
     * replica computed it, except a change committed while that subscriber had no connection (the stream is
     * live: it has no replay).
     */
    void indexStreams(Report report, Fixture fixture, List<IndexStreamWatch> watches) throws IOException {
        List<IndexStreamWatch.Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> r : evidence.readTopic(Topics.COUNTY_INDEX)) {
            JsonNode n = JSON.readTree(r.value());
            if (fixture.counties().contains(n.path("countyCode").asText())) {
                changes.add(new IndexStreamWatch.Change(n.path("countyCode").asText(), n.path("period").asInt(),
                        Instant.parse(n.path("computedAt").asText())));
            }
        }
        report.set("county.index changes of the scenario's counties", changes.size());
        for (IndexStreamWatch w : watches) {
            Set<IndexStreamWatch.Change> seen = w.seen();
            long excused = 0;
            long missed = 0;
            for (IndexStreamWatch.Change c : changes) {
                if (seen.contains(c) || c.computedAt().isBefore(w.firstOpened().plus(STREAM_MARGIN))) {
                    continue; // seen, or computed before the subscriber was there (the setup's changes)
                }
                if (w.gaps().stream().anyMatch(g -> g.covers(c.computedAt(), STREAM_MARGIN))) {
                    excused++;
                } else {
                    missed++;
                    report.violation("index-stream subscriber missed a county.index change", w.name() + ": " + c);
                }
            }
            report.set("index-stream " + w.name() + ": changes seen", seen.stream().filter(changes::contains).count());
            report.set("index-stream " + w.name() + ": missed while it had no connection", excused);
            report.set("index-stream " + w.name() + ": missed while connected (must be 0)", missed);
            report.note(String.format("index-stream %s: %d reconnection(s), without a connection %s; opened %s", w.name(),
                    w.gaps().size(), w.gaps().stream().map(g -> Duration.between(g.from(), g.to()).toMillis() + " ms").toList(),
                    w.connections()));
            report.add(Reconciliation.LOST, missed);
            if (changes.isEmpty()) {
                report.violation("no county.index change to check the index streams against", w.name());
            }
        }
    }

    /**
     * inspection-service's side: every accepted county change is on inspection.events, and after the
     * fault all three databases hold the same (latest) name for every county.
     */
    void countyChanges(Report report, Fixture fixture, List<CountyRenames.Rename> renames) throws IOException {
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

    void deadLetters(Report report) throws Exception {
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
    void notifications(Report report, String[] counties, HazardLoad load) {
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
        long supersededAfterCut = 0;
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
                if (cutByNotificationKill(d.receivedAt())) {
                    supersededAfterCut++;
                } else {
                    report.violation("notification delivered although it was superseded", d.notificationId() + " " + d.key());
                }
            }
        }
        report.set("webhook deliveries received", received);
        report.set("deliveries repeated after a notification-service kill (same id, lease ran out)", redeliveredInKillWindow);
        report.set("deliveries cut by a notification-service kill, then superseded (never recorded as sent)", supersededAfterCut);
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

    /**
     * Received in the seconds before a notification-service instance was gone (from a send's longest flight
     * before the kill was asked for, to the moment the process no longer existed): the killed instance sent it
     * and died before recording the outcome, so the notification still looked undelivered when a later step
     * withdrew it. Nothing can tell the two apart from the record; anywhere else a delivered SUPERSEDED notice
     * is a fault.
     */
    private boolean cutByNotificationKill(Instant at) {
        return notificationKills.stream().anyMatch(w -> !at.isBefore(w[0].minus(SEND_IN_FLIGHT)) && !at.isAfter(w[2]));
    }

    /** The longest a send of the killed instance can have been in flight (its webhook timeout and some). */
    private static final Duration SEND_IN_FLIGHT = Duration.ofSeconds(15);

    private boolean inNotificationKillWindow(Instant at) {
        return notificationKills.stream().anyMatch(w -> !at.isBefore(w[0]) && !at.isAfter(w[1]));
    }

    /**
     * Every county index equals a from-scratch recomputation: the number of hazards it counts (|H|, the
     * denominator of REPEAT_FREE_RATE) matches the hazards announced on the topic, and scoring-service's
     * rebuild (facts thrown away, topics re-read, every county recomputed) changes no answer.
     */
    void indexes(Report report, Fixture fixture, List<Reconciliation.TopicEvent> events) throws Exception {
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
        Suite.log("scoring rebuild started: " + started);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        JsonNode progress;
        do {
            Thread.sleep(1000);
            progress = scoring.get("/api/v1/admin/rebuild");
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("rebuild not finished after 5 minutes: " + progress);
            }
        } while (progress.path("state").asText().equals("RUNNING"));
        Suite.log("scoring rebuild: " + progress);
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
