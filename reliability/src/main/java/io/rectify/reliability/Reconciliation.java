package io.rectify.reliability;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The invariants of R1-R3, as a pure function of what was read: the load generator's answers, the
 * hazards in hazard-service's database, the records on {@code hazard.events} and the downstream rows
 * of scoring-service and notification-service. Nothing here asks a service.
 */
public final class Reconciliation {

    public static final String SENT = "requests sent";
    public static final String FAULTS = "faults injected";
    public static final String EVENTS_CHECKED = "events checked (hazard.events, this scenario)";
    public static final String LOST = "lost";
    public static final String DUPLICATED = "duplicated";
    public static final String UNEXPECTED = "unexpected statuses";

    /** One HazardReported (or later event) read from the topic. */
    public record TopicEvent(UUID eventId, String type, UUID hazardId, String marker, String countyCode, long version, int partition,
                             long offset) {
        public boolean reported() {
            return type.endsWith(".HazardReported.v1") || type.equals("HazardReported");
        }
    }

    private Reconciliation() {
    }

    /** Every answer against what its phase allows. */
    public static void checkAnswers(Report report, List<Attempt> attempts, Function<String, Expectation> expectations) {
        long unexpected = 0;
        for (Attempt a : attempts) {
            report.add(a.retry() ? "retries sent (same Idempotency-Key)" : SENT, 1);
            String key = switch (a.kind()) {
                case CREATED -> "answers 201";
                case STATUS -> "answers " + a.status() + (a.isProperUnavailable() ? " (problem+json, Retry-After)" : "");
                case TIMEOUT -> "answers none within the timeout (hang)";
                case CONNECTION -> "answers connection refused/reset";
            };
            report.add((a.retry() ? "retry " : "") + key, 1);
            if (!expectations.apply(a.phase()).accepts(a)) {
                unexpected++;
                report.violation("unexpected answer", a.describe());
            }
        }
        report.add(UNEXPECTED, unexpected);
    }

    /**
     * Reports accepted (201) must each have exactly one hazard row, exactly one HazardReported on the
     * topic and, downstream, one scoring fact and one chase. A marker (one logical report, however many
     * times it was retried) must never yield two hazards.
     */
    public static void checkHazards(Report report, List<Attempt> attempts, Map<UUID, String> dbHazards,
                                    List<TopicEvent> events, Set<UUID> scoringFacts, Set<UUID> chases) {
        Map<UUID, Set<UUID>> reportedEvents = new HashMap<>();
        Map<UUID, Integer> copies = new HashMap<>();
        Map<String, Set<UUID>> hazardsByMarkerOnTopic = new HashMap<>();
        for (TopicEvent e : events) {
            copies.merge(e.eventId(), 1, Integer::sum);
            if (e.reported()) {
                reportedEvents.computeIfAbsent(e.hazardId(), k -> new HashSet<>()).add(e.eventId());
                if (e.marker() != null) {
                    hazardsByMarkerOnTopic.computeIfAbsent(e.marker(), k -> new HashSet<>()).add(e.hazardId());
                }
            }
        }
        report.set(EVENTS_CHECKED, events.size());
        outOfOrder(report, events);
        report.set("events delivered more than once (same event id; consumers skip them)",
                copies.values().stream().filter(n -> n > 1).count());

        long lost = 0;
        long duplicated = 0;
        Set<UUID> accepted = new HashSet<>();
        Map<String, Set<UUID>> acceptedByMarker = new HashMap<>();
        for (Attempt a : attempts) {
            if (a.kind() == Attempt.Kind.CREATED) {
                accepted.add(a.hazardId());
                acceptedByMarker.computeIfAbsent(a.marker(), k -> new HashSet<>()).add(a.hazardId());
            }
        }
        report.set("hazards accepted (distinct 201 ids)", accepted.size());
        for (Map.Entry<String, Set<UUID>> m : acceptedByMarker.entrySet()) {
            if (m.getValue().size() > 1) {
                duplicated++;
                report.violation("one report answered with two hazard ids", m.getKey() + " -> " + m.getValue());
            }
        }
        for (UUID id : accepted) {
            if (!dbHazards.containsKey(id)) {
                lost++;
                report.violation("201 without a hazard row", id.toString());
            }
            if (!reportedEvents.containsKey(id)) {
                lost++;
                report.violation("201 without HazardReported on hazard.events", id.toString());
            }
        }
        Map<String, Set<UUID>> dbByMarker = new HashMap<>();
        dbHazards.forEach((id, marker) -> dbByMarker.computeIfAbsent(marker, k -> new HashSet<>()).add(id));
        report.set("hazard rows (hazard-service database)", dbHazards.size());
        for (Map.Entry<String, Set<UUID>> m : dbByMarker.entrySet()) {
            if (m.getValue().size() > 1) {
                duplicated++;
                report.violation("one report stored as two hazards", m.getKey() + " -> " + m.getValue());
            }
        }
        for (UUID id : dbHazards.keySet()) {
            if (!accepted.contains(id)) {
                report.add("hazard rows whose 201 never reached the client (kept, announced)", 1);
            }
            if (!reportedEvents.containsKey(id)) {
                lost++;
                report.violation("hazard row without HazardReported (outbox lost it)", id.toString());
            }
        }
        for (Map.Entry<UUID, Set<UUID>> e : reportedEvents.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicated++;
                report.violation("hazard reported twice (two HazardReported event ids)", e.getKey() + " -> " + e.getValue());
            }
            if (!dbHazards.containsKey(e.getKey())) {
                report.violation("HazardReported for a hazard the database does not hold", e.getKey().toString());
            }
        }
        for (Map.Entry<String, Set<UUID>> m : hazardsByMarkerOnTopic.entrySet()) {
            if (m.getValue().size() > 1 && !dbByMarker.getOrDefault(m.getKey(), Set.of()).equals(m.getValue())) {
                duplicated++;
                report.violation("one report announced as two hazards", m.getKey() + " -> " + m.getValue());
            }
        }
        lost += downstream(report, "scoring-service hazard facts", reportedEvents.keySet(), scoringFacts);
        lost += downstream(report, "notification-service chases", reportedEvents.keySet(), chases);
        report.add(LOST, lost);
        report.add(DUPLICATED, duplicated);
    }

    /**
     * Per hazard (one key, one partition, read in offset order) the snapshot versions must first appear in
     * increasing order: a consumer that trusted the order would otherwise keep a stale state. A copy of an
     * event already seen (the relay re-sending) does not count.
     */
    private static void outOfOrder(Report report, List<TopicEvent> events) {
        Map<UUID, Long> highest = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        long late = 0;
        for (TopicEvent e : events) {
            if (!seen.add(e.eventId())) {
                continue;
            }
            Long before = highest.get(e.hazardId());
            if (before != null && e.version() < before) {
                late++;
                report.violation("events of one hazard out of order on hazard.events",
                        e.hazardId() + ": version " + e.version() + " after " + before + " (partition " + e.partition() + "@" + e.offset() + ")");
            } else {
                highest.put(e.hazardId(), e.version());
            }
        }
        report.set("events first seen after a newer one of the same hazard", late);
    }

    /** Each announced hazard has exactly one downstream row (the tables key on the hazard id); returns the missing. */
    private static long downstream(Report report, String what, Collection<UUID> announced, Set<UUID> rows) {
        report.set(what, rows.size());
        long missing = 0;
        for (UUID id : announced) {
            if (!rows.contains(id)) {
                missing++;
                report.violation("announced hazard missing from " + what, id.toString());
            }
        }
        for (UUID id : rows) {
            if (!announced.contains(id)) {
                report.violation(what + " row for a hazard never announced", id.toString());
            }
        }
        return missing;
    }
}
