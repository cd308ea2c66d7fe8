package io.rectify.hazard.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.contracts.EventJson;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.hazard.service.HazardCondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads the register for an export: the hazards of a search condition and their audit trails, as
 * unmanaged tuples through a server-side cursor (fetch size), so a million rows never sit in the heap.
 * Runs in the caller's transaction; close the streams.
 */
@ApplicationScoped
public class RegisterReader {

    static final int FETCH_SIZE = 1000;

    private static final String HAZARD_COLUMNS = """
            select h.id, h.countyCode, c.name, h.enterpriseCreditCode, e.name, h.source, h.keyTask, h.grade, h.majorCriterion,
                   h.description, h.reportedAt, h.dueAt, h.status, h.planResponsiblePerson, h.planMeasures, h.planFundingCny,
                   h.planDeadline, h.planContingencyPlan, h.rejections, h.extensions, h.reopenings, h.signedOffAt,
                   (select s.who from HazardHistory s where s.id =
                       (select max(s2.id) from HazardHistory s2 where s2.hazardId = h.id and s2.action = 'SIGN_OFF')),
                   h.rectificationEvidence""";

    private static final String ENTERPRISE_JOIN = " left join RegisteredEnterprise e on e.creditCode = h.enterpriseCreditCode";

    /** Newest first, like the search. */
    private static final String ORDER = " order by h.reportedAt desc, h.id";

    @Inject
    EntityManager em;

    /** The names of key tasks and criteria, both languages (a few dozen rows). */
    public Labels labels(Lang lang, java.time.ZoneId zone) {
        Map<String, String[]> keyTasks = new HashMap<>();
        Map<String, String[]> criteria = new HashMap<>();
        List<?> rows = em.createNativeQuery("select kind, code, name_zh, name_en from reference_label").getResultList();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            ("KEY_TASK".equals(r[0]) ? keyTasks : criteria).put((String) r[1], new String[]{(String) r[2], (String) r[3]});
        }
        return new Labels(lang, zone, keyTasks, criteria);
    }

    public Stream<RegisterRow> hazards(HazardCondition condition) {
        return condition.bind(em.createQuery(HAZARD_COLUMNS + HazardCondition.FROM + ENTERPRISE_JOIN + condition.where() + ORDER, Object[].class))
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()
                .map(r -> row(r, condition.now()));
    }

    /** The trails of the same hazards, hazard by hazard in the register's order, each oldest first. */
    public Stream<HistoryRow> history(HazardCondition condition) {
        String jpql = "select l.hazardId, l.hazardVersion, l.at, l.who, l.role, l.action, l.fromStatus, l.toStatus, l.payload"
                + HazardCondition.FROM + " join HazardHistory l on l.hazardId = h.id" + condition.where() + ORDER + ", l.id";
        return condition.bind(em.createQuery(jpql, Object[].class))
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()
                .map(r -> new HistoryRow((UUID) r[0], (Long) r[1], (Instant) r[2], (String) r[3], (String) r[4], (String) r[5],
                        (String) r[6], (String) r[7], (String) r[8]));
    }

    private static RegisterRow row(Object[] r, Instant now) {
        HazardStatus status = (HazardStatus) r[12];
        Instant due = (Instant) r[11];
        Instant signedOffAt = (Instant) r[21];
        JsonNode evidence = parse((String) r[23]);
        return new RegisterRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], String.valueOf(r[5]),
                (String) r[6], String.valueOf(r[7]), (String) r[8], (String) r[9], (Instant) r[10], due, status.name(),
                overdueDays(status, due, now), (String) r[13], (String) r[14], (BigDecimal) r[15], (LocalDate) r[16],
                (String) r[17], (Integer) r[18], (Integer) r[19], (Integer) r[20], signedOffAt,
                signedOffAt == null ? null : (String) r[22], evidenceCount(evidence), evidenceWarnings(evidence));
    }

    /** Days past the due date, a started day counting as one, while the clock runs (as the search's "overdue"); else 0. */
    static long overdueDays(HazardStatus status, Instant due, Instant now) {
        if (!status.clockRunning() || !now.isAfter(due)) {
            return 0;
        }
        Duration late = Duration.between(due, now);
        return late.toDays() + (late.minusDays(late.toDays()).isZero() ? 0 : 1);
    }

    private static int evidenceCount(JsonNode items) {
        return items != null && items.isArray() ? items.size() : 0;
    }

    /**
     * What the stored evidence says is doubtful: each item's {@code warnings} (text or list), as evidence
     * checks record them. Evidence stored before such checks carries none.
     */
    static List<String> evidenceWarnings(JsonNode items) {
        List<String> warnings = new ArrayList<>();
        if (items == null || !items.isArray()) {
            return warnings;
        }
        for (JsonNode item : items) {
            JsonNode w = item.get("warnings");
            if (w == null) {
                w = item.get("warning");
            }
            if (w != null && w.isArray()) {
                w.forEach(x -> warnings.add(x.isTextual() ? x.asText() : x.toString()));
            } else if (w != null && !w.isNull()) {
                warnings.add(w.isTextual() ? w.asText() : w.toString());
            }
        }
        return warnings;
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored evidence is not valid JSON", e);
        }
    }
}
