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
import java.sql.PreparedStatement;
import java.time.Instant;
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
     * {@link #UPSERT_HAZARD} for many hazards in one statement: the rows travel as one array per column
     * (timestamps as microseconds since the epoch, rounded as the driver rounds an {@code OffsetDateTime};
     * turned into timestamps as whole seconds plus microseconds, since an interval times a number goes
     * through float8 and one product of all the microseconds lost some beyond the year ~2255).
     * The ids must be distinct (one row may not be upserted twice by one statement).
     */
    static final String UPSERT_HAZARDS = upsertHazardsFrom("""
            unnest(?::uuid[], ?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[],
                   ?::int[], ?::bigint[])
                   as h(id, county_code, period, grade, status, due_at, rectification_submitted_at, signed_off_at, reopenings, version)""");

    /** The version-guarded upsert of hazard facts from {@code source}, whose times are microseconds since the epoch. */
    private static String upsertHazardsFrom(String source) {
        return """
                insert into hazard_fact (id, county_code, period, grade, status, due_at, rectification_submitted_at,
                                         signed_off_at, reopenings, version)
                select id, county_code, period, grade, status,
                       timestamptz 'epoch' + (due_at / 1000000) * interval '1 second' + (due_at % 1000000) * interval '1 microsecond',
                       timestamptz 'epoch' + (rectification_submitted_at / 1000000) * interval '1 second' + (rectification_submitted_at % 1000000) * interval '1 microsecond',
                       timestamptz 'epoch' + (signed_off_at / 1000000) * interval '1 second' + (signed_off_at % 1000000) * interval '1 microsecond',
                       reopenings, version
                  from {source}
                on conflict (id) do update set county_code = excluded.county_code, period = excluded.period,
                    grade = excluded.grade, status = excluded.status, due_at = excluded.due_at,
                    rectification_submitted_at = excluded.rectification_submitted_at, signed_off_at = excluded.signed_off_at,
                    reopenings = excluded.reopenings, version = excluded.version
                where hazard_fact.version < excluded.version""".replace("{source}", source);
    }

    /**
     * Applies a batch read during a rebuild ({@link RebuildBatch}: each aggregate already reduced to the
     * update its ordering rule keeps) in the caller's transaction: registrations and inspections with JDBC
     * batches, the hazards with one statement. No {@code processed_event} rows: every write here is an
     * idempotent, guarded upsert, so a live consumer that reads one of these events again re-applies it to
     * no effect (nothing changes, so nothing is marked for recomputation), exactly as if it had been
     * recorded and skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyRebuildBatch(RebuildBatch batch) {
        sql.work(c -> {
            Sql.batch(c, UPSERT_COUNTY, batch.counties.values().stream()
                    .sorted(Comparator.comparing(FactUpdate.CountyUpdate::code)).map(FactStore::county).toList());
            Sql.batch(c, ENSURE_COUNTY, batch.knownCountiesByCode());
            Sql.batch(c, UPSERT_ENTERPRISE, batch.enterprises.values().stream()
                    .sorted(Comparator.comparing(FactUpdate.EnterpriseUpdate::creditCode)).map(FactStore::enterprise).toList());
            Sql.batch(c, INSERT_INSPECTION, batch.inspections.values().stream().map(FactStore::inspection).toList());
            upsertHazards(c, batch.hazardsById());
            for (FactUpdate.SheetAssessmentUpdate u : batch.sheetAssessments) { // rare: one by one, the ordering rule picks the latest
                Sql.update(c, UPSERT_SHEET_ASSESSMENT, sheetAssessment(u));
            }
            return null;
        });
    }

    private static void upsertHazards(Connection c, List<FactUpdate.HazardUpdate> hazards) throws SQLException {
        List<RebuildHazards.Row> rows = new java.util.ArrayList<>(hazards.size());
        for (FactUpdate.HazardUpdate u : hazards) {
            HazardFact f = u.fact();
            rows.add(new RebuildHazards.Row(f.id(), u.countyCode(), u.period(), f.grade(), f.status(), micros(f.dueAt()),
                    micros(f.rectificationSubmittedAt()), micros(f.signedOffAt()), f.reopenings(), u.version()));
        }
        upsertRows(c, rows);
    }

    /** {@link #UPSERT_HAZARDS} of the rows, one array per column, in the order given. */
    private static void upsertRows(Connection c, List<RebuildHazards.Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] counties = new String[n];
        Integer[] periods = new Integer[n];
        String[] grades = new String[n];
        String[] statuses = new String[n];
        Long[] dueAt = new Long[n];
        Long[] submittedAt = new Long[n];
        Long[] signedOffAt = new Long[n];
        Integer[] reopenings = new Integer[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            RebuildHazards.Row r = rows.get(i);
            ids[i] = r.id();
            counties[i] = r.countyCode();
            periods[i] = r.period();
            grades[i] = r.grade();
            statuses[i] = r.status();
            dueAt[i] = r.dueAt();
            submittedAt[i] = r.rectificationSubmittedAt();
            signedOffAt[i] = r.signedOffAt();
            reopenings[i] = r.reopenings();
            versions[i] = r.version();
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT_HAZARDS)) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("varchar", counties));
            ps.setArray(3, c.createArrayOf("int4", periods));
            ps.setArray(4, c.createArrayOf("varchar", grades));
            ps.setArray(5, c.createArrayOf("varchar", statuses));
            ps.setArray(6, c.createArrayOf("int8", dueAt));
            ps.setArray(7, c.createArrayOf("int8", submittedAt));
            ps.setArray(8, c.createArrayOf("int8", signedOffAt));
            ps.setArray(9, c.createArrayOf("int4", reopenings));
            ps.setArray(10, c.createArrayOf("int8", versions));
            ps.executeUpdate();
        }
    }

    /**
     * Upserts hazards kept by a rebuild ({@link RebuildHazards}) with {@link #UPSERT_HAZARDS}, in id order
     * (the lock order of every writer of hazard_fact), in the caller's transaction: the fallback of
     * {@link #writeRebuiltHazards}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertHazardRows(List<RebuildHazards.Row> rows) {
        List<RebuildHazards.Row> ordered = rows.stream().sorted(Comparator.comparing(RebuildHazards.Row::id)).toList();
        sql.work(c -> {
            upsertRows(c, ordered);
            return null;
        });
    }

    /**
     * Writes hazards a rebuild kept, in the caller's transaction. hazard_fact is locked against other writers
     * first (they wait the second or two this takes, then go on): the rows go in grouped by county and period,
     * as the recomputation reads them, not in the id order every other writer locks rows in, which could
     * otherwise deadlock. Under the lock, the rows go straight in by binary {@code COPY}: none of them is there
     * yet unless a live consumer wrote it since the wipe (the rebuild writes each hazard once, in the group of
     * partitions its events are in). If one is (the COPY meets a unique violation), the COPY is undone to a
     * savepoint and the rows go by {@code COPY} into a temporary table (dropped at commit), then into hazard_fact
     * with the upsert and version rule of {@link #UPSERT_HAZARDS}: the newer version stays.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeRebuiltHazards(RebuildHazards hazards) {
        sql.work(c -> {
            try (var st = c.createStatement()) {
                st.execute("lock table hazard_fact in share row exclusive mode");
                st.execute("savepoint rebuilt_hazards");
            }
            try {
                copy(c, "copy hazard_fact (id, county_code, period, grade, status, due_at, rectification_submitted_at, signed_off_at,"
                        + " reopenings, version) from stdin with (format binary)", hazards, RebuildHazards.POSTGRES_EPOCH_MICROS);
                return null;
            } catch (SQLException | IllegalStateException e) {
                if (!UNIQUE_VIOLATION.equals(sqlState(e))) {
                    throw e;
                }
            }
            try (var st = c.createStatement()) {
                st.execute("rollback to savepoint rebuilt_hazards");
                st.execute("""
                        create temporary table rebuild_hazard (id uuid, county_code varchar(12), period int, grade varchar(16),
                            status varchar(32), due_at bigint, rectification_submitted_at bigint, signed_off_at bigint,
                            reopenings int, version bigint) on commit drop""");
            }
            copy(c, """
                    copy rebuild_hazard (id, county_code, period, grade, status, due_at, rectification_submitted_at, signed_off_at,
                                         reopenings, version) from stdin with (format binary)""", hazards, 0);
            try (var st = c.createStatement()) {
                st.executeUpdate(upsertHazardsFrom("rebuild_hazard"));
            }
            return null;
        });
    }

    private static final String UNIQUE_VIOLATION = "23505";

    /** The SQL state of the first SQLException in a chain of causes, or null. */
    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** COPYs the hazards in binary, their times counted from {@code fromMicros} ({@link RebuildHazards#copyBinary}). */
    private static void copy(Connection c, String copy, RebuildHazards hazards, long fromMicros) throws SQLException {
        org.postgresql.copy.CopyIn in = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            hazards.copyBinary(1 << 16, fromMicros, bytes -> {
                try {
                    in.writeToCopy(bytes.array(), 0, bytes.position());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Microseconds since the epoch, the nanoseconds rounded half up as the driver does when it sends an OffsetDateTime. */
    static Long micros(Instant t) {
        if (t == null) {
            return null;
        }
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        return t.getNano() % 1000 >= 500 ? micros + 1 : micros;
    }

    /** Throws every fact away (the first step of a rebuild), with the consumer's processed-event log. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void wipe(String consumer) {
        // waits for recomputations in flight; later ones see the rebuild's suspension (CountyIndexService.FACTS_LOCK)
        sql.list("select 1 from (select pg_advisory_xact_lock(?)) l", rs -> rs.getInt(1), CountyIndexService.FACTS_LOCK);
        // truncated, not deleted: the COPY that writes them again goes into fresh files instead of beside every dead row
        // (afterMigrate__rebuild_truncates_hazard_fact.sql); the other fact tables are small
        sql.update("truncate hazard_fact");
        sql.update("delete from sheet_assessment_fact");
        sql.update("delete from inspection_fact");
        sql.update("delete from enterprise");
        sql.update("delete from county");
        sql.update("delete from processed_event where consumer = ?", consumer);
        // the facts are incomplete from this commit until the rebuild has written them all (see V90__rebuild_pending)
        sql.update("""
                insert into rebuild_pending (id, started_at) values (1, clock_timestamp())
                on conflict (id) do update set started_at = excluded.started_at""");
    }

    /** The facts are complete again (the rebuild has written every one): recomputation may go on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rebuilt() {
        sql.update("delete from rebuild_pending");
    }

    /** Whether a rebuild has wiped the facts and not written them all again (it may be running, or have died). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rebuildPending() {
        return sql.one("select count(*) from rebuild_pending", rs -> rs.getLong(1)).orElse(0L) > 0;
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
                    // columns by position: by name, every row's lookups went through the driver's map of names (the end of a
                    // rebuild reads every hazard here)
                    rs -> Map.entry(new Key(rs.getString(1), rs.getInt(2)), new HazardFact(rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), Sql.instant(rs, 6), Sql.instant(rs, 7), Sql.instant(rs, 8), rs.getInt(9))),
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

    /** How many hazard facts each county has (counties without any are left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> hazardCounts() {
        Map<String, Long> counts = new HashMap<>();
        sql.list("select county_code, count(*) from hazard_fact group by county_code", rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
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
