package io.rectify.hazard.service;

import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Caller#canSee} as a JPQL condition over {@code Hazard h left join County c}, so searches filter
 * by scope in the database (before paging and counting) instead of after.
 */
public record HazardScope(String condition, Map<String, Object> parameters) {

    public static HazardScope of(Caller caller) {
        if (caller.seesEverything()) {
            return new HazardScope("1 = 1", Map.of());
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (caller.is(Roles.PROVINCE_REGULATOR) && caller.province() != null) {
            any.add("c.province = :scopeProvince");
            p.put("scopeProvince", caller.province());
        }
        if (caller.is(Roles.CITY_REGULATOR) && caller.city() != null) {
            p.put("scopeCity", caller.city());
            if (caller.province() != null) {
                p.put("scopeProvince", caller.province());
                any.add("(c.city = :scopeCity and c.province = :scopeProvince)");
            } else {
                any.add("c.city = :scopeCity");
            }
        }
        if (caller.is(Roles.COUNTY_REGULATOR) && caller.county() != null) {
            any.add("h.countyCode = :scopeCounty");
            p.put("scopeCounty", caller.county());
        }
        if (caller.is(Roles.EXPERT)) {
            // experts are bounded only by the scope claims their token carries
            List<String> all = new ArrayList<>();
            if (caller.province() != null) {
                all.add("c.province = :scopeProvince");
                p.put("scopeProvince", caller.province());
            }
            if (caller.county() != null) {
                all.add("h.countyCode = :scopeCounty");
                p.put("scopeCounty", caller.county());
            }
            any.add(all.isEmpty() ? "1 = 1" : "(" + String.join(" and ", all) + ")");
        }
        if (caller.is(Roles.ENTERPRISE) && caller.creditCode() != null) {
            any.add("h.enterpriseCreditCode = :scopeCreditCode");
            p.put("scopeCreditCode", caller.creditCode());
        }
        if (any.isEmpty()) {
            return new HazardScope("1 = 0", Map.of());
        }
        return new HazardScope("(" + String.join(" or ", any) + ")", p);
    }
}
