package io.rectify.hazard.service;

import java.util.Map;

/** A county's hazards counted by status, grade and key task, with the overdue ones (all and major). */
public record HazardSummary(String countyCode, String countyName, long total, Map<String, Long> byStatus,
                            Map<String, Long> byGrade, Map<String, Long> byKeyTask, long overdue, long overdueMajor) {
}
