package io.rectify.inspection.service;

import io.rectify.contracts.Topics;
import io.rectify.inspection.api.CountyDocument;
import io.rectify.inspection.api.CountyRequest;
import io.rectify.inspection.domain.County;
import io.rectify.platform.api.IfMatch;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;

/** Key counties: registration and changes are published ({@code CountyRegistered}, latest wins) for scoring's denominators. */
@ApplicationScoped
public class CountyService {

    private static final Logger LOG = Logger.getLogger(CountyService.class);

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    @Inject
    Pages pages;

    @Transactional
    public CountyDocument register(CountyRequest request) {
        if (request.code() == null) {
            throw ProblemException.invalid("code", "is required");
        }
        access.requireRegulates(Jurisdiction.ofCounty(request.province(), request.city(), request.code()), "county " + request.code());
        if (County.findById(request.code()) != null) {
            throw ProblemException.conflict("county " + request.code() + " is already registered; change it with PUT /api/v1/counties/" + request.code());
        }
        Instant now = Instant.now();
        County county = new County();
        county.code = request.code();
        county.createdAt = now;
        apply(county, request, now);
        county.persistAndFlush();
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.countyRegistered(county, now));
        LOG.infof("county %s registered by %s", county.code, caller.subject());
        return CountyDocument.of(county);
    }

    @Transactional
    public CountyDocument change(String code, String ifMatch, CountyRequest request) {
        County county = access.visibleCounty(code);
        access.requireRegulates(county.jurisdiction(), "county " + code);
        IfMatch.check(ifMatch, county.version);
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.invalid("code", "must be " + code + " (the code in the path) or left out; a county's code cannot change");
        }
        // a regulator must not be able to move a county out of its own area
        access.requireRegulates(Jurisdiction.ofCounty(request.province(), request.city(), code), "the changed county " + code);
        Instant now = Instant.now();
        apply(county, request, now);
        County.flush();
        outbox.append(Topics.INSPECTION_EVENTS, InspectionEvents.countyRegistered(county, now));
        LOG.infof("county %s changed by %s (version %d)", code, caller.subject(), county.version);
        return CountyDocument.of(county);
    }

    @Transactional
    public CountyDocument get(String code) {
        return CountyDocument.of(access.visibleCounty(code));
    }

    @Transactional
    public PageResult<CountyDocument> list(String province, PageRequest page) {
        ScopeCondition scope = ScopeCondition.of(caller, "c.code", null);
        var params = new HashMap<>(scope.params());
        String where = scope.jpql();
        if (province != null && !province.isBlank()) {
            where += " and c.province = :province";
            params.put("province", province);
        }
        return pages.find(County.class, "County c", "c", where, params, "c.code", page).map(CountyDocument::of);
    }

    private static void apply(County county, CountyRequest request, Instant now) {
        county.name = request.name().trim();
        county.city = request.city().trim();
        county.province = request.province().trim();
        county.tier = request.tier();
        county.status = request.status();
        county.updatedAt = now;
    }
}
