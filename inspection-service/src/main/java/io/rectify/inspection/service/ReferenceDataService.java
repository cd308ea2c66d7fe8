package io.rectify.inspection.service;

import io.rectify.inspection.api.CriterionDocument;
import io.rectify.inspection.api.KeyTaskDocument;
import io.rectify.inspection.api.KeyTaskRequest;
import io.rectify.inspection.api.KeyTaskRevision;
import io.rectify.inspection.domain.KeyTask;
import io.rectify.inspection.domain.KeyTaskVersion;
import io.rectify.inspection.domain.MajorHazardCriterion;
import io.rectify.platform.api.PageRequest;
import io.rectify.platform.api.PageResult;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;

/** Key tasks (seeded, extendable by an ADMIN) and the 20 major-hazard criteria (seeded, fixed). */
@ApplicationScoped
public class ReferenceDataService {

    private static final Logger LOG = Logger.getLogger(ReferenceDataService.class);

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Transactional
    public PageResult<KeyTaskDocument> keyTasks(PageRequest page) {
        return pages.find(KeyTask.class, "KeyTask k", "k", "1 = 1", Map.of(), "k.createdAt, k.code", page).map(KeyTaskDocument::of);
    }

    @Transactional
    public KeyTaskDocument addKeyTask(KeyTaskRequest request) {
        if (KeyTask.findById(request.code()) != null) {
            throw ProblemException.conflict("key task " + request.code() + " already exists");
        }
        KeyTask task = new KeyTask();
        task.code = request.code();
        task.nameZh = request.nameZh().trim();
        task.nameEn = request.nameEn().trim();
        task.description = request.description();
        task.createdAt = Instant.now();
        task.persist();
        KeyTaskVersion.of(task, caller.subject()).persist();
        LOG.infof("key task %s added by %s", task.code, caller.subject());
        return KeyTaskDocument.of(task);
    }

    /**
     * A change of a key task's names or description: a new version (the earlier ones are kept, and the
     * findings recorded under them keep pointing at them). The code never changes.
     */
    @Transactional
    public KeyTaskDocument reviseKeyTask(String code, KeyTaskRevision revision) {
        KeyTask task = KeyTask.findById(code, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            throw ProblemException.notFound("key task", code);
        }
        task.nameZh = revision.nameZh().trim();
        task.nameEn = revision.nameEn().trim();
        task.description = revision.description();
        task.version++;
        KeyTaskVersion.of(task, caller.subject()).persist();
        LOG.infof("key task %s revised to version %d by %s", task.code, task.version, caller.subject());
        return KeyTaskDocument.of(task);
    }

    /** Every version of the key task, oldest first. */
    @Transactional
    public java.util.List<KeyTaskDocument> keyTaskVersions(String code) {
        if (KeyTask.findById(code) == null) {
            throw ProblemException.notFound("key task", code);
        }
        return KeyTaskVersion.history(code).stream().map(KeyTaskDocument::of).toList();
    }

    @Transactional
    public PageResult<CriterionDocument> criteria(PageRequest page) {
        return pages.find(MajorHazardCriterion.class, "MajorHazardCriterion m", "m", "1 = 1", Map.of(), "m.code", page)
                .map(CriterionDocument::of);
    }
}
