package io.rectify.notification.service;

import io.rectify.notification.domain.Channel;
import io.rectify.notification.domain.DeliveryAttempt;
import io.rectify.notification.domain.Notification;
import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.domain.RecipientLevel;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Notifications and their attempts within the caller's scope: regulators by jurisdiction, enterprises
 * only what was addressed to them, ADMIN and AGENCY_SYSTEM everything. Acknowledgement by a recipient.
 */
@ApplicationScoped
public class NotificationQueries {

    private static final Logger LOG = Logger.getLogger(NotificationQueries.class);

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Acknowledgements acknowledgements;

    public record Filter(UUID hazardId, RecipientLevel level, Channel channel, NotificationStatus status, Boolean acknowledged) {

        public Filter(UUID hazardId, RecipientLevel level, Channel channel, NotificationStatus status) {
            this(hazardId, level, channel, status, null);
        }
    }

    /** A notification with every attempt made to deliver it. */
    public record WithAttempts(Notification notification, List<DeliveryAttempt> attempts) {
    }

    @Transactional
    public PageResult<WithAttempts> search(Filter filter, PageRequest page) {
        ScopeFilter scope = scope();
        List<String> where = new ArrayList<>(List.of(scope.clause()));
        Map<String, Object> params = new HashMap<>(scope.params());
        add(where, params, "n.hazardId", "hazardId", filter.hazardId());
        add(where, params, "n.level", "level", filter.level());
        add(where, params, "n.channel", "channel", filter.channel());
        add(where, params, "n.status", "status", filter.status());
        if (filter.acknowledged() != null) {
            where.add(filter.acknowledged() ? "n.acknowledgedAt is not null" : "n.acknowledgedAt is null");
        }
        String condition = String.join(" and ", where);
        TypedQuery<Notification> list = em.createQuery("select n from Notification n where " + condition + " order by n.seq", Notification.class);
        TypedQuery<Long> count = em.createQuery("select count(n) from Notification n where " + condition, Long.class);
        params.forEach((k, v) -> {
            list.setParameter(k, v);
            count.setParameter(k, v);
        });
        PageResult<Notification> found = page.fetch(list, count.getSingleResult());
        Map<UUID, List<DeliveryAttempt>> attempts = attemptsOf(found.items().stream().map(n -> n.id).toList());
        return found.map(n -> new WithAttempts(n, attempts.getOrDefault(n.id, List.of())));
    }

    /**
     * Records that the recipient has seen a delivered notification; acknowledging twice keeps the first.
     *
     * @throws ProblemException 404 outside the caller's scope, 409 when it was never delivered
     */
    @Transactional
    public WithAttempts acknowledge(UUID id) {
        Notification n = visible(id).orElseThrow(() -> ProblemException.notFound("notification", id));
        em.lock(n, LockModeType.PESSIMISTIC_WRITE);
        acknowledgements.byCaller(n, caller.subject());
        return new WithAttempts(n, attemptsOf(List.of(n.id)).getOrDefault(n.id, List.of()));
    }

    private Optional<Notification> visible(UUID id) {
        ScopeFilter scope = scope();
        TypedQuery<Notification> q = em.createQuery("select n from Notification n where n.id = :id and " + scope.clause(), Notification.class)
                .setParameter("id", id);
        scope.params().forEach(q::setParameter);
        return q.getResultStream().findFirst();
    }

    private ScopeFilter scope() {
        return ScopeFilter.of(caller, "n", ScopeFilter.EnterpriseRule.ADDRESSED_TO_ENTERPRISE);
    }

    private Map<UUID, List<DeliveryAttempt>> attemptsOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from DeliveryAttempt a where a.notificationId in :ids order by a.attempt", DeliveryAttempt.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.groupingBy(a -> a.notificationId));
    }

    private static void add(List<String> where, Map<String, Object> params, String path, String name, Object value) {
        if (value != null) {
            where.add(path + " = :" + name);
            params.put(name, value);
        }
    }
}
