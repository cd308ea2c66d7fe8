package io.rectify.inspection.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * How well a campaign's expert teams fit its key tasks: per key task in focus, the inspections (not
 * cancelled) that focus on it, how many of them had an assigned expert with that specialty, and the
 * campaign's experts who have it.
 */
// the schema keeps the name it was published under (clients generate code from /q/openapi)
@Schema(name = "KeyTaskCoverage")
public record KeyTaskCoverageDocument(UUID campaignId, List<Row> keyTasks) {

    public record Row(String keyTask, int inspections, int covered, List<UUID> specialists) {
    }
}
