package io.rectify.hazard.service;

import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Scope;

import java.util.Map;

/**
 * The caller's {@link Scope} as a JPQL condition over {@code Hazard h left join County c}, so searches
 * filter by scope in the database (before paging and counting); the same grants decide single reads
 * ({@link Caller#canSee}), so a list holds exactly the hazards a single read would show.
 */
public record HazardScope(String condition, Map<String, Object> parameters) {

    /** Where a hazard sits: its county's province and city, its county, its enterprise. */
    static final Scope.Columns COLUMNS = new Scope.Columns("c.province", "c.city", "h.countyCode", "h.enterpriseCreditCode");

    public static HazardScope of(Caller caller) {
        Scope.Condition where = caller.scope().where(COLUMNS);
        return new HazardScope(where.expression(), where.parameters());
    }
}
