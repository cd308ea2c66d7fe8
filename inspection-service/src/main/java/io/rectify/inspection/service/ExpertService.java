package io.rectify.inspection.service;

import io.rectify.inspection.api.ExpertDocument;
import io.rectify.inspection.api.ExpertRequest;
import io.rectify.inspection.domain.Expert;
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
import java.util.UUID;

/** The expert pool. Experts are not tied to a county: the campaign sends them where they are needed. */
@ApplicationScoped
public class ExpertService {

    private static final Logger LOG = Logger.getLogger(ExpertService.class);

    @Inject
    Caller caller;

    @Inject
    Pages pages;

    @Transactional
    public ExpertDocument register(ExpertRequest request) {
        String subject = request.subject() == null || request.subject().isBlank() ? null : request.subject().trim();
        if (subject != null && Expert.count("subject", subject) > 0) {
            throw ProblemException.conflict("another expert already has the account subject " + subject);
        }
        Expert expert = new Expert();
        expert.id = UUID.randomUUID();
        expert.name = request.name().trim();
        expert.subject = subject;
        if (request.specialties() != null) {
            request.specialties().stream().map(String::trim).distinct().forEach(expert.specialties::add);
        }
        expert.createdAt = Instant.now();
        expert.persist();
        // the name is personal data: the log names the id only
        LOG.infof("expert %s registered by %s", expert.id, caller.subject());
        return ExpertDocument.of(expert);
    }

    @Transactional
    public ExpertDocument get(UUID id) {
        Expert expert = Expert.findById(id);
        if (expert == null) {
            throw ProblemException.notFound("expert", id);
        }
        return ExpertDocument.of(expert);
    }

    @Transactional
    public PageResult<ExpertDocument> list(PageRequest page) {
        return pages.find(Expert.class, "Expert x", "x", "1 = 1", Map.of(), "x.name, x.id", page).map(ExpertDocument::of);
    }
}
