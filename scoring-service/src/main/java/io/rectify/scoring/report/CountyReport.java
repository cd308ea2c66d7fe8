package io.rectify.scoring.report;

import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.scoring.domain.DemonstrationGaps;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the printed county report shows, gathered in one read: the county's index with its explanation,
 * what it misses for demonstration status, its ranking, its index over time and its overdue major hazards.
 *
 * @param rank          competition rank among the period's counties, {@code null} without an index
 * @param rankedCounties counties of the period that have an index
 */
public record CountyReport(
        CountyIndexDocument index,
        String city,
        String province,
        BigDecimal minIndex,
        BigDecimal minCoverage,
        List<DemonstrationGaps.Gap> gaps,
        Integer rank,
        int rankedCounties,
        IndexChart chart,
        List<OverdueMajor> overdueMajors,
        long overdueMajorTotal,
        LocalDateTime generatedAt,
        LocalDateTime computedAt) {

    /** A major hazard past its due date in force and not rectified, from scoring's hazard facts. */
    public record OverdueMajor(UUID hazardId, String status, LocalDateTime dueAt, long daysOverdue) {
    }

    public static LocalDateTime local(Instant at, java.time.ZoneId zone) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone).withNano(0);
    }
}
