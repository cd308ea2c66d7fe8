package io.rectify.hazard.api;

import io.rectify.hazard.domain.County;
import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.Hazard;
import io.rectify.hazard.domain.HazardSource;
import io.rectify.hazard.domain.HazardStatus;
import io.rectify.hazard.domain.SupervisionLevel;
import io.rectify.hazard.service.EvidenceJson;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A hazard as clients see it (contracts.md "A hazard document"). */
@Schema(name = "Hazard")
public record HazardDocument(
        UUID id,
        HazardSource source,
        UUID findingId,
        UUID inspectionId,
        String enterpriseCreditCode,
        String countyCode,
        String city,
        String province,
        String keyTask,
        @Schema(description = "the version of the key task the finding was recorded under (hazards from inspections); absent for reports")
        Integer keyTaskVersion,
        Grade grade,
        String majorCriterion,
        String description,
        String location,
        String recommendedMeasure,
        HazardStatus status,
        Instant reportedAt,
        Instant dueAt,
        @Schema(description = "past the due date while OPEN or RECTIFYING") boolean overdue,
        SupervisionLevel supervisionLevel,
        Plan plan,
        Rectification rectification,
        int rejections,
        int extensions,
        int reopenings,
        Instant verifiedAt,
        Instant signedOffAt,
        @Schema(description = "also the ETag") long version,
        @Schema(description = "fraud signals on the latest rectification's evidence, for the verifying expert "
                + "(SAME_AS_FINDING_EVIDENCE, USED_FOR_ANOTHER_HAZARD, CAPTURED_BEFORE_REPORT); not shown to the enterprise")
        List<String> evidenceWarnings) {

    /** The five assurances as submitted. */
    public record Plan(String responsiblePerson, String measures, BigDecimal fundingCny, LocalDate deadline,
                       String contingencyPlan, Instant submittedAt) {
    }

    /** The latest rectification as submitted. */
    public record Rectification(String description, List<EvidenceItem> evidence, Instant submittedAt) {
    }

    public static HazardDocument of(Hazard h, County county, Instant now) {
        return of(h, county, now, true);
    }

    public static HazardDocument of(Hazard h, County county, Instant now, boolean withWarnings) {
        Plan plan = h.hasPlan()
                ? new Plan(h.planResponsiblePerson, h.planMeasures, h.planFundingCny, h.planDeadline, h.planContingencyPlan, h.planSubmittedAt)
                : null;
        Rectification rectification = h.rectificationSubmittedAt != null
                ? new Rectification(h.rectificationDescription, EvidenceJson.read(h.rectificationEvidence), h.rectificationSubmittedAt)
                : null;
        return new HazardDocument(h.id, h.source, h.findingId, h.inspectionId, h.enterpriseCreditCode, h.countyCode,
                county == null ? null : county.city, county == null ? null : county.province,
                h.keyTask, h.keyTaskVersion, h.grade, h.majorCriterion, h.description, h.location, h.recommendedMeasure, h.status,
                h.reportedAt, h.dueAt, h.overdueAt(now), h.supervisionLevel, plan, rectification,
                h.rejections, h.extensions, h.reopenings, h.verifiedAt, h.signedOffAt, h.version,
                withWarnings ? io.rectify.hazard.domain.EvidenceWarning.split(h.evidenceWarnings) : null);
    }
}
