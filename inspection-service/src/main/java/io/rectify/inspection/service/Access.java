package io.rectify.inspection.service;

import io.rectify.inspection.domain.County;
import io.rectify.inspection.domain.Enterprise;
import io.rectify.inspection.domain.Expert;
import io.rectify.inspection.domain.Inspection;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Jurisdiction;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/**
 * Who may see and do what, on top of the roles checked by {@code @RolesAllowed}: single resources
 * outside the caller's scope are 404 (no existence leak); acting without the right (a regulator
 * outside its area, an expert not assigned) is 403.
 */
@ApplicationScoped
public class Access {

    @Inject
    Caller caller;

    public County visibleCounty(String code) {
        County county = code == null ? null : County.findById(code);
        if (county == null || !caller.canSee(county.jurisdiction())) {
            throw ProblemException.notFound("county", code);
        }
        return county;
    }

    public Enterprise visibleEnterprise(String creditCode) {
        Enterprise enterprise = creditCode == null ? null : Enterprise.findById(creditCode);
        if (enterprise == null || !caller.canSee(jurisdictionOf(enterprise.countyCode, enterprise.creditCode))) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        return enterprise;
    }

    /**
     * The inspection if the caller may see it.
     *
     * @param lock {@code PESSIMISTIC_WRITE} for a change: concurrent changes of one inspection queue up,
     *             so e.g. a second "complete" sees the first one's result and is refused with 409
     */
    public Inspection visibleInspection(UUID id, LockModeType lock) {
        Inspection inspection = Inspection.findById(id, lock);
        if (inspection == null || !caller.canSee(jurisdictionOf(inspection.countyCode, inspection.enterpriseCreditCode))) {
            throw ProblemException.notFound("inspection", id);
        }
        return inspection;
    }

    public Jurisdiction jurisdictionOf(String countyCode, String creditCode) {
        County county = County.findById(countyCode);
        Jurisdiction where = county == null ? new Jurisdiction(null, null, countyCode, null) : county.jurisdiction();
        return creditCode == null ? where : where.ofEnterprise(creditCode);
    }

    /** Writes to counties and enterprises: an ADMIN, or a regulator inside its own area. */
    public void requireRegulates(Jurisdiction where, String what) {
        if (!caller.regulates(where)) {
            throw ProblemException.forbidden(what + " is outside your scope");
        }
    }

    /** Whether the caller is one of the experts assigned to the inspection. */
    public boolean assigned(Inspection inspection) {
        if (!caller.is(Roles.EXPERT) || caller.subject() == null || inspection.expertIds.isEmpty()) {
            return false;
        }
        return Expert.count("id in ?1 and subject = ?2", inspection.expertIds, caller.subject()) > 0;
    }

    /** Running an inspection (start, findings, consents, complete): an ADMIN or an assigned expert. */
    public void requireRunner(Inspection inspection) {
        if (!caller.is(Roles.ADMIN) && !assigned(inspection)) {
            throw ProblemException.forbidden("only the experts assigned to inspection " + inspection.id + " may run it");
        }
    }

    /** Cancelling: an ADMIN, a regulator of the area, or an assigned expert. */
    public void requireCanceller(Inspection inspection) {
        if (!caller.regulates(jurisdictionOf(inspection.countyCode, null)) && !assigned(inspection)) {
            throw ProblemException.forbidden("only an assigned expert or a regulator of county " + inspection.countyCode
                    + " may cancel inspection " + inspection.id);
        }
    }
}
