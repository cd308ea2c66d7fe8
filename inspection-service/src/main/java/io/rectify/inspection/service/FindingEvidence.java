package io.rectify.inspection.service;

import io.rectify.inspection.domain.Evidence;
import io.rectify.inspection.domain.Finding;
import io.rectify.platform.evidence.EvidenceFile;
import io.rectify.platform.evidence.EvidenceLibrary;
import io.rectify.platform.problem.ProblemException;
import io.rectify.platform.security.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding's evidence: each item an uploaded file the expert may use (422 naming the field otherwise) or,
 * for ADMIN and AGENCY_SYSTEM backfills, an absolute outside URI, kept unverified. The files become
 * referenced by the finding (never swept) and readable by whoever sees its inspection.
 */
@ApplicationScoped
public class FindingEvidence {

    public static final String OWNER = "FINDING";
    public static final String PURPOSE = "FINDING";

    @Inject
    EvidenceLibrary library;

    /** The evidence as it will be stored: uploaded files resolved, outside URIs checked. */
    public List<Evidence> resolve(List<Evidence> sent) {
        List<Evidence> resolved = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Evidence e = sent.get(i);
            if (e.evidenceId != null) {
                EvidenceFile f = library.referable("evidence[" + i + "].evidenceId", e.evidenceId);
                resolved.add(Evidence.stored(e.kind, f.id, f.sha256, f.mediaType, f.size));
            } else if (e.uri != null && library.mayReferenceOutsideUris()) {
                if (!isAbsoluteUri(e.uri)) {
                    throw ProblemException.invalid("evidence[" + i + "].uri", "must be an absolute URI (e.g. https://… or s3://…)");
                }
                if (e.sha256 == null) {
                    throw ProblemException.invalid("evidence[" + i + "].sha256", "an outside URI needs its SHA-256");
                }
                Evidence outside = new Evidence(e.kind, e.uri, e.sha256);
                outside.verified = false;
                resolved.add(outside);
            } else {
                throw ProblemException.invalid("evidence[" + i + "].evidenceId",
                        "is required: upload the file first (POST /api/v1/evidence); outside URIs are for ADMIN and AGENCY_SYSTEM backfills");
            }
        }
        return resolved;
    }

    /** The finding now references exactly its current files. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reference(Finding finding, Jurisdiction where) {
        library.release(OWNER, finding.id, PURPOSE);
        for (Evidence e : finding.evidence) {
            if (e.evidenceId != null) {
                library.use(e.evidenceId, OWNER, finding.id, PURPOSE, where);
            }
        }
    }

    private static boolean isAbsoluteUri(String uri) {
        try {
            return new URI(uri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
