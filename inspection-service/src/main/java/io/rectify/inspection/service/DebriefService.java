package io.rectify.inspection.service;

import io.rectify.inspection.config.InspectionConfig;
import io.rectify.inspection.domain.County;
import io.rectify.inspection.domain.CountyYardsticks;
import io.rectify.inspection.domain.Enterprise;
import io.rectify.inspection.domain.Expert;
import io.rectify.inspection.domain.Finding;
import io.rectify.inspection.domain.Inspection;
import io.rectify.inspection.domain.KeyTask;
import io.rectify.inspection.domain.KeyTaskVersion;
import io.rectify.inspection.domain.MajorHazardCriterion;
import io.rectify.inspection.domain.RectificationWarning;
import io.rectify.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Gathers a county's day for the nightly debrief; an enterprise caller sees only its own inspections. */
@ApplicationScoped
public class DebriefService {

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    InspectionConfig config;

    @Transactional
    public NightlyDebrief debrief(String countyCode, LocalDate date) {
        County county = access.visibleCounty(countyCode);
        ScopeCondition scope = ScopeCondition.of(caller, "i.countyCode", "i.enterpriseCreditCode");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("code", county.code);
        params.put("day", date);
        List<Inspection> day = Inspection.list("from Inspection i where i.countyCode = :code and i.scheduledOn = :day and "
                + scope.jpql() + " order by i.scheduledAt, i.id", params);
        List<UUID> ids = day.stream().map(i -> i.id).toList();
        Map<UUID, List<Finding>> findings = ids.isEmpty() ? Map.of()
                : Finding.<Finding>list("inspectionId in ?1 and withdrawnAt is null order by recordedAt, id", ids).stream()
                .collect(Collectors.groupingBy(f -> f.inspectionId));
        Map<String, Enterprise> enterprises = day.isEmpty() ? Map.of()
                : Enterprise.<Enterprise>list("creditCode in ?1", day.stream().map(i -> i.enterpriseCreditCode).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(e -> e.creditCode, e -> e));
        Set<UUID> expertIds = new HashSet<>();
        day.forEach(i -> expertIds.addAll(i.expertIds));
        Map<UUID, String> expertNames = expertIds.isEmpty() ? Map.of()
                : Expert.<Expert>list("id in ?1", expertIds).stream().collect(Collectors.toMap(e -> e.id, e -> e.name));
        Map<String, KeyTask> tasks = KeyTask.<KeyTask>listAll().stream().collect(Collectors.toMap(k -> k.code, k -> k));
        // a finding shows its key task as it was defined when the finding was recorded
        Map<KeyTaskVersion.Key, KeyTaskVersion> versions = KeyTaskVersion.<KeyTaskVersion>listAll().stream()
                .collect(Collectors.toMap(v -> new KeyTaskVersion.Key(v.code, v.version), v -> v));
        Map<String, MajorHazardCriterion> criteria = MajorHazardCriterion.<MajorHazardCriterion>listAll().stream()
                .collect(Collectors.toMap(c -> c.code, c -> c));

        List<NightlyDebrief.Visit> visits = day.stream().map(i -> {
            Enterprise e = enterprises.get(i.enterpriseCreditCode);
            List<NightlyDebrief.Item> items = findings.getOrDefault(i.id, List.of()).stream()
                    .map(f -> item(f, versions.get(new KeyTaskVersion.Key(f.keyTask, f.keyTaskVersion)),
                            f.majorCriterion == null ? null : criteria.get(f.majorCriterion)))
                    .toList();
            return new NightlyDebrief.Visit(i.id, i.status, i.mode.name(), i.enterpriseCreditCode, e == null ? null : e.name,
                    e == null ? null : e.parkName, i.expertIds.stream().map(id -> expertNames.getOrDefault(id, id.toString())).toList(),
                    List.copyOf(i.keyTasks), i.summary, items);
        }).toList();
        NightlyDebrief.County header = new NightlyDebrief.County(county.code, county.name, county.city, county.province);
        return NightlyDebrief.of(header, date, Instant.now(), visits, code -> {
            KeyTask t = tasks.get(code);
            return t == null ? new String[]{code, code} : new String[]{t.nameZh, t.nameEn};
        }).withFigures(yardsticks(county.code), warnings(county.code, date));
    }

    private static NightlyDebrief.Yardsticks yardsticks(String countyCode) {
        CountyYardsticks y = CountyYardsticks.findById(countyCode);
        return y == null ? null : new NightlyDebrief.Yardsticks(y.period, y.rubricVersion, y.index, y.reason, y.demonstrationEligible,
                y.sheetVersion, y.sheetScore, y.sheetSubmittedAt, y.computedAt);
    }

    /** The county's hazards with evidence warnings raised by the end of the day, within the caller's scope. */
    private List<NightlyDebrief.WarnedRectification> warnings(String countyCode, LocalDate date) {
        ScopeCondition scope = ScopeCondition.of(caller, "w.countyCode", "w.enterpriseCreditCode");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("code", countyCode);
        params.put("until", date.plusDays(1).atStartOfDay(config.debriefZone()).toInstant());
        return RectificationWarning.<RectificationWarning>list("from RectificationWarning w where w.countyCode = :code and w.raisedAt < :until and "
                        + scope.jpql() + " order by w.raisedAt, w.hazardId", params).stream()
                .map(w -> new NightlyDebrief.WarnedRectification(w.hazardId, w.enterpriseCreditCode, w.grade, w.status, w.description,
                        w.warningCodes(), w.raisedAt))
                .toList();
    }

    private static NightlyDebrief.Item item(Finding f, KeyTaskVersion task, MajorHazardCriterion criterion) {
        return new NightlyDebrief.Item(f.id, f.keyTask, task == null ? f.keyTask : task.nameZh, task == null ? f.keyTask : task.nameEn,
                f.grade, f.majorCriterion, criterion == null ? null : criterion.nameZh + " / " + criterion.nameEn,
                f.description, f.location, f.recommendedMeasure, f.rectificationDays, f.evidence.size());
    }
}
