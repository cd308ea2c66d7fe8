package io.rectify.hazard.service;

import jakarta.persistence.Query;

import java.time.Instant;
import java.util.Map;

/**
 * A search's JPQL condition over {@link #FROM}: the caller's scope and the filter, with its parameters.
 * Built once by {@link HazardQueries#condition} and used by the paged search and the register export
 * alike, so both select exactly the same hazards.
 *
 * @param now the instant "overdue" was judged at, the same for every query run with this condition
 */
public record HazardCondition(String where, Map<String, Object> parameters, Instant now) {

    /** The hazards and their counties ({@code h}, {@code c}); joins may follow before {@link #where}. */
    public static final String FROM = " from Hazard h left join County c on c.code = h.countyCode";

    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
