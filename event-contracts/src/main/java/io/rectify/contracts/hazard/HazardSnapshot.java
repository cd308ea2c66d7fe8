package io.rectify.contracts.hazard;

import java.time.Instant;
import java.util.UUID;

/**
 * The hazard as it stands after the event, so consumers never call back. {@code version} grows with
 * every change: a consumer keeps the highest version it has seen and ignores older snapshots.
 *
 * @param rectificationSubmittedAt when the latest rectification was submitted (the accepted one once verified)
 * @param city                     the county's city, for chasing and regulator scope
 * @param province                 the county's province
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
        long version) {
}
