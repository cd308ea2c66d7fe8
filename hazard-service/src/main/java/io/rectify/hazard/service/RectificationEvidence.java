package io.rectify.hazard.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.inspection.Evidence;
import io.rectify.hazard.api.EvidenceItem;
import io.rectify.hazard.domain.EvidenceWarning;
import io.rectify.hazard.domain.Hazard;
import io.rectify.platform.evidence.EvidenceFile;
import io.rectify.platform.evidence.EvidenceLibrary;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The evidence of a rectification: each item an uploaded file the submitter may use (422 naming the field
 * otherwise) or, for ADMIN and AGENCY_SYSTEM backfills, an outside URI marked unverified. The files become
 * referenced by the hazard (never swept) and readable by whoever sees it; the fraud signals are computed.
 */
@ApplicationScoped
public class RectificationEvidence {

    public static final String OWNER = "HAZARD";
    public static final String PURPOSE = "RECTIFICATION";
    private static final TypeReference<List<Evidence>> EVIDENCE_LIST = new TypeReference<>() {
    };

    @Inject
    EvidenceLibrary library;

    public record Resolved(List<EvidenceItem> items, List<EvidenceWarning> warnings) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Resolved resolve(Hazard h, Jurisdiction where, List<EvidenceItem> sent) {
        List<EvidenceItem> items = new ArrayList<>();
        List<EvidenceWarning.Fact> facts = new ArrayList<>();
        List<EvidenceFile> files = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            EvidenceItem item = sent.get(i);
            if (item.evidenceId() != null) {
                EvidenceFile f = library.referable("evidence[" + i + "].evidenceId", item.evidenceId());
                files.add(f);
                items.add(new EvidenceItem(item.kind(), f.id, "/api/v1/evidence/" + f.id, f.sha256, f.mediaType, f.size, f.capturedAt, true));
                facts.add(new EvidenceWarning.Fact(f.sha256, f.capturedAt, library.usedByAnother(f.sha256, OWNER, PURPOSE, h.id)));
            } else if (item.uri() != null && item.sha256() != null && library.mayReferenceOutsideUris()) {
                items.add(new EvidenceItem(item.kind(), null, item.uri(), item.sha256(), null, null, null, false));
                facts.add(new EvidenceWarning.Fact(item.sha256(), null, false));
            } else {
                throw ProblemException.invalid("evidence[" + i + "].evidenceId", item.uri() != null && library.mayReferenceOutsideUris()
                        ? "an outside URI needs its sha256"
                        : "is required: upload the file first (POST /api/v1/evidence); outside URIs are for ADMIN and AGENCY_SYSTEM backfills");
            }
        }
        for (EvidenceFile f : files) {
            library.use(f.id, OWNER, h.id, PURPOSE, where);
        }
        return new Resolved(items, EvidenceWarning.of(facts, findingSha256s(h), h.reportedAt));
    }

    static Set<String> findingSha256s(Hazard h) {
        if (h.findingEvidence == null) {
            return Set.of();
        }
        try {
            return EventJson.mapper().readValue(h.findingEvidence, EVIDENCE_LIST).stream()
                    .map(Evidence::sha256).filter(s -> s != null).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException("stored finding evidence is not valid JSON", e);
        }
    }
}
