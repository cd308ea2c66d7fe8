package io.rectify.contracts.hazard;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The hazard as it stands after the event, so consumers never call back. {@code version} grows with
 * every change: a consumer keeps the highest version it has seen and ignores older snapshots.
 *
 * @param rectificationSubmittedAt when the latest rectification was submitted (the accepted one once verified)
 * @param city                     the county's city, for chasing and regulator scope
 * @param province                 the county's province
 * @param evidenceWarnings         fraud signals on the rectification evidence ({@code SAME_AS_FINDING_EVIDENCE},
 *                                 {@code USED_FOR_ANOTHER_HAZARD}, {@code CAPTURED_BEFORE_REPORT}); absent when none
 * @param keyTaskVersion           the version of the key task the finding was recorded under (hazards from
 *                                 inspections); absent for reports, which name a key task without a version
 */
public record HazardSnapshot(
        UUID id,
        String source,
        UUID findingId,
        UUID inspectionId,
        String enterpriseCreditCode,
        String countyCode,
        String city,
        String province,
        String keyTask,
        String grade,
        String majorCriterion,
        String description,
        String status,
        Instant reportedAt,
        Instant dueAt,
        boolean overdue,
        String supervisionLevel,
        int rejections,
        int extensions,
        int reopenings,
        Instant rectificationSubmittedAt,
        Instant signedOffAt,
        long version,
        List<String> evidenceWarnings,
        Integer keyTaskVersion) {

    @JsonCreator
    public HazardSnapshot {
    }

    /** A snapshot without the key task's version. */
    public HazardSnapshot(UUID id, String source, UUID findingId, UUID inspectionId, String enterpriseCreditCode, String countyCode,
                          String city, String province, String keyTask, String grade, String majorCriterion, String description,
                          String status, Instant reportedAt, Instant dueAt, boolean overdue, String supervisionLevel, int rejections,
                          int extensions, int reopenings, Instant rectificationSubmittedAt, Instant signedOffAt, long version,
                          List<String> evidenceWarnings) {
        this(id, source, findingId, inspectionId, enterpriseCreditCode, countyCode, city, province, keyTask, grade, majorCriterion,
                description, status, reportedAt, dueAt, overdue, supervisionLevel, rejections, extensions, reopenings,
                rectificationSubmittedAt, signedOffAt, version, evidenceWarnings, null);
    }

    /** A snapshot without evidence warnings. */
    public HazardSnapshot(UUID id, String source, UUID findingId, UUID inspectionId, String enterpriseCreditCode, String countyCode,
                          String city, String province, String keyTask, String grade, String majorCriterion, String description,
                          String status, Instant reportedAt, Instant dueAt, boolean overdue, String supervisionLevel, int rejections,
                          int extensions, int reopenings, Instant rectificationSubmittedAt, Instant signedOffAt, long version) {
        this(id, source, findingId, inspectionId, enterpriseCreditCode, countyCode, city, province, keyTask, grade, majorCriterion,
                description, status, reportedAt, dueAt, overdue, supervisionLevel, rejections, extensions, reopenings,
                rectificationSubmittedAt, signedOffAt, version, null, null);
    }
}
