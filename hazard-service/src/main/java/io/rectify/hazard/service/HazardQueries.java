package io.rectify.hazard.service;

import io.rectify.hazard.audit.HazardTrails;
import io.rectify.hazard.domain.County;
import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardHistory;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.audit.AuditVerifier;
import io.rectify.platform.audit.ChainVerification;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Reading hazards: one, a filtered page, a history, a county summary, always within the caller's scope. */
@ApplicationScoped
@Transactional
public class HazardQueries {

    private static final String FROM = HazardCondition.FROM;
    private static final List<HazardStatus> CLOCK_RUNNING = List.of(HazardStatus.OPEN, HazardStatus.RECTIFYING);

    @Inject
    AuditVerifier verifier;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    HazardPermissions permissions;

    @Inject
    CountyDirectory counties;

    /** The hazard, or 404 when it does not exist or is outside the caller's scope. */
    public Hazard get(UUID id) {
        Hazard h = em.find(Hazard.class, id);
        if (h == null) {
            throw ProblemException.notFound("hazard", id);
        }
        permissions.requireVisible(h);
        return h;
    }

    public Optional<County> countyOf(Hazard h) {
        return counties.find(h.countyCode);
    }

    /** The counties of a page of hazards in one query, by code. */
    public Map<String, County> countiesOf(List<Hazard> hazards) {
        List<String> codes = hazards.stream().map(h -> h.countyCode).distinct().toList();
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from County c where c.code in :codes", County.class).setParameter("codes", codes)
                .getResultStream().collect(java.util.stream.Collectors.toMap(c -> c.code, c -> c));
    }

    public PageResult<Hazard> search(HazardFilter filter, PageRequest page) {
        HazardCondition condition = condition(filter);
        String where = condition.where();
        TypedQuery<Long> count = condition.bind(em.createQuery("select count(h)" + FROM + where, Long.class));
        TypedQuery<Hazard> items = condition.bind(em.createQuery("select h" + FROM + where + " order by h.reportedAt desc, h.id", Hazard.class));
        return page.fetch(items, count.getSingleResult());
    }

    /** The caller's scope and the filter as one JPQL condition over {@link HazardCondition#FROM}. */
    public HazardCondition condition(HazardFilter filter) {
        HazardScope scope = HazardScope.of(caller);
        StringBuilder where = new StringBuilder(" where ").append(scope.condition());
        Map<String, Object> params = new HashMap<>(scope.parameters());
        Instant now = Instant.now();
        if (filter.countyCode() != null) {
            where.append(" and h.countyCode = :county");
            params.put("county", filter.countyCode());
        }
        if (filter.enterpriseCreditCode() != null) {
            where.append(" and h.enterpriseCreditCode = :enterprise");
            params.put("enterprise", filter.enterpriseCreditCode());
        }
        if (filter.status() != null) {
            where.append(" and h.status = :status");
            params.put("status", filter.status());
        }
        if (filter.grade() != null) {
            where.append(" and h.grade = :grade");
            params.put("grade", filter.grade());
        }
        if (filter.keyTask() != null) {
            where.append(" and h.keyTask = :keyTask");
            params.put("keyTask", filter.keyTask());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue()
                    ? " and h.status in :clockRunning and h.dueAt < :now"
                    : " and (h.status not in :clockRunning or h.dueAt >= :now)");
            params.put("clockRunning", CLOCK_RUNNING);
            params.put("now", now);
        }
        if (filter.reportedFrom() != null) {
            where.append(" and h.reportedAt >= :reportedFrom");
            params.put("reportedFrom", filter.reportedFrom());
        }
        if (filter.reportedTo() != null) {
            where.append(" and h.reportedAt < :reportedTo");
            params.put("reportedTo", filter.reportedTo());
        }
        return new HazardCondition(where.toString(), Map.copyOf(params), now);
    }

    public PageResult<HazardHistory> history(UUID hazardId, PageRequest page) {
        get(hazardId);
        long total = em.createQuery("select count(l) from HazardHistory l where l.hazardId = :id", Long.class)
                .setParameter("id", hazardId).getSingleResult();
        return page.fetch(em.createQuery("from HazardHistory l where l.hazardId = :id order by l.id", HazardHistory.class)
                .setParameter("id", hazardId), total);
    }

    /** The hazard's chain recomputed; 404 like {@link #get} when outside the caller's scope. */
    public ChainVerification verifyHistory(UUID hazardId) {
        get(hazardId);
        return verifier.verify(HazardTrails.HISTORY, hazardId);
    }

    /** Counts of one county; 404 when the county is unknown or outside the caller's scope. */
    public HazardSummary summary(String countyCode) {
        Optional<County> county = counties.find(countyCode);
        Jurisdiction where = counties.countyJurisdiction(countyCode);
        if (!caller.canSee(where)) {
            throw ProblemException.notFound("county", countyCode);
        }
        Map<String, Long> byStatus = counted("h.status", countyCode, enumKeys(HazardStatus.class));
        if (county.isEmpty() && byStatus.values().stream().allMatch(n -> n == 0)) {
            throw ProblemException.notFound("county", countyCode);
        }
        Map<String, Long> byGrade = counted("h.grade", countyCode, enumKeys(Grade.class));
        Map<String, Long> byKeyTask = counted("h.keyTask", countyCode, new TreeMap<>());
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Instant now = Instant.now();
        long overdue = countOverdue(countyCode, null, now);
        long overdueMajor = countOverdue(countyCode, Grade.MAJOR, now);
        return new HazardSummary(countyCode, county.map(c -> c.name).orElse(null), total, byStatus, byGrade, byKeyTask,
                overdue, overdueMajor);
    }

    private Map<String, Long> counted(String column, String countyCode, Map<String, Long> into) {
        List<Object[]> rows = em.createQuery("select " + column + ", count(h) from Hazard h where h.countyCode = :county group by " + column,
                        Object[].class)
                .setParameter("county", countyCode).getResultList();
        for (Object[] row : rows) {
            into.put(String.valueOf(row[0]), (Long) row[1]);
        }
        return into;
    }

    private long countOverdue(String countyCode, Grade grade, Instant now) {
        TypedQuery<Long> q = em.createQuery("select count(h) from Hazard h where h.countyCode = :county"
                        + " and h.status in :clockRunning and h.dueAt < :now" + (grade == null ? "" : " and h.grade = :grade"), Long.class)
                .setParameter("county", countyCode)
                .setParameter("clockRunning", CLOCK_RUNNING)
                .setParameter("now", now);
        if (grade != null) {
            q.setParameter("grade", grade);
        }
        return q.getSingleResult();
    }

    private static <E extends Enum<E>> Map<String, Long> enumKeys(Class<E> type) {
        Map<String, Long> m = new LinkedHashMap<>();
        EnumSet.allOf(type).forEach(e -> m.put(e.name(), 0L));
        return m;
    }
}
