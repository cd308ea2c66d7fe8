package io.rectify.scoring.service;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.contracts.scoring.CountyIndexDocument.SheetResult;
import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.scoring.domain.CompositeIndexCalculator;
import io.rectify.scoring.domain.CountyFacts;
import io.rectify.scoring.domain.Rubric;
import io.rectify.scoring.domain.SheetScorer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes county answers from the facts: the active rubric, the county's facts and its scoring-sheet
 * result go through {@link CompositeIndexCalculator}, and an answer counts as changed when its
 * {@link #fingerprint} differs from the stored one. Reads only, in the caller's transaction (which holds the
 * county locks: see {@link CountyIndexService}); {@link CountyIndexStore} writes what changed.
 */
@ApplicationScoped
public class CountyRecomputation {

    private static final Logger LOG = Logger.getLogger(CountyRecomputation.class);

    @Inject
    FactStore facts;

    @Inject
    RubricService rubrics;

    @Inject
    CountyDirectory counties;

    @Inject
    ScoringSheetService sheets;

    @Inject
    CountyIndexStore store;

    /**
     * Computes every county/period asked for and returns the answers that differ from the stored ones.
     * A constant number of statements whatever the number of counties (the facts, the stored answers and
     * the writes each in one go): a round of fifty counties used to be some 450 round trips, each one slow
     * when the machine is busy.
     */
    List<CountyIndexStore.Answer> changedAnswers(Map<String, Set<Integer>> periodsByCounty, Instant now) {
        Rubric rubric = rubrics.active(); // read under the locks: a rubric activated meanwhile is seen
        Map<String, CountyRef> refs = counties.findAll(periodsByCounty.keySet());
        Map<FactStore.Key, CountyFacts> facts = this.facts.factsFor(periodsByCounty, refs);
        Map<FactStore.Key, SheetResult> sheetResults = sheetResults(periodsByCounty);
        Map<FactStore.Key, CountyIndexStore.Stored> stored = store.stored(periodsByCounty);
        List<CountyIndexStore.Answer> changed = new ArrayList<>();
        for (Map.Entry<String, Set<Integer>> county : periodsByCounty.entrySet()) {
            CountyRef ref = refs.getOrDefault(county.getKey(), new CountyRef(county.getKey(), null, null, null));
            for (int period : county.getValue()) {
                FactStore.Key key = new FactStore.Key(county.getKey(), period);
                CountyIndexDocument doc = CompositeIndexCalculator.compute(rubric, facts.get(key), sheetResults.get(key), now);
                String fingerprint = fingerprint(doc);
                CountyIndexStore.Stored before = stored.get(key);
                if (before == null || !before.fingerprint().equals(fingerprint)) {
                    changed.add(new CountyIndexStore.Answer(doc, ref, fingerprint, before == null ? 1 : before.revision() + 1,
                            before == null ? null : before.index()));
                }
            }
        }
        return changed;
    }

    /** The answer for a county and period as it would be now, without storing anything. */
    CountyIndexDocument preview(CountyRef county, int period, Instant now) {
        Map<String, Set<Integer>> asked = Map.of(county.code(), Set.of(period));
        FactStore.Key key = new FactStore.Key(county.code(), period);
        CountyFacts known = facts.factsFor(asked, Map.of(county.code(), county)).get(key);
        return CompositeIndexCalculator.compute(rubrics.active(), known, sheetResults(asked).get(key), now);
    }

    /**
     * The scoring-sheet results of the county/periods that have a submitted assessment, each scored on the
     * sheet version it names. A version scoring does not (yet) know leaves the county without a sheet result
     * (logged): the index stands alone until an ADMIN stores that sheet, whose PUT recomputes every county.
     */
    private Map<FactStore.Key, SheetResult> sheetResults(Map<String, Set<Integer>> periodsByCounty) {
        Map<FactStore.Key, SheetResult> results = new HashMap<>();
        facts.sheetAssessments(periodsByCounty).forEach((key, assessment) -> {
            Optional<ScoringSheet> sheet = sheets.sheet(assessment.sheetVersion());
            if (sheet.isPresent()) {
                results.put(key, SheetScorer.score(sheet.get(), assessment));
            } else {
                LOG.warnf("county %s period %d: assessment %s names scoring sheet %s, which scoring does not know", key.countyCode(),
                        key.period(), assessment.assessmentId(), assessment.sheetVersion());
            }
        });
        return results;
    }

    /** What "the answer changed" compares: the document without its computation time. */
    static String fingerprint(CountyIndexDocument doc) {
        CountyIndexDocument timeless = new CountyIndexDocument(doc.countyCode(), doc.countyName(), doc.period(), doc.rubricVersion(),
                doc.index(), doc.reason(), doc.base(), doc.indicators(), doc.deductions(), doc.demonstrationEligible(), null, doc.sheet());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventJson.write(timeless).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
