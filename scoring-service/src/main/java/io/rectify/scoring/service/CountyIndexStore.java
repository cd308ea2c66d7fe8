package io.rectify.scoring.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.Topics;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored answers: reads what {@code county_index_current} holds, and writes a changed answer in the
 * caller's transaction as the current row, a history row, an outbox entry for {@code county.index} (current
 * period only) and a notice for every replica's stream ({@link IndexChangeNotices}, delivered on commit).
 * Each kind of write is one statement for the whole round.
 */
@ApplicationScoped
public class CountyIndexStore {

    private static final Logger LOG = Logger.getLogger(CountyIndexStore.class);

    @Inject
    Sql sql;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    /** What is stored of a county/period's current answer: enough to tell whether a new one differs. */
    record Stored(String fingerprint, long revision, BigDecimal index) {
    }

    /** A changed answer to store, with its revision and the index it replaces. */
    record Answer(CountyIndexDocument doc, CountyRef county, String fingerprint, long revision, BigDecimal previous) {
    }

    /** The periods of a county that have a stored answer. */
    List<Integer> storedPeriods(String countyCode) {
        return sql.list("select period from county_index_current where county_code = ?", rs -> rs.getInt(1), countyCode);
    }

    /** The stored answers of the county/periods asked for (one statement); a period never answered is absent. */
    Map<FactStore.Key, Stored> stored(Map<String, Set<Integer>> periodsByCounty) {
        Map<FactStore.Key, Stored> stored = new HashMap<>();
        sql.work(c -> Sql.list(c, """
                select county_code, period, fingerprint, revision, index_value from county_index_current
                 where county_code = any(?) and period = any(?)""",
                rs -> Map.entry(new FactStore.Key(rs.getString(1), rs.getInt(2)),
                        new Stored(rs.getString(3), rs.getLong(4), rs.getBigDecimal(5))),
                c.createArrayOf("varchar", periodsByCounty.keySet().toArray()),
                c.createArrayOf("integer", periodsByCounty.values().stream().flatMap(Set::stream).distinct().toArray())))
                .forEach(e -> stored.put(e.getKey(), e.getValue()));
        return stored;
    }

    /** Stores, publishes and announces the changed answers; {@code current} is the period {@code county.index} carries. */
    void store(List<Answer> answers, int current) {
        List<Object[]> currentRows = new ArrayList<>(answers.size());
        List<Object[]> historyRows = new ArrayList<>(answers.size());
        List<Outbox.Entry> published = new ArrayList<>();
        for (Answer a : answers) {
            CountyIndexDocument doc = a.doc();
            String json = EventJson.write(doc);
            currentRows.add(new Object[]{doc.countyCode(), doc.period(), doc.countyName(), a.county().city(), a.county().province(),
                    doc.rubricVersion(), doc.index(), doc.reason(), doc.demonstrationEligible(), json, a.fingerprint(), a.revision(),
                    doc.computedAt(), doc.sheet() == null ? null : doc.sheet().score()});
            historyRows.add(new Object[]{doc.countyCode(), doc.period(), doc.rubricVersion(), doc.index(), doc.reason(), doc.base(),
                    doc.demonstrationEligible(), json, doc.computedAt()});
            // county.index is compacted by county code: it carries each county's current period only, so a
            // late change to a past year never hides the current answer
            if (doc.period() == current) {
                published.add(new Outbox.Entry(doc, doc.computedAt()));
            }
        }
        sql.batch("""
                insert into county_index_current (county_code, period, county_name, city, province, rubric_version, index_value,
                    reason, demonstration_eligible, document, fingerprint, revision, computed_at, sheet_score)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (county_code, period) do update set county_name = excluded.county_name, city = excluded.city,
                    province = excluded.province, rubric_version = excluded.rubric_version, index_value = excluded.index_value,
                    reason = excluded.reason, demonstration_eligible = excluded.demonstration_eligible, document = excluded.document,
                    fingerprint = excluded.fingerprint, revision = excluded.revision, computed_at = excluded.computed_at,
                    sheet_score = excluded.sheet_score""", currentRows);
        sql.batch("""
                insert into county_index_history (county_code, period, rubric_version, index_value, reason, base,
                    demonstration_eligible, document, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", historyRows);
        outbox.appendAll(Topics.COUNTY_INDEX, published);
        List<IndexChange> changes = new ArrayList<>(answers.size());
        for (Answer a : answers) {
            CountyIndexDocument doc = a.doc();
            changes.add(new IndexChange(doc.countyCode(), doc.countyName(), a.county().city(), a.county().province(), doc.period(),
                    doc.index(), a.previous(), doc.reason(), doc.demonstrationEligible(), doc.rubricVersion(), a.revision(),
                    doc.computedAt()));
            LOG.infof("county %s period %d index %s -> %s (rubric %s, revision %d)", doc.countyCode(), doc.period(),
                    a.previous(), doc.index() != null ? doc.index() : doc.reason(), doc.rubricVersion(), a.revision());
        }
        sql.work(c -> {
            IndexChangeNotices.send(c, changes); // delivered to every replica's stream on commit
            return null;
        });
        registry.counter("rectify.scoring.index.changes").increment(answers.size());
    }
}
