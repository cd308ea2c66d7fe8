package io.rectify.notification.service;

import io.rectify.notification.domain.Chase;
import io.rectify.notification.domain.ChaseStatus;
import io.rectify.notification.domain.EscalationLevel;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads chases within the caller's scope. */
@ApplicationScoped
public class ChaseQueries {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    public record Filter(String county, Boolean overdue, EscalationLevel level) {
    }

    @Transactional
    public PageResult<Chase> search(Filter filter, PageRequest page, Instant now) {
        ScopeFilter scope = ScopeFilter.of(caller, "c", ScopeFilter.EnterpriseRule.ABOUT_ENTERPRISE);
        List<String> where = new ArrayList<>(List.of(scope.clause()));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.county() != null) {
            where.add("c.countyCode = :county");
            params.put("county", filter.county());
        }
        if (filter.level() != null) {
            where.add("c.escalationLevel = :level");
            params.put("level", filter.level());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue()
                    ? "(c.status = :active and c.dueAt <= :now)"
                    : "(c.status <> :active or c.dueAt > :now)");
            params.put("active", ChaseStatus.ACTIVE);
            params.put("now", now);
        }
        String condition = String.join(" and ", where);
        TypedQuery<Chase> list = em.createQuery("select c from Chase c where " + condition + " order by c.dueAt, c.hazardId", Chase.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from Chase c where " + condition, Long.class);
        params.forEach((k, v) -> {
            list.setParameter(k, v);
            count.setParameter(k, v);
        });
        return page.fetch(list, count.getSingleResult());
    }

    @Transactional
    public Optional<Chase> find(UUID hazardId) {
        ScopeFilter scope = ScopeFilter.of(caller, "c", ScopeFilter.EnterpriseRule.ABOUT_ENTERPRISE);
        TypedQuery<Chase> q = em.createQuery("select c from Chase c where c.hazardId = :id and " + scope.clause(), Chase.class)
                .setParameter("id", hazardId);
        scope.params().forEach(q::setParameter);
        return q.getResultStream().findFirst();
    }

    /** Reminders and escalations delivered so far, per hazard. */
    @Transactional
    public Map<UUID, Long> sentCounts(List<UUID> hazardIds) {
        if (hazardIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select n.hazardId, count(n) from Notification n where n.hazardId in :ids "
                        + "and n.status = :sent group by n.hazardId", Object[].class)
                .setParameter("ids", hazardIds)
                .setParameter("sent", NotificationStatus.SENT)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }
}
