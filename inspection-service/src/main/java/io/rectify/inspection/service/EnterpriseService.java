package io.rectify.inspection.service;

import io.rectify.contracts.CreditCode;
import io.rectify.contracts.Topics;
import io.rectify.inspection.api.EnterpriseDocument;
import io.rectify.inspection.api.EnterpriseRequest;
import io.rectify.inspection.domain.County;
import io.rectify.inspection.domain.Enterprise;
import io.rectify.platform.api.IfMatch;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;

/** Enterprises keyed by credit code; registration and changes are published ({@code EnterpriseRegistered}, latest wins). */
@ApplicationScoped
public class EnterpriseService {

    private static final Logger LOG = Logger.getLogger(EnterpriseService.class);

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    @Inject
    Pages pages;

    /**
     * @throws ProblemException 422 when the credit code is malformed or its check character is wrong
     *                          (the message says which character it should be)
     */
    public static void checkCreditCode(String creditCode) {
        CreditCode.problem(creditCode).ifPresent(problem -> {
            throw ProblemException.invalid("creditCode", "not a valid unified social credit code: " + problem);
        });
    }

    @Transactional
    public EnterpriseDocument register(EnterpriseRequest request) {
        if (request.creditCode() == null) {
            throw ProblemException.invalid("creditCode", "is required");
        }
        checkCreditCode(request.creditCode());
        County county = countyFor(request);
        if (Enterprise.findById(request.creditCode()) != null) {
            throw ProblemException.conflict("enterprise " + request.creditCode() + " is already registered; change it with PUT /api/v1/enterprises/" + request.creditCode());
        }
        Instant now = Instant.now();
        Enterprise enterprise = new Enterprise();
        enterprise.creditCode = request.creditCode();
        enterprise.createdAt = now;
        apply(enterprise, request, county, now);
        enterprise.persistAndFlush();
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.enterpriseRegistered(enterprise, now));
        LOG.infof("enterprise %s registered in county %s by %s", enterprise.creditCode, county.code, caller.subject());
        return EnterpriseDocument.of(enterprise);
    }

    @Transactional
    public EnterpriseDocument change(String creditCode, String ifMatch, EnterpriseRequest request) {
        Enterprise enterprise = access.visibleEnterprise(creditCode);
        access.requireRegulates(access.jurisdictionOf(enterprise.countyCode, null), "enterprise " + creditCode);
        IfMatch.check(ifMatch, enterprise.version);
        if (request.creditCode() != null && !request.creditCode().equals(creditCode)) {
            throw ProblemException.invalid("creditCode", "must be " + creditCode + " (the code in the path) or left out; a credit code cannot change");
        }
        County county = countyFor(request);
        Instant now = Instant.now();
        apply(enterprise, request, county, now);
        Enterprise.flush();
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.enterpriseRegistered(enterprise, now));
        LOG.infof("enterprise %s changed by %s (version %d)", creditCode, caller.subject(), enterprise.version);
        return EnterpriseDocument.of(enterprise);
    }

    @Transactional
    public EnterpriseDocument get(String creditCode) {
        return EnterpriseDocument.of(access.visibleEnterprise(creditCode));
    }

    @Transactional
    public PageResult<EnterpriseDocument> list(String countyCode, PageRequest page) {
        ScopeCondition scope = ScopeCondition.of(caller, "e.countyCode", "e.creditCode");
        var params = new HashMap<>(scope.params());
        String where = scope.jpql();
        if (countyCode != null && !countyCode.isBlank()) {
            where += " and e.countyCode = :county";
            params.put("county", countyCode);
        }
        return pages.find(Enterprise.class, "Enterprise e", "e", where, params, "e.creditCode", page).map(EnterpriseDocument::of);
    }

    /** The enterprise's county must exist and be one the caller regulates (an unseen one is "unknown": no leak). */
    private County countyFor(EnterpriseRequest request) {
        County county = County.findById(request.countyCode());
        if (county == null || !caller.canSee(county.jurisdiction())) {
            throw ProblemException.invalid("countyCode", "unknown county " + request.countyCode() + " (register the county first)");
        }
        access.requireRegulates(county.jurisdiction(), "county " + county.code);
        return county;
    }

    private static void apply(Enterprise enterprise, EnterpriseRequest request, County county, Instant now) {
        enterprise.name = request.name().trim();
        enterprise.countyCode = county.code;
        enterprise.parkName = request.parkName() == null || request.parkName().isBlank() ? null : request.parkName().trim();
        enterprise.fineChemical = Boolean.TRUE.equals(request.fineChemical());
        enterprise.majorHazardInstallationGrade = request.majorHazardInstallationGrade();
        enterprise.updatedAt = now;
    }
}
