package io.rectify.scoring.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.inspection.SheetMark;
import io.rectify.scoring.domain.CountyFacts;
import io.rectify.scoring.domain.SheetScorer;
import io.rectify.scoring.domain.HazardFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/**
 * The fact tables. Every write is an upsert guarded by an ordering rule, so applying the same updates
 * twice, or in another order, leaves the same rows: hazards keep their highest version, registrations
 * their latest (occurredAt, event id), inspections are inserted once. That is what lets the live
 * consumers and a rebuild work on the same tables at the same time.
 */
@ApplicationScoped
public class FactStore {

    static final String UPSERT_COUNTY = """
            insert into county (code, name, city, province, registered_at, registered_event) values (?, ?, ?, ?, ?, ?)
            on conflict (code) do update set name = excluded.name, city = excluded.city, province = excluded.province,
                registered_at = excluded.registered_at, registered_event = excluded.registered_event
            where county.registered_at is null
               or (county.registered_at, county.registered_event) < (excluded.registered_at, excluded.registered_event)""";
    /** A county first seen on a hazard or enterprise: known, placed by the snapshot, named once registered. */
    static final String ENSURE_COUNTY = "insert into county (code, city, province) values (?, ?, ?) on conflict (code) do nothing";
    static final String UPSERT_ENTERPRISE = """
            insert into enterprise (credit_code, county_code, registered_at, registered_event) values (?, ?, ?, ?)
            on conflict (credit_code) do update set county_code = excluded.county_code,
                registered_at = excluded.registered_at, registered_event = excluded.registered_event
            where (enterprise.registered_at, enterprise.registered_event) < (excluded.registered_at, excluded.registered_event)""";
    static final String INSERT_INSPECTION = """
            insert into inspection_fact (inspection_id, enterprise_credit_code, county_code, period, completed_at)
            values (?, ?, ?, ?, ?) on conflict (inspection_id) do nothing""";
    static final String UPSERT_HAZARD = """
            insert into hazard_fact (id, county_code, period, grade, status, due_at, rectification_submitted_at,
                                     signed_off_at, reopenings, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set county_code = excluded.county_code, period = excluded.period,
                grade = excluded.grade, status = excluded.status, due_at = excluded.due_at,
                rectification_submitted_at = excluded.rectification_submitted_at, signed_off_at = excluded.signed_off_at,
                reopenings = excluded.reopenings, version = excluded.version
            where hazard_fact.version < excluded.version""";
    static final String UPSERT_SHEET_ASSESSMENT = """
            insert into sheet_assessment_fact (county_code, period, assessment_id, sheet_version, marks, submitted_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (county_code, period) do update set assessment_id = excluded.assessment_id,
                sheet_version = excluded.sheet_version, marks = excluded.marks, submitted_at = excluded.submitted_at
            where (sheet_assessment_fact.submitted_at, sheet_assessment_fact.assessment_id) < (excluded.submitted_at, excluded.assessment_id)""";
    static final String RECORD_PROCESSED = """
            insert into processed_event (consumer, event_id, processed_at) values (?, ?, now()) on conflict do nothing""";

    @Inject
    Sql sql;

    /** Applies one update in the caller's transaction; returns what it may have moved (nothing if it changed nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Affected> apply(FactUpdate update) {
        return sql.work(c -> apply(c, update));
    }

    private List<Affected> apply(Connection c, FactUpdate update) throws SQLException {
        if (update instanceof FactUpdate.CountyUpdate u) {
            return Sql.update(c, UPSERT_COUNTY, county(u)) == 1 ? List.of(Affected.allPeriods(u.code())) : List.of();
        }
        if (update instanceof FactUpdate.EnterpriseUpdate u) {
            Optional<String> before = Sql.list(c, "select county_code from enterprise where credit_code = ? for update",
                    rs -> rs.getString(1), u.creditCode()).stream().findFirst();
            Sql.update(c, ENSURE_COUNTY, u.countyCode(), null, null);
            if (Sql.update(c, UPSERT_ENTERPRISE, enterprise(u)) == 0) {
                return List.of();
            }
            List<Affected> affected = new ArrayList<>(List.of(Affected.allPeriods(u.countyCode())));
            before.filter(old -> !old.equals(u.countyCode())).ifPresent(old -> affected.add(Affected.allPeriods(old)));
            return affected;
        }
        if (update instanceof FactUpdate.InspectionUpdate u) {
            Sql.update(c, ENSURE_COUNTY, u.countyCode(), null, null);
            if (Sql.update(c, INSERT_INSPECTION, inspection(u)) == 0) {
                return List.of();
            }
            // I counts the enterprise where it is registered, which may not be where the inspection said
            String county = Sql.list(c, "select county_code from enterprise where credit_code = ?", rs -> rs.getString(1), u.creditCode())
                    .stream().findFirst().orElse(u.countyCode());
            return List.of(new Affected(county, u.period()));
        }
        if (update instanceof FactUpdate.SheetAssessmentUpdate u) {
            Sql.update(c, ENSURE_COUNTY, u.countyCode(), null, null);
            return Sql.update(c, UPSERT_SHEET_ASSESSMENT, sheetAssessment(u)) == 1 ? List.of(new Affected(u.countyCode(), u.period())) : List.of();
        }
        FactUpdate.HazardUpdate u = (FactUpdate.HazardUpdate) update;
        Sql.update(c, ENSURE_COUNTY, u.countyCode(), u.city(), u.province());
        return Sql.update(c, UPSERT_HAZARD, hazard(u)) == 1 ? List.of(new Affected(u.countyCode(), u.period())) : List.of();
    }

    /**
     * Applies the updates of a consumed batch in the caller's transaction: hazard snapshots (nearly all of
     * the traffic) with JDBC batches, each hazard reduced to its newest version first (what the version
     * rule would keep anyway); registrations and inspections one by one, in order, as {@link #apply} does.
     *
     * @return what the changes may have moved
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Affected> applyAll(List<FactUpdate> updates) {
        return sql.work(c -> {
            List<Affected> affected = new ArrayList<>();
            Map<UUID, FactUpdate.HazardUpdate> hazards = new LinkedHashMap<>();
            Map<String, Object[]> places = new java.util.TreeMap<>(); // sorted: concurrent batches insert counties in one order
            for (FactUpdate update : updates) {
                if (update instanceof FactUpdate.HazardUpdate u) {
                    hazards.merge(u.fact().id(), u, (a, b) -> a.version() >= b.version() ? a : b);
                    places.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), u.city(), u.province()});
                } else {
                    affected.addAll(apply(c, update));
                }
            }
            if (!hazards.isEmpty()) {
                Sql.batch(c, ENSURE_COUNTY, new ArrayList<>(places.values()));
                List<FactUpdate.HazardUpdate> ordered = hazards.values().stream()
                        .sorted(Comparator.comparing(u -> u.fact().id())).toList(); // one lock order for every batch
                int[] counts = Sql.batch(c, UPSERT_HAZARD, ordered.stream().map(FactStore::hazard).toList());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) { // 1 = written; SUCCESS_NO_INFO (-2) is treated as written too
                        affected.add(new Affected(ordered.get(i).countyCode(), ordered.get(i).period()));
                    }
                }
            }
            return affected;
        });
    }

    /**
     * Applies a batch read during a rebuild with JDBC batches and records the event ids as processed by
     * {@code consumer}. Within the batch each aggregate is first reduced to its winning update, which the
     * ordering rules would pick anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyBatch(String consumer, List<UUID> eventIds, List<FactUpdate> updates) {
        sql.work(c -> {
            Map<String, FactUpdate.CountyUpdate> counties = new LinkedHashMap<>();
            Map<String, FactUpdate.EnterpriseUpdate> enterprises = new LinkedHashMap<>();
            Map<UUID, FactUpdate.InspectionUpdate> inspections = new LinkedHashMap<>();
            Map<UUID, FactUpdate.HazardUpdate> hazards = new LinkedHashMap<>();
            Map<String, Object[]> knownCounties = new LinkedHashMap<>();
            List<FactUpdate.SheetAssessmentUpdate> sheetAssessments = new ArrayList<>();
            for (FactUpdate update : updates) {
                if (update instanceof FactUpdate.CountyUpdate u) {
                    counties.merge(u.code(), u, (a, b) -> LATEST_COUNTY.compare(a, b) >= 0 ? a : b);
                } else if (update instanceof FactUpdate.EnterpriseUpdate u) {
                    enterprises.merge(u.creditCode(), u, (a, b) -> LATEST_ENTERPRISE.compare(a, b) >= 0 ? a : b);
                    knownCounties.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), null, null});
                } else if (update instanceof FactUpdate.InspectionUpdate u) {
                    inspections.putIfAbsent(u.inspectionId(), u);
                    knownCounties.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), null, null});
                } else if (update instanceof FactUpdate.HazardUpdate u) {
                    hazards.merge(u.fact().id(), u, (a, b) -> a.version() >= b.version() ? a : b);
                    knownCounties.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), u.city(), u.province()});
                } else if (update instanceof FactUpdate.SheetAssessmentUpdate u) {
                    sheetAssessments.add(u);
                    knownCounties.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), null, null});
                }
            }
            Sql.batch(c, RECORD_PROCESSED, eventIds.stream().map(id -> new Object[]{consumer, id}).toList());
            Sql.batch(c, UPSERT_COUNTY, counties.values().stream().map(FactStore::county).toList());
            Sql.batch(c, ENSURE_COUNTY, new ArrayList<>(knownCounties.values()));
            Sql.batch(c, UPSERT_ENTERPRISE, enterprises.values().stream().map(FactStore::enterprise).toList());
            Sql.batch(c, INSERT_INSPECTION, inspections.values().stream().map(FactStore::inspection).toList());
            Sql.batch(c, UPSERT_HAZARD, hazards.values().stream().map(FactStore::hazard).toList());
            for (FactUpdate.SheetAssessmentUpdate u : sheetAssessments) { // rare: one by one, the ordering rule picks the latest
                Sql.update(c, UPSERT_SHEET_ASSESSMENT, sheetAssessment(u));
            }
            return null;
        });
    }

    /** Throws every fact away (the first step of a rebuild), with the consumer's processed-event log. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void wipe(String consumer) {
        // waits for recomputations in flight; later ones see the rebuild's suspension (CountyIndexService.FACTS_LOCK)
        sql.list("select 1 from (select pg_advisory_xact_lock(?)) l", rs -> rs.getInt(1), CountyIndexService.FACTS_LOCK);
        sql.update("delete from hazard_fact");
        sql.update("delete from sheet_assessment_fact");
        sql.update("delete from inspection_fact");
        sql.update("delete from enterprise");
        sql.update("delete from county");
        sql.update("delete from processed_event where consumer = ?", consumer);
    }


    /** A county and period. */
    public record Key(String countyCode, int period) {
    }

    /**
     * E, I and H of many county/periods with three statements in all (not two per county/period).
     *
     * @param names the counties' names for the documents (absent: no name)
     * @return the facts of every county/period asked for (empty ones included)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Key, CountyFacts> factsFor(Map<String, Set<Integer>> periodsByCounty, Map<String, CountyRef> names) {
        Object[] codes = periodsByCounty.keySet().toArray();
        Object[] periods = periodsByCounty.values().stream().flatMap(Set::stream).distinct().toArray();
        Map<String, Long> enterprises = new HashMap<>();
        Map<Key, Long> inspected = new HashMap<>();
        Map<Key, List<HazardFact>> hazards = new HashMap<>();
        sql.work(c -> {
            java.sql.Array codeArray = c.createArrayOf("varchar", codes);
            java.sql.Array periodArray = c.createArrayOf("integer", periods);
            Sql.list(c, "select county_code, count(*) from enterprise where county_code = any(?) group by 1",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2)), codeArray)
                    .forEach(e -> enterprises.put(e.getKey(), e.getValue()));
            Sql.list(c, """
                    select e.county_code, i.period, count(distinct e.credit_code) from enterprise e
                      join inspection_fact i on i.enterprise_credit_code = e.credit_code
                     where e.county_code = any(?) and i.period = any(?) group by 1, 2""",
                    rs -> Map.entry(new Key(rs.getString(1), rs.getInt(2)), rs.getLong(3)), codeArray, periodArray)
                    .forEach(e -> inspected.put(e.getKey(), e.getValue()));
            Sql.list(c, """
                    select county_code, period, id, grade, status, due_at, rectification_submitted_at, signed_off_at, reopenings
                      from hazard_fact where county_code = any(?) and period = any(?)""",
                    rs -> Map.entry(new Key(rs.getString(1), rs.getInt(2)), new HazardFact(rs.getObject("id", UUID.class),
                            rs.getString("grade"), rs.getString("status"), Sql.instant(rs, "due_at"),
                            Sql.instant(rs, "rectification_submitted_at"), Sql.instant(rs, "signed_off_at"), rs.getInt("reopenings"))),
                    codeArray, periodArray)
                    .forEach(e -> hazards.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return null;
        });
        Map<Key, CountyFacts> facts = new HashMap<>();
        periodsByCounty.forEach((code, ps) -> ps.forEach(period -> {
            Key key = new Key(code, period);
            String name = names.containsKey(code) ? names.get(code).name() : null;
            facts.put(key, new CountyFacts(code, name, period, enterprises.getOrDefault(code, 0L), inspected.getOrDefault(key, 0L),
                    hazards.getOrDefault(key, List.of())));
        }));
        return facts;
    }

    /** The periods for which a county has facts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Integer> periodsWithFacts(String countyCode) {
        return sql.list("""
                select period from hazard_fact where county_code = ?
                union
                select period from sheet_assessment_fact where county_code = ?
                union
                select i.period from inspection_fact i join enterprise e on e.credit_code = i.enterprise_credit_code
                 where e.county_code = ?""", rs -> rs.getInt(1), countyCode, countyCode, countyCode);
    }

    private static final Comparator<FactUpdate.CountyUpdate> LATEST_COUNTY =
            Comparator.comparing(FactUpdate.CountyUpdate::occurredAt).thenComparing(FactUpdate.CountyUpdate::eventId);
    private static final Comparator<FactUpdate.EnterpriseUpdate> LATEST_ENTERPRISE =
            Comparator.comparing(FactUpdate.EnterpriseUpdate::occurredAt).thenComparing(FactUpdate.EnterpriseUpdate::eventId);

    private static Object[] county(FactUpdate.CountyUpdate u) {
        return new Object[]{u.code(), u.name(), u.city(), u.province(), u.occurredAt(), u.eventId()};
    }

    private static Object[] enterprise(FactUpdate.EnterpriseUpdate u) {
        return new Object[]{u.creditCode(), u.countyCode(), u.occurredAt(), u.eventId()};
    }

    private static Object[] inspection(FactUpdate.InspectionUpdate u) {
        return new Object[]{u.inspectionId(), u.creditCode(), u.countyCode(), u.period(), u.completedAt()};
    }

    private static Object[] sheetAssessment(FactUpdate.SheetAssessmentUpdate u) {
        return new Object[]{u.countyCode(), u.period(), u.assessmentId(), u.sheetVersion(), EventJson.write(u.marks()),
                u.submittedAt()};
    }

    /** The last submitted assessment of each county/period asked for that has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Key, SheetScorer.Assessment> sheetAssessments(Map<String, Set<Integer>> periodsByCounty) {
        Map<Key, SheetScorer.Assessment> found = new HashMap<>();
        sql.work(c -> Sql.list(c, """
                select county_code, period, assessment_id, sheet_version, marks, submitted_at from sheet_assessment_fact
                 where county_code = any(?) and period = any(?)""",
                rs -> Map.entry(new Key(rs.getString(1), rs.getInt(2)), new SheetScorer.Assessment(
                        rs.getObject(3, UUID.class), rs.getString(4), Sql.instant(rs, "submitted_at"), readMarks(rs.getString(5)))),
                c.createArrayOf("varchar", periodsByCounty.keySet().toArray()),
                c.createArrayOf("integer", periodsByCounty.values().stream().flatMap(Set::stream).distinct().toArray())))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    private static final TypeReference<List<SheetMark>> MARKS = new TypeReference<>() {
    };

    /** Reads the stored marks back (the JSON written by {@link #sheetAssessment}). */
    private static List<SheetMark> readMarks(String json) {
        try {
            return EventJson.mapper().readValue(json, MARKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] hazard(FactUpdate.HazardUpdate u) {
        HazardFact f = u.fact();
        return new Object[]{f.id(), u.countyCode(), u.period(), f.grade(), f.status(), f.dueAt(), f.rectificationSubmittedAt(),
                f.signedOffAt(), f.reopenings(), u.version()};
    }
}
