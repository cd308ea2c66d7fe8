package io.rectify.inspection.service;

import io.rectify.inspection.api.CampaignDocument;
import io.rectify.inspection.api.CampaignRequest;
import io.rectify.inspection.domain.Campaign;
import io.rectify.inspection.domain.County;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** Campaigns: the year's guidance programme over a set of key counties. */
@ApplicationScoped
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Pages pages;

    @Transactional
    public CampaignDocument create(CampaignRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.endsOn().isBefore(request.startsOn())) {
            errors.add(new Problem.FieldError("endsOn", "must not be before startsOn"));
        }
        if (request.startsOn().getYear() != request.year()) {
            errors.add(new Problem.FieldError("startsOn", "must fall in the campaign year " + request.year()));
        }
        TreeSet<String> counties = new TreeSet<>(request.countyCodes());
        List<County> found = new ArrayList<>();
        for (String code : counties) {
            County county = County.findById(code);
            if (county == null || !caller.canSee(county.jurisdiction())) {
                errors.add(new Problem.FieldError("countyCodes", "unknown county " + code));
            } else {
                found.add(county);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        found.forEach(county -> access.requireRegulates(county.jurisdiction(), "county " + county.code));
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.name = request.name().trim();
        campaign.year = request.year();
        campaign.startsOn = request.startsOn();
        campaign.endsOn = request.endsOn();
        campaign.countyCodes.addAll(counties);
        campaign.createdBy = caller.subject();
        campaign.createdAt = Instant.now();
        campaign.persist();
        LOG.infof("campaign %s (%d, %d counties) created by %s", campaign.id, campaign.year, counties.size(), caller.subject());
        return CampaignDocument.of(campaign);
    }

    @Transactional
    public CampaignDocument get(UUID id) {
        Campaign campaign = Campaign.findById(id);
        if (campaign == null || !visible(campaign)) {
            throw ProblemException.notFound("campaign", id);
        }
        return CampaignDocument.of(campaign);
    }

    @Transactional
    public PageResult<CampaignDocument> list(Integer year, PageRequest page) {
        ScopeCondition scope = ScopeCondition.of(caller, "cc", null);
        var params = new HashMap<>(scope.params());
        String where = "exists (select 1 from Campaign c2 join c2.countyCodes cc where c2.id = c.id and " + scope.jpql() + ")";
        if (year != null) {
            where += " and c.year = :year";
            params.put("year", year);
        }
        return pages.find(Campaign.class, "Campaign c", "c", where, params, "c.startsOn desc, c.id", page).map(CampaignDocument::of);
    }

    /** A campaign is visible to whoever sees at least one of its counties. */
    private boolean visible(Campaign campaign) {
        return campaign.countyCodes.stream()
                .map(code -> access.jurisdictionOf(code, null))
                .anyMatch(caller::canSee);
    }
}
