package io.rectify.inspection.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import io.rectify.inspection.domain.Grade;
import io.rectify.inspection.domain.InspectionStatus;

/**
 * What the expert team reports at the evening meeting (夜间工作会) of a county: the day's inspections
 * with their findings so far (withdrawn ones left out), counted by grade and by key task; the county's two
 * yardsticks (composite index and scoring-sheet score, as scoring-service last published them) and the
 * hazards whose rectification evidence carries fraud signals.
 *
 * @param yardsticks            null while scoring-service has published nothing for the county
 * @param rectificationWarnings hazards of the county (within the caller's scope) with evidence warnings raised by the end of the day
 */
public record NightlyDebrief(
        County county,
        LocalDate date,
        Instant generatedAt,
        Totals totals,
        Map<Grade, Long> findingsByGrade,
        List<KeyTaskCount> findingsByKeyTask,
        List<Visit> inspections,
        Yardsticks yardsticks,
        List<WarnedRectification> rectificationWarnings) {

    /** The composite index (null with a reason when no indicator applies) and the sheet score (null while none submitted). */
    public record Yardsticks(int period, String rubricVersion, BigDecimal index, String reason, boolean demonstrationEligible,
                             String sheetVersion, BigDecimal sheetScore, Instant sheetSubmittedAt, Instant computedAt) {
    }

    /** A hazard whose rectification evidence the verifying expert should look at twice. */
    public record WarnedRectification(UUID hazardId, String enterpriseCreditCode, String grade, String status, String description,
                                      List<String> warnings, Instant raisedAt) {
    }

    /** This debrief with the figures kept from the other services. */
    public NightlyDebrief withFigures(Yardsticks yardsticks, List<WarnedRectification> warnings) {
        return new NightlyDebrief(county, date, generatedAt, totals, findingsByGrade, findingsByKeyTask, inspections, yardsticks,
                List.copyOf(warnings));
    }

    public record County(String code, String name, String city, String province) {
    }

    public record Totals(long inspections, long scheduled, long inProgress, long completed, long cancelled,
                         long findings, long general, long major) {
    }

    public record KeyTaskCount(String keyTask, String nameZh, String nameEn, long general, long major, long total) {
    }

    public record Visit(UUID id, InspectionStatus status, String mode, String enterpriseCreditCode, String enterpriseName,
                        String parkName, List<String> experts, List<String> keyTasks, String summary, List<Item> findings) {
    }

    public record Item(UUID id, String keyTask, String keyTaskNameZh, String keyTaskNameEn, Grade grade, String majorCriterion,
                       String majorCriterionName, String description, String location, String recommendedMeasure,
                       int rectificationDays, int evidenceCount) {

        public boolean major() {
            return grade == Grade.MAJOR;
        }
    }

    /** Counts the visits' findings; pure, so the arithmetic is unit-tested without a database. */
    public static NightlyDebrief of(County county, LocalDate date, Instant generatedAt, List<Visit> visits,
                                    Function<String, String[]> keyTaskNames) {
        Map<InspectionStatus, Long> byStatus = new EnumMap<>(InspectionStatus.class);
        Map<Grade, Long> byGrade = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            byGrade.put(g, 0L);
        }
        Map<String, long[]> byTask = new TreeMap<>();
        for (Visit visit : visits) {
            byStatus.merge(visit.status(), 1L, Long::sum);
            for (Item item : visit.findings()) {
                byGrade.merge(item.grade(), 1L, Long::sum);
                long[] counts = byTask.computeIfAbsent(item.keyTask(), k -> new long[2]);
                counts[item.major() ? 1 : 0]++;
            }
        }
        List<KeyTaskCount> tasks = byTask.entrySet().stream()
                .map(e -> {
                    String[] names = keyTaskNames.apply(e.getKey());
                    long[] c = e.getValue();
                    return new KeyTaskCount(e.getKey(), names[0], names[1], c[0], c[1], c[0] + c[1]);
                })
                .sorted(Comparator.comparingLong(KeyTaskCount::total).reversed().thenComparing(KeyTaskCount::keyTask))
                .toList();
        long general = byGrade.get(Grade.GENERAL);
        long major = byGrade.get(Grade.MAJOR);
        Totals totals = new Totals(visits.size(),
                byStatus.getOrDefault(InspectionStatus.SCHEDULED, 0L),
                byStatus.getOrDefault(InspectionStatus.IN_PROGRESS, 0L),
                byStatus.getOrDefault(InspectionStatus.COMPLETED, 0L),
                byStatus.getOrDefault(InspectionStatus.CANCELLED, 0L),
                general + major, general, major);
        return new NightlyDebrief(county, date, generatedAt, totals, new LinkedHashMap<>(byGrade), tasks, List.copyOf(visits), null, List.of());
    }
}
