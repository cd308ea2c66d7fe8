package io.rectify.scoring.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The fact updates of a stretch of the log read by a rebuild, reduced to what the ordering rules of
 * {@link FactStore} would keep anyway: the newest version of each hazard, the latest registration of each
 * county and enterprise, the first insertion of each inspection. Ties keep the update read first, as
 * applying them in log order would ({@code version <} and {@code (at, id) <} never overwrite an equal).
 * <p>
 * Built in slices in parallel and then {@linkplain #addLater merged} in log order, so the result does not
 * depend on how the stretch was cut. Every update is also kept in log order ({@link #inOrder}) for the
 * one-by-one fallback when the database refuses the batch.
 */
final class RebuildBatch {

    private static final Logger LOG = Logger.getLogger(RebuildBatch.class);

    private static final Comparator<FactUpdate.CountyUpdate> LATEST_COUNTY =
            Comparator.comparing(FactUpdate.CountyUpdate::occurredAt).thenComparing(FactUpdate.CountyUpdate::eventId);
    private static final Comparator<FactUpdate.EnterpriseUpdate> LATEST_ENTERPRISE =
            Comparator.comparing(FactUpdate.EnterpriseUpdate::occurredAt).thenComparing(FactUpdate.EnterpriseUpdate::eventId);

    /** Records of the log this batch stands for (decoded, unused or skipped). */
    int records;
    /** Records that could not be decoded (poison: skipped, as the dead-letter topic would take them live). */
    long skipped;

    final List<FactUpdate> inOrder = new ArrayList<>();
    final Map<String, FactUpdate.CountyUpdate> counties = new HashMap<>();
    final Map<String, FactUpdate.EnterpriseUpdate> enterprises = new HashMap<>();
    final Map<UUID, FactUpdate.InspectionUpdate> inspections = new LinkedHashMap<>();
    final Map<UUID, FactUpdate.HazardUpdate> hazards = new HashMap<>();
    /** Counties first seen in this batch, with the city and province of the first update that named them. */
    final Map<String, Object[]> knownCounties = new LinkedHashMap<>();
    final List<FactUpdate.SheetAssessmentUpdate> sheetAssessments = new ArrayList<>();

    void add(FactUpdate update) {
        inOrder.add(update);
        reduce(update);
    }

    private void reduce(FactUpdate update) {
        if (update instanceof FactUpdate.HazardUpdate u) {
            hazards.merge(u.fact().id(), u, (a, b) -> a.version() >= b.version() ? a : b);
            knownCounties.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), u.city(), u.province()});
        } else if (update instanceof FactUpdate.CountyUpdate u) {
            counties.merge(u.code(), u, (a, b) -> LATEST_COUNTY.compare(a, b) >= 0 ? a : b);
        } else if (update instanceof FactUpdate.EnterpriseUpdate u) {
            enterprises.merge(u.creditCode(), u, (a, b) -> LATEST_ENTERPRISE.compare(a, b) >= 0 ? a : b);
            knownCounties.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), null, null});
        } else if (update instanceof FactUpdate.InspectionUpdate u) {
            inspections.putIfAbsent(u.inspectionId(), u);
            knownCounties.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), null, null});
        } else if (update instanceof FactUpdate.SheetAssessmentUpdate u) {
            sheetAssessments.add(u);
            knownCounties.putIfAbsent(u.countyCode(), new Object[]{u.countyCode(), null, null});
        }
    }

    /** Merges the slice that follows this one in the log. */
    void addLater(RebuildBatch later) {
        records += later.records;
        skipped += later.skipped;
        inOrder.addAll(later.inOrder);
        // each map of the later slice holds its own winners; against ours, ties keep ours (read first)
        later.hazards.forEach((id, u) -> hazards.merge(id, u, (a, b) -> a.version() >= b.version() ? a : b));
        later.counties.forEach((code, u) -> counties.merge(code, u, (a, b) -> LATEST_COUNTY.compare(a, b) >= 0 ? a : b));
        later.enterprises.forEach((code, u) -> enterprises.merge(code, u, (a, b) -> LATEST_ENTERPRISE.compare(a, b) >= 0 ? a : b));
        later.inspections.forEach(inspections::putIfAbsent);
        later.knownCounties.forEach(knownCounties::putIfAbsent);
        sheetAssessments.addAll(later.sheetAssessments);
    }

    boolean isEmpty() {
        return inOrder.isEmpty();
    }

    /** The hazards sorted by id: every writer of hazard_fact locks rows in one order (see {@link FactStore#applyAll}). */
    List<FactUpdate.HazardUpdate> hazardsById() {
        return hazards.values().stream().sorted(Comparator.comparing(u -> u.fact().id())).toList();
    }

    /** The counties to make sure of, sorted by code (the order {@link FactStore#applyAll} inserts them in). */
    List<Object[]> knownCountiesByCode() {
        return new ArrayList<>(new TreeMap<>(knownCounties).values());
    }

    /**
     * Decodes records (a chunk or a slice of one); a record that cannot be decoded is skipped and counted
     * (poison), and so is a hazard update the database would refuse ({@link #refusedByDatabase}).
     */
    static RebuildBatch decode(List<? extends ConsumerRecord<?, ?>> records, ZoneId zone) {
        RebuildBatch batch = new RebuildBatch();
        for (ConsumerRecord<?, ?> r : records) {
            batch.records++;
            try {
                Optional<FactUpdate> update = RebuildDecoder.decode(r, zone);
                if (update.isPresent()) {
                    if (update.get() instanceof FactUpdate.HazardUpdate h && refusedByDatabase(h)) {
                        batch.skipped++;
                        LOG.debugf("rebuild skips %s/%d@%d: text with a NUL character (refused by PostgreSQL)", r.topic(), r.partition(), r.offset());
                    } else {
                        batch.add(update.get());
                    }
                }
            } catch (RuntimeException e) {
                batch.skipped++;
                LOG.debugf("rebuild skips %s/%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        return batch;
    }

    /**
     * Whether PostgreSQL would refuse to store a hazard update that passed {@link FactUpdates#hazard}'s
     * checks: the only such case is a NUL character in its text (status, city or province; grade and county
     * code are checked against fixed forms). Live, {@link FactStore#apply} fails on it and the event goes to
     * the dead-letter topic with nothing applied; the rebuild, which keeps only each hazard's newest update
     * and writes it at the end, leaves it out from the start to the same effect.
     */
    static boolean refusedByDatabase(FactUpdate.HazardUpdate h) {
        return hasNul(h.fact().status()) || hasNul(h.city()) || hasNul(h.province()) || hasNul(h.countyCode()) || hasNul(h.fact().grade());
    }

    private static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /**
     * What of this batch a rebuild writes as it reads: everything but the hazards (kept in
     * {@link RebuildHazards} and written once at the end), and only the counties not made sure of by an
     * earlier batch of the same rebuild ({@code ensured}; an {@code ENSURE_COUNTY} of a county that exists
     * changes nothing). Empty when there is nothing to write.
     */
    RebuildBatch withoutHazards(java.util.Set<String> ensured) {
        RebuildBatch b = new RebuildBatch();
        b.records = records;
        b.skipped = skipped;
        for (FactUpdate u : inOrder) {
            if (!(u instanceof FactUpdate.HazardUpdate)) {
                b.inOrder.add(u);
            }
        }
        b.counties.putAll(counties);
        b.enterprises.putAll(enterprises);
        b.inspections.putAll(inspections);
        b.sheetAssessments.addAll(sheetAssessments);
        knownCounties.forEach((code, place) -> {
            if (!ensured.contains(code)) {
                b.knownCounties.put(code, place);
            }
        });
        return b;
    }

    /** Nothing to write: no update but hazards and no county that is not made sure of yet. */
    boolean nothingToWrite() {
        return counties.isEmpty() && enterprises.isEmpty() && inspections.isEmpty() && sheetAssessments.isEmpty() && knownCounties.isEmpty();
    }

    /** A batch that only makes sure of a county, with the city and province given (the one-by-one fallback's for a hazard). */
    static RebuildBatch ensuring(Object[] place) {
        RebuildBatch b = new RebuildBatch();
        b.knownCounties.put((String) place[0], place);
        return b;
    }

    /** A batch of one update, for the one-by-one fallback. */
    static RebuildBatch of(FactUpdate update) {
        RebuildBatch b = new RebuildBatch();
        b.add(update);
        return b;
    }
}
