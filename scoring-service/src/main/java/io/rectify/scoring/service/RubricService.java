package io.rectify.scoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.rectify.contracts.EventJson;
import io.rectify.platform.api.IfMatch;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.scoring.audit.RubricTrail;
import io.rectify.scoring.config.ScoringConfig;
import io.rectify.scoring.domain.Rubric;
import io.rectify.scoring.domain.RubricDocument;
import io.rectify.scoring.domain.RubricValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rubrics as data: the shipped default is installed at start (and activated when none is active, so an
 * administrator's choice survives restarts); an ADMIN may store another version, which becomes the one
 * in force.
 */
@ApplicationScoped
public class RubricService {

    private static final Logger LOG = Logger.getLogger(RubricService.class);

    @Inject
    Sql sql;

    @Inject
    ScoringConfig config;

    @Inject
    Clock clock;

    @Inject
    RubricTrail trail;

    @Inject
    Caller caller;

    /** The active document and its parsed form, so a recomputation parses only when the rubric changed. */
    private record Parsed(String document, Rubric rubric) {
    }

    private volatile Parsed cache;
    private volatile Rubric shipped;

    void onStart(@Observes StartupEvent ignored) {
        QuarkusTransaction.requiringNew().run(this::installDefault);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void installDefault() {
        RubricDocument doc = shippedDocument();
        Instant now = clock.instant();
        int installed = sql.update("""
                insert into rubric (version, document, active, revision, created_at, updated_at)
                values (?, ?, false, 1, ?, ?) on conflict (version) do nothing""",
                doc.version(), EventJson.write(doc), now, now);
        int activated = sql.update("""
                update rubric set active = true, activated_at = ? where version = ?
                   and not exists (select 1 from rubric where active)""", now, doc.version());
        if (installed > 0) {
            trail.record(doc.version(), RubricTrail.Action.INSTALL, "system", "SYSTEM", now, 1, EventJson.write(doc));
        }
        if (activated > 0) {
            trail.record(doc.version(), RubricTrail.Action.ACTIVATE, "system", "SYSTEM", now, 1, null);
        }
        if (installed + activated > 0) {
            LOG.infof("rubric %s installed=%b activated=%b", doc.version(), installed > 0, activated > 0);
        }
    }

    /** The rubric in force; the shipped default until the database has one (first start). */
    @Transactional
    public Rubric active() {
        Optional<String> document = sql.one("select document from rubric where active", rs -> rs.getString(1));
        if (document.isEmpty()) {
            return shippedRubric();
        }
        Parsed parsed = cache;
        if (parsed == null || !parsed.document().equals(document.get())) {
            parsed = new Parsed(document.get(), Rubric.of(EventJson.read(document.get(), RubricDocument.class)));
            cache = parsed;
        }
        return parsed.rubric();
    }

    @Transactional
    public PageResult<StoredRubric> list(PageRequest page) {
        long total = sql.one("select count(*) from rubric", rs -> rs.getLong(1)).orElse(0L);
        List<StoredRubric> items = sql.list("select * from rubric order by created_at, version limit ? offset ?",
                RubricService::stored, page.size(), page.offset());
        return page.result(items, total);
    }

    @Transactional
    public Optional<StoredRubric> find(String version) {
        return sql.one("select * from rubric where version = ?", RubricService::stored, version);
    }

    /**
     * Validates, stores and activates a rubric version. The caller recomputes every county afterwards,
     * in transactions of their own (see {@link CountyIndexService#recomputeAll}).
     *
     * @throws ProblemException 422 listing every problem of the document, 412 on a stale If-Match
     */
    @Transactional
    public StoredRubric put(String version, RubricDocument document, String ifMatch) {
        List<RubricValidator.Problem> problems = RubricValidator.validate(version, document);
        if (!problems.isEmpty()) {
            List<Problem.FieldError> errors = problems.stream().map(p -> new Problem.FieldError(p.field(), p.message())).toList();
            throw ProblemException.invalid(problems.size() + " problem(s) in rubric " + version, errors);
        }
        // one rubric change at a time: two concurrent activations would both claim the single active row
        sql.list("select 1 from (select pg_advisory_xact_lock(hashtext('rubric'))) l", rs -> rs.getInt(1));
        Optional<StoredRubric> existing = sql.one("select * from rubric where version = ? for update", RubricService::stored, version);
        existing.ifPresent(r -> IfMatch.check(ifMatch, r.revision()));
        Instant now = clock.instant();
        String json = EventJson.write(document.withVersion(version));
        for (String[] deactivated : sql.list("update rubric set active = false where active and version <> ? returning version, revision",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, version)) {
            trail.record(deactivated[0], RubricTrail.Action.DEACTIVATE, caller.subject(), caller.actingRole(), now,
                    Long.parseLong(deactivated[1]), null);
        }
        sql.update("""
                insert into rubric (version, document, active, revision, created_at, updated_at, activated_at)
                values (?, ?, true, 1, ?, ?, ?)
                on conflict (version) do update set document = excluded.document, active = true,
                    revision = rubric.revision + 1, updated_at = excluded.updated_at, activated_at = excluded.activated_at""",
                version, json, now, now, now);
        StoredRubric stored = find(version).orElseThrow();
        trail.record(version, RubricTrail.Action.STORE, caller.subject(), caller.actingRole(), now, stored.revision(), json);
        LOG.infof("rubric %s stored (revision %d) and activated", version, stored.revision());
        return stored;
    }

    /** The shipped rubric of {@code rectify.scoring.default-rubric}. */
    public RubricDocument shippedDocument() {
        String location = "rubrics/" + config.defaultRubric() + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("no shipped rubric " + location);
            }
            RubricDocument doc = EventJson.mapper().readValue(in, RubricDocument.class);
            return doc.withVersion(config.defaultRubric());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Rubric shippedRubric() {
        Rubric r = shipped;
        if (r == null) {
            r = Rubric.of(shippedDocument());
            shipped = r;
        }
        return r;
    }

    private static StoredRubric stored(ResultSet rs) throws SQLException {
        return new StoredRubric(rs.getString("version"), EventJson.read(rs.getString("document"), RubricDocument.class),
                rs.getBoolean("active"), rs.getLong("revision"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "activated_at"));
    }
}
