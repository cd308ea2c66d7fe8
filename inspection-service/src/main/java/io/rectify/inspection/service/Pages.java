package io.rectify.inspection.service;

import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.Map;

/** One page of entities matching a JPQL condition, with the total count of matches. */
@ApplicationScoped
public class Pages {

    @Inject
    EntityManager em;

    /**
     * @param from    e.g. {@code Inspection i}
     * @param where   a JPQL boolean expression over the alias
     * @param orderBy e.g. {@code i.scheduledOn desc, i.id} (a unique tail keeps pages stable)
     */
    public <T> PageResult<T> find(Class<T> type, String from, String alias, String where, Map<String, Object> params,
                                  String orderBy, PageRequest page) {
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ") from " + from + " where " + where, Long.class);
        TypedQuery<T> select = em.createQuery("select " + alias + " from " + from + " where " + where + " order by " + orderBy, type);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        return page.fetch(select, count.getSingleResult());
    }
}
