package io.rectify.inspection.service;

import io.rectify.contracts.Topics;
import io.rectify.contracts.inspection.ConflictDeclared;
import io.rectify.inspection.api.ConflictDocument;
import io.rectify.inspection.api.ConflictRequest;
import io.rectify.inspection.api.KeyTaskCoverageDocument;
import io.rectify.inspection.domain.Enterprise;
import io.rectify.inspection.domain.Expert;
import io.rectify.inspection.domain.ExpertConflict;
import io.rectify.inspection.domain.Inspection;
import io.rectify.inspection.domain.InspectionStatus;
import io.rectify.platform.outbox.Outbox;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import io.rectify.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The experts' rules beyond assignment: impartial (a declared conflict of interest with an enterprise keeps
 * the expert off it) and fit (the team's specialties cover the inspection's key tasks).
 */
@ApplicationScoped
public class ExpertFit {

    private static final Logger LOG = Logger.getLogger(ExpertFit.class);

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    /**
     * Records the declaration and publishes {@code ConflictDeclared} (hazard-service then refuses the expert's
     * verifications there). The expert declares for themself; an ADMIN or a PROVINCE_REGULATOR (who organises
     * the teams) may record it for them.
     */
    @Transactional
    public ConflictDocument declare(UUID expertId, ConflictRequest request) {
        Expert expert = Expert.findById(expertId);
        if (expert == null) {
            throw ProblemException.notFound("expert", expertId);
        }
        boolean self = caller.is(Roles.EXPERT) && expert.subject != null && expert.subject.equals(caller.subject());
        if (!self && !caller.is(Roles.ADMIN) && !caller.is(Roles.PROVINCE_REGULATOR)) {
            throw ProblemException.forbidden("an expert declares their own conflicts");
        }
        Enterprise enterprise = Enterprise.findById(request.creditCode().trim());
        if (enterprise == null) {
            throw ProblemException.invalid("creditCode", "unknown enterprise " + request.creditCode());
        }
        if (request.to() != null && request.to().isBefore(request.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        ExpertConflict c = new ExpertConflict();
        c.id = UUID.randomUUID();
        c.expertId = expert.id;
        c.creditCode = enterprise.creditCode;
        c.reason = request.reason().trim();
        c.validFrom = request.from();
        c.validTo = request.to();
        c.declaredBy = caller.subject();
        c.declaredAt = Instant.now();
        c.persistAndFlush();
        outbox.append(Topics.INSPECTION_EVENTS, new ConflictDeclared(c.id, expert.id, expert.subject, enterprise.creditCode,
                enterprise.countyCode, c.reason, c.validFrom, c.validTo, c.declaredBy, c.declaredAt));
        LOG.infof("expert %s declared a conflict with enterprise %s from %s to %s", expert.id, enterprise.creditCode, c.validFrom, c.validTo);
        return ConflictDocument.of(c);
    }

    @Transactional
    public List<ConflictDocument> conflicts(UUID expertId) {
        if (Expert.findById(expertId) == null) {
            throw ProblemException.notFound("expert", expertId);
        }
        return ExpertConflict.<ExpertConflict>list("expertId = ?1 order by validFrom, declaredAt", expertId).stream()
                .map(ConflictDocument::of).toList();
    }

    /** Scheduling an expert on an enterprise they declared a conflict with, for that day: 409. */
    public void requireImpartial(Collection<UUID> expertIds, String creditCode, LocalDate day) {
        List<ExpertConflict> conflicts = ExpertConflict.covering(expertIds, creditCode, day);
        if (!conflicts.isEmpty()) {
            String who = conflicts.stream().map(c -> c.expertId.toString()).distinct().collect(Collectors.joining(", "));
            throw ProblemException.conflict("expert(s) " + who + " declared a conflict of interest with enterprise " + creditCode
                    + " covering " + day + ": choose another expert");
        }
    }

    /**
     * The inspection's key tasks that no assigned expert has as a specialty (a specialty that is a key-task
     * code covers that task; free-text specialties cover none). {@code OTHER} needs no specialist.
     */
    public List<String> uncovered(Collection<UUID> expertIds, Collection<String> keyTasks) {
        Set<String> covered = new HashSet<>();
        if (!expertIds.isEmpty()) {
            Expert.<Expert>list("id in ?1", expertIds).forEach(e -> covered.addAll(e.specialties));
        }
        Set<String> gaps = new LinkedHashSet<>(keyTasks);
        gaps.removeAll(covered);
        gaps.remove("OTHER");
        return List.copyOf(gaps);
    }

    /** The campaign report of fit: coverage of its key tasks by the assigned experts' specialties. */
    @Transactional
    public KeyTaskCoverageDocument coverage(UUID campaignId) {
        List<Inspection> inspections = Inspection.list("campaignId = ?1 and status <> ?2", campaignId, InspectionStatus.CANCELLED);
        Set<UUID> expertIds = new LinkedHashSet<>();
        inspections.forEach(i -> expertIds.addAll(i.expertIds));
        Map<UUID, List<String>> specialties = new HashMap<>();
        if (!expertIds.isEmpty()) {
            Expert.<Expert>list("id in ?1", expertIds).forEach(e -> specialties.put(e.id, List.copyOf(e.specialties)));
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (Inspection i : inspections) {
            for (String task : i.keyTasks) {
                int[] c = counts.computeIfAbsent(task, k -> new int[2]);
                c[0]++;
                if (i.expertIds.stream().anyMatch(e -> specialties.getOrDefault(e, List.of()).contains(task))) {
                    c[1]++;
                }
            }
        }
        List<KeyTaskCoverageDocument.Row> rows = counts.entrySet().stream().map(e -> new KeyTaskCoverageDocument.Row(e.getKey(), e.getValue()[0], e.getValue()[1],
                specialties.entrySet().stream().filter(s -> s.getValue().contains(e.getKey())).map(Map.Entry::getKey).sorted().toList()))
                .toList();
        return new KeyTaskCoverageDocument(campaignId, rows);
    }
}
