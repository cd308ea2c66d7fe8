package io.rectify.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * The authenticated caller of this request: who, in which role, with which scope (claims
 * {@code province}, {@code city}, {@code county}, {@code creditCode}). Whether a record is inside the
 * caller's scope is decided by {@link Scope}, the one definition of it.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    @Inject
    Instance<ExpertAssignments> assignments;

    private Scope scope;
    /** The token's groups, read once: the JWT principal builds a new set from its claims at every call. */
    private Set<String> roles;

    public String subject() {
        String name = jwt.getName();
        return name != null ? name : jwt.getSubject();
    }

    public Set<String> roles() {
        if (roles == null) {
            Set<String> groups = jwt.getGroups();
            roles = groups == null ? Set.of() : Set.copyOf(groups);
        }
        return roles;
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
     * Whether a record in {@code where} is inside this caller's scope: {@link #scope()}'s single-resource
     * check (experts see the enterprises they are assigned to, plus the county of their token).
     */
    public boolean canSee(Jurisdiction where) {
        return scope().allows(where);
    }

    /** A regulator acting inside its scope (ADMIN counts as one everywhere). */
    public boolean regulates(Jurisdiction where) {
        return Scope.ofRegulator(roles(), province(), city(), county()).allows(where);
    }

    /** This caller's data scope, computed once per request; {@link Scope#where} gives its search filter. */
    public Scope scope() {
        if (scope == null) {
            scope = Scope.of(roles(), province(), city(), county(), creditCode(), assignedEnterprises());
        }
        return scope;
    }

    private Set<String> assignedEnterprises() {
        if (!is(Roles.EXPERT) || subject() == null || !assignments.isResolvable()) {
            return Set.of();
        }
        return assignments.get().enterprisesOf(subject());
    }

    private String claim(String name) {
        Object value = jwt.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }

}
