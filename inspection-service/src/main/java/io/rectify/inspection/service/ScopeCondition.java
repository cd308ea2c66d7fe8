package io.rectify.inspection.service;

import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's data scope as a JPQL condition, so lists are filtered in the query (before paging),
 * with the same meaning as {@link Caller#canSee}: the condition holds for a row exactly when the
 * caller could see it as a single resource.
 *
 * @param jpql   a boolean expression to AND into a where clause
 * @param params its named parameters (all prefixed {@code scope})
 */
public record ScopeCondition(String jpql, Map<String, Object> params) {

    private static final String EVERYTHING = "1 = 1";
    private static final String NOTHING = "1 = 0";

    /**
     * @param countyCode a JPQL expression of the row's county code
     * @param creditCode a JPQL expression of the row's enterprise credit code, or null when rows have none
     */
    public static ScopeCondition of(Caller caller, String countyCode, String creditCode) {
        if (caller.seesEverything()) {
            return new ScopeCondition(EVERYTHING, Map.of());
        }
        List<String> anyOf = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (caller.is(Roles.PROVINCE_REGULATOR) && caller.province() != null) {
            anyOf.add(countiesWhere(countyCode, "k.province = :scopeProvince"));
            params.put("scopeProvince", caller.province());
        }
        if (caller.is(Roles.CITY_REGULATOR) && caller.city() != null) {
            String where = "k.city = :scopeCity";
            params.put("scopeCity", caller.city());
            if (caller.province() != null) {
                where += " and k.province = :scopeProvince";
                params.put("scopeProvince", caller.province());
            }
            anyOf.add(countiesWhere(countyCode, where));
        }
        if (caller.is(Roles.COUNTY_REGULATOR) && caller.county() != null) {
            anyOf.add(countyCode + " = :scopeCounty");
            params.put("scopeCounty", caller.county());
        }
        if (caller.is(Roles.EXPERT)) {
            anyOf.add(expertScope(caller, countyCode, params));
        }
        if (caller.is(Roles.ENTERPRISE) && caller.creditCode() != null && creditCode != null) {
            anyOf.add(creditCode + " = :scopeCreditCode");
            params.put("scopeCreditCode", caller.creditCode());
        }
        if (anyOf.isEmpty()) {
            return new ScopeCondition(NOTHING, Map.of());
        }
        return new ScopeCondition("(" + String.join(" or ", anyOf) + ")", params);
    }

    /** Experts are scoped by whichever of province and county their token carries; none means everywhere. */
    private static String expertScope(Caller caller, String countyCode, Map<String, Object> params) {
        List<String> all = new ArrayList<>();
        if (caller.province() != null) {
            all.add(countiesWhere(countyCode, "k.province = :scopeProvince"));
            params.put("scopeProvince", caller.province());
        }
        if (caller.county() != null) {
            all.add(countyCode + " = :scopeCounty");
            params.put("scopeCounty", caller.county());
        }
        return all.isEmpty() ? EVERYTHING : "(" + String.join(" and ", all) + ")";
    }

    private static String countiesWhere(String countyCode, String where) {
        return countyCode + " in (select k.code from County k where " + where + ")";
    }
}
