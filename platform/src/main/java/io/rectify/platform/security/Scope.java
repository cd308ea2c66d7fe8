package io.rectify.platform.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one definition of data scope (domain.md "Roles and data scope"): the rows a caller may see, held
 * as data — a set of grants — from which both forms every service needs are derived, so they cannot
 * drift: {@link #allows} for a single resource and {@link #where} for a search filter in the query.
 * <p>
 * A row sitting at a {@link Jurisdiction} is visible when any grant matches it:
 * <ul>
 *   <li>ADMIN and AGENCY_SYSTEM: everything;</li>
 *   <li>PROVINCE_REGULATOR: rows in the {@code province} of its token;</li>
 *   <li>CITY_REGULATOR: rows in its {@code city} (and its {@code province}, when the token names one);</li>
 *   <li>COUNTY_REGULATOR: rows in its {@code county};</li>
 *   <li>EXPERT: rows of the enterprises having an inspection the expert is assigned to (the service
 *       says which, {@link ExpertAssignments}), plus rows in the {@code county} of its token when set.
 *       A {@code province} claim grants an expert nothing: experts work by assignment;</li>
 *   <li>ENTERPRISE: rows of its own {@code creditCode}.</li>
 * </ul>
 * A token holding several roles sees the union. A grant whose claim is missing grants nothing; a row
 * whose province, city, county or enterprise is unknown (null) matches no grant on that field.
 */
public final class Scope {

    /** A city grant; {@code province} null matches the city in any province. */
    public record CityGrant(String city, String province) {
    }

    /**
     * The query expressions (JPQL or SQL) of a row's place. {@code creditCode} is null for rows that
     * belong to no enterprise (counties, campaigns): enterprise grants never match them.
     */
    public record Columns(String province, String city, String countyCode, String creditCode) {
    }

    /**
     * A search filter: a parenthesised boolean expression to AND into a where clause, and its named
     * parameters (all prefixed {@code scope}).
     */
    public record Condition(String expression, Map<String, Object> parameters) {
    }

    private static final Scope EVERYTHING = new Scope(true, Set.of(), Set.of(), Set.of(), Set.of());

    private final boolean everything;
    private final Set<String> provinces;
    private final Set<CityGrant> cities;
    private final Set<String> counties;
    private final Set<String> enterprises;

    private Scope(boolean everything, Set<String> provinces, Set<CityGrant> cities, Set<String> counties, Set<String> enterprises) {
        this.everything = everything;
        this.provinces = Set.copyOf(provinces);
        this.cities = Set.copyOf(cities);
        this.counties = Set.copyOf(counties);
        this.enterprises = Set.copyOf(enterprises);
    }

    /**
     * The scope of a token with these roles and claims.
     *
     * @param assignedEnterprises the credit codes of the enterprises whose inspections the caller is
     *                            assigned to as an expert (empty when the service does not know)
     */
    public static Scope of(Set<String> roles, String province, String city, String county, String creditCode,
                           Set<String> assignedEnterprises) {
        if (roles.contains(Roles.ADMIN) || roles.contains(Roles.AGENCY_SYSTEM)) {
            return EVERYTHING;
        }
        Builder b = regulatorGrants(roles, province, city, county);
        if (roles.contains(Roles.EXPERT)) {
            if (county != null) {
                b.counties.add(county);
            }
            b.enterprises.addAll(assignedEnterprises);
        }
        if (roles.contains(Roles.ENTERPRISE) && creditCode != null) {
            b.enterprises.add(creditCode);
        }
        return b.build();
    }

    /** Where a token may act as a regulator (ADMIN everywhere): the regulator grants of {@link #of} only. */
    public static Scope ofRegulator(Set<String> roles, String province, String city, String county) {
        if (roles.contains(Roles.ADMIN)) {
            return EVERYTHING;
        }
        return regulatorGrants(roles, province, city, county).build();
    }

    private static Builder regulatorGrants(Set<String> roles, String province, String city, String county) {
        Builder b = new Builder();
        if (roles.contains(Roles.PROVINCE_REGULATOR) && province != null) {
            b.provinces.add(province);
        }
        if (roles.contains(Roles.CITY_REGULATOR) && city != null) {
            b.cities.add(new CityGrant(city, province));
        }
        if (roles.contains(Roles.COUNTY_REGULATOR) && county != null) {
            b.counties.add(county);
        }
        return b;
    }

    public boolean everything() {
        return everything;
    }

    /** Whether this scope grants nothing at all. */
    public boolean nothing() {
        return !everything && provinces.isEmpty() && cities.isEmpty() && counties.isEmpty() && enterprises.isEmpty();
    }

    /** The single-resource check: whether a row at {@code where} is visible. */
    public boolean allows(Jurisdiction where) {
        if (everything) {
            return true;
        }
        if (where.province() != null && provinces.contains(where.province())) {
            return true;
        }
        for (CityGrant c : cities) {
            if (c.city().equals(where.city()) && (c.province() == null || c.province().equals(where.province()))) {
                return true;
            }
        }
        if (where.countyCode() != null && counties.contains(where.countyCode())) {
            return true;
        }
        return where.creditCode() != null && enterprises.contains(where.creditCode());
    }

    /** The search filter: holds for a row exactly when {@link #allows} holds for the row's jurisdiction. */
    public Condition where(Columns columns) {
        if (everything) {
            return new Condition("(1 = 1)", Map.of());
        }
        List<String> anyOf = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (!provinces.isEmpty()) {
            anyOf.add(columns.province() + " in :scopeProvinces");
            p.put("scopeProvinces", List.copyOf(provinces));
        }
        int i = 0;
        for (CityGrant c : cities) {
            String city = "scopeCity" + i;
            if (c.province() == null) {
                anyOf.add(columns.city() + " = :" + city);
            } else {
                anyOf.add("(" + columns.city() + " = :" + city + " and " + columns.province() + " = :" + city + "Province)");
                p.put(city + "Province", c.province());
            }
            p.put(city, c.city());
            i++;
        }
        if (!counties.isEmpty()) {
            anyOf.add(columns.countyCode() + " in :scopeCounties");
            p.put("scopeCounties", List.copyOf(counties));
        }
        if (!enterprises.isEmpty() && columns.creditCode() != null) {
            anyOf.add(columns.creditCode() + " in :scopeEnterprises");
            p.put("scopeEnterprises", List.copyOf(enterprises));
        }
        if (anyOf.isEmpty()) {
            return new Condition("(1 = 0)", Map.of());
        }
        return new Condition("(" + String.join(" or ", anyOf) + ")", p);
    }

    @Override
    public String toString() {
        return everything ? "Scope[everything]"
                : "Scope[provinces=" + provinces + ", cities=" + cities + ", counties=" + counties + ", enterprises=" + enterprises + "]";
    }

    private static final class Builder {
        final Set<String> provinces = new LinkedHashSet<>();
        final Set<CityGrant> cities = new LinkedHashSet<>();
        final Set<String> counties = new LinkedHashSet<>();
        final Set<String> enterprises = new LinkedHashSet<>();

        Scope build() {
            return new Scope(false, provinces, cities, counties, enterprises);
        }
    }
}
