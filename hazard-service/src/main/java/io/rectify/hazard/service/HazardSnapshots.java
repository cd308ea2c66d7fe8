package io.rectify.hazard.service;

import io.rectify.contracts.hazard.HazardSnapshot;
import io.rectify.hazard.domain.County;
import io.rectify.hazard.domain.Hazard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** The hazard as events carry it, with its county's city and province so consumers never call back. */
@ApplicationScoped
public class HazardSnapshots {

    @Inject
    CountyDirectory counties;

    public HazardSnapshot of(Hazard h, Instant at) {
        County county = counties.find(h.countyCode).orElse(null);
        return new HazardSnapshot(h.id, h.source.name(), h.findingId, h.inspectionId, h.enterpriseCreditCode, h.countyCode,
                county == null ? null : county.city, county == null ? null : county.province,
                h.keyTask, h.grade.name(), h.majorCriterion, h.description, h.status.name(), h.reportedAt, h.dueAt,
                h.overdueAt(at), h.supervisionLevel == null ? null : h.supervisionLevel.name(),
                h.rejections, h.extensions, h.reopenings, h.rectificationSubmittedAt, h.signedOffAt, h.version,
                h.evidenceWarnings == null ? null : io.rectify.hazard.domain.EvidenceWarning.split(h.evidenceWarnings), h.keyTaskVersion);
    }
}
