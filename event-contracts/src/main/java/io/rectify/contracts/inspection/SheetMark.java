package io.rectify.contracts.inspection;

import java.util.List;
import java.util.UUID;

/**
 * The expert team's mark on one item of a scoring sheet.
 *
 * @param level           for items judged by level: {@code MET}, {@code PARTLY} or {@code NOT_MET}
 * @param count           for items judged by a count against a target: the count found (≥ 0)
 * @param findingIds      findings that show it (inspection-service's own)
 * @param hazardIds       hazards that show it (hazard-service's)
 * @param evidenceFileIds evidence files that show it
 */
public record SheetMark(String itemId, String level, Integer count, List<UUID> findingIds, List<UUID> hazardIds,
                        List<UUID> evidenceFileIds, String note) {

    public boolean citesEvidence() {
        return !(empty(findingIds) && empty(hazardIds) && empty(evidenceFileIds));
    }

    private static boolean empty(List<UUID> ids) {
        return ids == null || ids.isEmpty();
    }
}
