package io.rectify.scoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.platform.api.IfMatch;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.scoring.domain.RubricValidator;
import io.rectify.scoring.domain.ScoringSheetValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scoring sheets as data, beside the rubrics: the sheet shipped in event-contracts ({@code 2024.1}, the
 * copy inspection-service checks marks against) is installed at start and activated for its period when
 * that period has none; an ADMIN may store another version, which becomes the one in force for its period.
 */
@ApplicationScoped
public class ScoringSheetService {

    private static final Logger LOG = Logger.getLogger(ScoringSheetService.class);

    /** The sheets shipped with the contracts module and installed at start. */
    static final List<String> SHIPPED = List.of("2024.1");

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    /** Parsed documents by version and text, so a recomputation parses a sheet only when it changed. */
    private final Map<String, Map.Entry<String, ScoringSheet>> parsed = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent ignored) {
        QuarkusTransaction.requiringNew().run(this::installShipped);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void installShipped() {
        Instant now = clock.instant();
        for (String version : SHIPPED) {
            ScoringSheet sheet = ScoringSheet.shipped(version).orElseThrow(() -> new IllegalStateException("no shipped sheet " + version));
            int installed = sql.update("""
                    insert into scoring_sheet (version, period, document, active, revision, created_at, updated_at)
                    values (?, ?, ?, false, 1, ?, ?) on conflict (version) do nothing""",
                    version, sheet.period(), EventJson.write(sheet), now, now);
            int activated = sql.update("""
                    update scoring_sheet set active = true, activated_at = ? where version = ?
                       and not exists (select 1 from scoring_sheet where active and period = ?)""", now, version, sheet.period());
            if (installed + activated > 0) {
                LOG.infof("scoring sheet %s installed=%b activated=%b", version, installed > 0, activated > 0);
            }
        }
    }

    @Transactional
    public PageResult<StoredSheet> list(PageRequest page) {
        long total = sql.one("select count(*) from scoring_sheet", rs -> rs.getLong(1)).orElse(0L);
        List<StoredSheet> items = sql.list("select * from scoring_sheet order by period, created_at, version limit ? offset ?",
                ScoringSheetService::stored, page.size(), page.offset());
        return page.result(items, total);
    }

    @Transactional
    public Optional<StoredSheet> find(String version) {
        return sql.one("select * from scoring_sheet where version = ?", ScoringSheetService::stored, version);
    }

    /** The sheet of a version, parsed once per stored text; empty when scoring does not know it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ScoringSheet> sheet(String version) {
        return sql.one("select document from scoring_sheet where version = ?", rs -> rs.getString(1), version).map(text -> {
            Map.Entry<String, ScoringSheet> cached = parsed.get(version);
            if (cached == null || !cached.getKey().equals(text)) {
                cached = Map.entry(text, EventJson.read(text, ScoringSheet.class));
                parsed.put(version, cached);
            }
            return cached.getValue();
        });
    }

    /**
     * Validates, stores and activates a sheet version for its period. The caller recomputes every county
     * afterwards (assessments scored on this version change with it).
     *
     * @throws ProblemException 422 listing every problem of the document, 412 on a stale If-Match
     */
    @Transactional
    public StoredSheet put(String version, ScoringSheet sheet, String ifMatch) {
        List<RubricValidator.Problem> problems = ScoringSheetValidator.validate(version, sheet);
        if (!problems.isEmpty()) {
            List<Problem.FieldError> errors = problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList();
            throw ProblemException.invalid(problems.size() + " problem(s) in scoring sheet " + version, errors);
        }
        // one sheet change at a time: two concurrent activations would both claim the period's active row
        sql.list("select 1 from (select pg_advisory_xact_lock(hashtext('scoring-sheet'))) l", rs -> rs.getInt(1));
        Optional<StoredSheet> existing = sql.one("select * from scoring_sheet where version = ? for update", ScoringSheetService::stored, version);
        existing.ifPresent(s -> IfMatch.check(ifMatch, s.revision()));
        Instant now = clock.instant();
        sql.update("update scoring_sheet set active = false where active and period = ? and version <> ?", sheet.period(), version);
        sql.update("""
                insert into scoring_sheet (version, period, document, active, revision, created_at, updated_at, activated_at)
                values (?, ?, ?, true, 1, ?, ?, ?)
                on conflict (version) do update set period = excluded.period, document = excluded.document, active = true,
                    revision = scoring_sheet.revision + 1, updated_at = excluded.updated_at, activated_at = excluded.activated_at""",
                version, sheet.period(), EventJson.write(sheet.withVersion(version)), now, now, now);
        StoredSheet stored = find(version).orElseThrow();
        LOG.infof("scoring sheet %s for %d stored (revision %d) and activated", version, sheet.period(), stored.revision());
        return stored;
    }

    private static StoredSheet stored(ResultSet rs) throws SQLException {
        return new StoredSheet(rs.getString("version"), EventJson.read(rs.getString("document"), ScoringSheet.class),
                rs.getBoolean("active"), rs.getLong("revision"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "activated_at"));
    }
}
