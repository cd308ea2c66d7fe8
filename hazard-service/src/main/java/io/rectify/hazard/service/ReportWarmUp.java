package io.rectify.hazard.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.hazard.api.HazardDocument;
import io.rectify.hazard.api.ReportHazardRequest;
import io.rectify.hazard.domain.Hazard;
import io.rectify.platform.warmup.WarmUpRoutine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The report of a hazard, hazard-service's busiest path, for the start-up warm-up (platform WarmUp):
 * the body decoded, validated, checked against scope and registry, the hazard, its history entry and its
 * event written (then rolled back by the warm-up), the answer encoded. Needs one registered enterprise of
 * a known county; with none (a new database) there is nothing to warm.
 */
@ApplicationScoped
public class ReportWarmUp implements WarmUpRoutine {

    @Inject
    HazardService hazards;

    @Inject
    CountyDirectory counties;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /** The reports the rounds asked for, to tell the requests' reports apart in {@link HazardService#reportsChecked}. */
    private final AtomicLong ownReports = new AtomicLong();
    private volatile String enterprise;
    private volatile String county;

    @Override
    public String name() {
        return "hazard report";
    }

    @Override
    public boolean prepare() {
        List<?> rows = em.createNativeQuery("select credit_code, county_code from enterprise order by credit_code limit 1").getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        enterprise = (String) row[0];
        county = (String) row[1];
        return counties.find(county).isPresent();
    }

    @Override
    public void round(int round) throws Exception {
        String body = """
                {"enterpriseCreditCode":"%s","countyCode":"%s","keyTask":"THREE_ONES","grade":"GENERAL",
                 "description":"warm-up %d (rolled back)","location":"warm-up","rectificationDays":30,"source":"REGULATOR"}"""
                .formatted(enterprise, county, round);
        ReportHazardRequest request = json.readValue(body, ReportHazardRequest.class);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        ownReports.incrementAndGet();
        Hazard h = hazards.report(request);
        json.writeValueAsBytes(HazardDocument.of(h, counties.find(h.countyCode).orElse(null), Instant.now()));
    }

    /** Reports that requests made (through the batch writer or alone) since the start. */
    @Override
    public long served() {
        return hazards.reportsChecked() - ownReports.get();
    }
}
