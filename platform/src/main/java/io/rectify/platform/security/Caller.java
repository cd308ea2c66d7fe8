package io.rectify.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * The authenticated caller of this request: who, in which role, with which scope (claims
 * {@code province}, {@code city}, {@code county}, {@code creditCode}). The one place that decides
 * whether a record is inside the caller's scope.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public String subject() {
        String name = jwt.getName();
        return name != null ? name : jwt.getSubject();
    }

    public Set<String> roles() {
        return jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    /** The role this caller acts in, for audit trails: the most powerful one it holds. */
    public String actingRole() {
        for (String role : Roles.ALL) {
            if (is(role)) {
                return role;
            }
        }
        return "UNKNOWN";
    }

    public String province() {
        return claim("province");
    }

    public String city() {
        return claim("city");
    }

    public String county() {
        return claim("county");
    }

    public String creditCode() {
        return claim("creditCode");
    }

    /** ADMIN and AGENCY_SYSTEM read everything. */
    public boolean seesEverything() {
        return is(Roles.ADMIN) || is(Roles.AGENCY_SYSTEM);
    }

    public boolean isRegulator() {
        return is(Roles.PROVINCE_REGULATOR) || is(Roles.CITY_REGULATOR) || is(Roles.COUNTY_REGULATOR);
    }

    /**
     * Whether a record in {@code where} is inside this caller's scope. Experts are scoped by whichever
     * scope claims their token carries (none: everywhere); the assignment checks are the service's.
     */
    public boolean canSee(Jurisdiction where) {
        if (seesEverything()) {
            return true;
        }
        if (is(Roles.PROVINCE_REGULATOR) && matches(province(), where.province())) {
            return true;
        }
        if (is(Roles.CITY_REGULATOR) && matches(city(), where.city()) && matchesIfSet(province(), where.province())) {
            return true;
        }
        if (is(Roles.COUNTY_REGULATOR) && matches(county(), where.countyCode())) {
            return true;
        }
        if (is(Roles.EXPERT) && matchesIfSet(province(), where.province()) && matchesIfSet(county(), where.countyCode())) {
            return true;
        }
        return is(Roles.ENTERPRISE) && where.creditCode() != null && matches(creditCode(), where.creditCode());
    }

    /** A regulator acting inside its scope (ADMIN counts as one everywhere). */
    public boolean regulates(Jurisdiction where) {
        return is(Roles.ADMIN) || (isRegulator() && canSeeAsRegulator(where));
    }

    private boolean canSeeAsRegulator(Jurisdiction where) {
        return (is(Roles.PROVINCE_REGULATOR) && matches(province(), where.province()))
                || (is(Roles.CITY_REGULATOR) && matches(city(), where.city()))
                || (is(Roles.COUNTY_REGULATOR) && matches(county(), where.countyCode()));
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }

    private static boolean matches(String mine, String theirs) {
        return mine != null && mine.equals(theirs);
    }

    private static boolean matchesIfSet(String mine, String theirs) {
        return mine == null || mine.equals(theirs);
    }
}
