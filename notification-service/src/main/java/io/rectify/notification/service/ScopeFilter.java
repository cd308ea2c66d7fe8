package io.rectify.notification.service;

import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A caller's data scope as a JPQL condition over an entity with {@code province}, {@code city},
 * {@code countyCode} and {@code enterpriseCreditCode}: the list-side twin of {@link Caller#canSee}, so a
 * list holds exactly the records a single read would show.
 *
 * @param clause a parenthesised condition using the alias given
 * @param params its named parameters
 */
public record ScopeFilter(String clause, Map<String, Object> params) {

    /** How an ENTERPRISE caller is matched: as the enterprise a record is about, or as its recipient. */
    public enum EnterpriseRule { ABOUT_ENTERPRISE, ADDRESSED_TO_ENTERPRISE }

    public static ScopeFilter of(Caller caller, String alias, EnterpriseRule enterpriseRule) {
        if (caller.seesEverything()) {
            return new ScopeFilter("(1 = 1)", Map.of());
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (caller.is(Roles.PROVINCE_REGULATOR) && caller.province() != null) {
            any.add(alias + ".province = :scopeProvince");
            params.put("scopeProvince", caller.province());
        }
        if (caller.is(Roles.CITY_REGULATOR) && caller.city() != null) {
            String cond = alias + ".city = :scopeCity";
            if (caller.province() != null) {
                cond = "(" + cond + " and " + alias + ".province = :scopeProvince)";
                params.put("scopeProvince", caller.province());
            }
            any.add(cond);
            params.put("scopeCity", caller.city());
        }
        if (caller.is(Roles.COUNTY_REGULATOR) && caller.county() != null) {
            any.add(alias + ".countyCode = :scopeCounty");
            params.put("scopeCounty", caller.county());
        }
        if (caller.is(Roles.EXPERT)) {
            List<String> all = new ArrayList<>();
            if (caller.province() != null) {
                all.add(alias + ".province = :scopeProvince");
                params.put("scopeProvince", caller.province());
            }
            if (caller.county() != null) {
                all.add(alias + ".countyCode = :scopeCounty");
                params.put("scopeCounty", caller.county());
            }
            any.add(all.isEmpty() ? "1 = 1" : "(" + String.join(" and ", all) + ")");
        }
        if (caller.is(Roles.ENTERPRISE) && caller.creditCode() != null) {
            any.add(enterpriseRule == EnterpriseRule.ABOUT_ENTERPRISE
                    ? alias + ".enterpriseCreditCode = :scopeCreditCode"
                    : "(" + alias + ".level = :scopeEnterpriseLevel and "
                    + alias + ".recipientRef = :scopeCreditCode)");
            params.put("scopeCreditCode", caller.creditCode());
            if (enterpriseRule == EnterpriseRule.ADDRESSED_TO_ENTERPRISE) {
                params.put("scopeEnterpriseLevel", io.rectify.notification.domain.RecipientLevel.ENTERPRISE);
            }
        }
        return new ScopeFilter(any.isEmpty() ? "(1 = 0)" : "(" + String.join(" or ", any) + ")", params);
    }
}
