package io.rectify.hazard.service;

import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardAction;
import io.rectify.hazard.domain.HazardSource;
import io.rectify.hazard.domain.SupervisionLevel;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Jurisdiction;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may do what to which hazard (domain.md "Roles and data scope"), beyond the role check of
 * {@code @RolesAllowed}: out of scope is a 404 (no existence leak), in scope but not allowed a 403.
 */
@ApplicationScoped
public class HazardPermissions {

    @Inject
    Caller caller;

    @Inject
    CountyDirectory counties;

    /** The hazard's jurisdiction, or a 404 when the caller may not see it. */
    public Jurisdiction requireVisible(Hazard hazard) {
        Jurisdiction where = counties.jurisdictionOf(hazard);
        if (!caller.canSee(where)) {
            throw ProblemException.notFound("hazard", hazard.id);
        }
        return where;
    }

    /** A caller who sees the hazard may still not be allowed this action on it: 403. */
    public void requireMayAct(Hazard hazard, Jurisdiction where, HazardAction action) {
        boolean regulator = caller.regulates(where);
        boolean allowed = switch (action) {
            case PLAN -> regulator || owns(hazard);
            case SUBMIT_RECTIFICATION -> caller.is(Roles.ADMIN) || owns(hazard);
            case VERIFY_ACCEPT, VERIFY_REJECT -> regulator || (caller.is(Roles.EXPERT) && caller.canSee(where));
            case SIGN_OFF -> (regulator && ofSupervisingLevel(hazard)) || (hazard.grade == Grade.GENERAL && owns(hazard));
            case EXTEND_DEADLINE, REOPEN -> regulator;
        };
        if (!allowed) {
            throw ProblemException.forbidden(refusal(hazard, action));
        }
    }

    /**
     * Who may report what: an enterprise its own self-check hazards, a regulator hazards in its
     * jurisdiction, agency systems and admins either kind. Hazards of inspections come from findings only.
     */
    public void requireMayReport(String creditCode, HazardSource source, Jurisdiction county) {
        if (source == HazardSource.EXPERT_INSPECTION) {
            throw ProblemException.invalid("source", "EXPERT_INSPECTION hazards are created from confirmed inspection findings");
        }
        if (caller.is(Roles.ADMIN) || caller.is(Roles.AGENCY_SYSTEM)) {
            return;
        }
        if (caller.isRegulator()) {
            if (source != HazardSource.REGULATOR) {
                throw ProblemException.invalid("source", "a regulator reports hazards with source REGULATOR");
            }
            if (!caller.regulates(county)) {
                throw ProblemException.forbidden("county " + county.countyCode() + " is outside your jurisdiction");
            }
            return;
        }
        if (caller.is(Roles.ENTERPRISE)) {
            if (source != HazardSource.SELF_CHECK) {
                throw ProblemException.invalid("source", "an enterprise reports hazards with source SELF_CHECK");
            }
            if (!creditCode.equals(caller.creditCode())) {
                throw ProblemException.forbidden("an enterprise reports only its own hazards");
            }
            return;
        }
        throw ProblemException.forbidden("your role may not report hazards");
    }

    /** Past due dates are for backfilling records from other agency systems, not for fresh reports. */
    public boolean mayBackdate() {
        return caller.is(Roles.ADMIN) || caller.is(Roles.AGENCY_SYSTEM);
    }

    /**
     * A major hazard whose supervision rose with its chase is signed off at that level or above: a county
     * regulator may not close what the city supervises (挂牌督办). An ADMIN may.
     */
    private boolean ofSupervisingLevel(Hazard hazard) {
        if (hazard.grade != Grade.MAJOR || hazard.supervisionLevel == null || caller.is(Roles.ADMIN)) {
            return true;
        }
        SupervisionLevel own = caller.is(Roles.PROVINCE_REGULATOR) ? SupervisionLevel.PROVINCE
                : caller.is(Roles.CITY_REGULATOR) ? SupervisionLevel.CITY
                : caller.is(Roles.COUNTY_REGULATOR) ? SupervisionLevel.COUNTY : null;
        return own != null && own.compareTo(hazard.supervisionLevel) >= 0;
    }

    private boolean owns(Hazard hazard) {
        return caller.is(Roles.ENTERPRISE) && hazard.enterpriseCreditCode.equals(caller.creditCode());
    }

    private static String refusal(Hazard hazard, HazardAction action) {
        return switch (action) {
            case PLAN -> "only the enterprise or a regulator in scope may submit the plan";
            case SUBMIT_RECTIFICATION -> "only the enterprise may submit its rectification";
            case VERIFY_ACCEPT, VERIFY_REJECT -> "only an expert or a regulator in scope may verify";
            case SIGN_OFF -> hazard.grade == Grade.MAJOR
                    ? (hazard.supervisionLevel != null && hazard.supervisionLevel != SupervisionLevel.COUNTY
                        ? "hazard " + hazard.id + " is under listed supervision at " + hazard.supervisionLevel
                            + " level (raised with its chase): only a regulator of that level or above, in scope, may sign it off"
                        : "only a regulator in scope may sign off a major hazard")
                    : "only the enterprise or a regulator in scope may sign off";
            case EXTEND_DEADLINE -> "only a regulator in scope may extend the deadline";
            case REOPEN -> "only a regulator in scope may reopen a hazard";
        };
    }
}
