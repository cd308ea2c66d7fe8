package io.rectify.inspection.service;

import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Scope;

import java.util.Map;

/**
 * The caller's {@link Scope} as a JPQL condition, so lists are filtered in the query (before paging):
 * the same grants decide single reads ({@link Caller#canSee}), so the condition holds for a row exactly
 * when the caller could see it as a single resource.
 *
 * @param jpql   a boolean expression to AND into a where clause
 * @param params its named parameters (all prefixed {@code scope})
 */
public record ScopeCondition(String jpql, Map<String, Object> params) {

    /**
     * @param countyCode a JPQL expression of the row's county code (its province and city are the county's)
     * @param creditCode a JPQL expression of the row's enterprise credit code, or null when rows have none
     */
    public static ScopeCondition of(Caller caller, String countyCode, String creditCode) {
        Scope.Columns columns = new Scope.Columns(
                "(select k.province from County k where k.code = " + countyCode + ")",
                "(select k.city from County k where k.code = " + countyCode + ")",
                countyCode, creditCode);
        Scope.Condition where = caller.scope().where(columns);
        return new ScopeCondition(where.expression(), where.parameters());
    }
}
