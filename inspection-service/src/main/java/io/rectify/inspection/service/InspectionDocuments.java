package io.rectify.inspection.service;

import io.rectify.inspection.api.ConsentDocument;
import io.rectify.inspection.api.FindingDocument;
import io.rectify.inspection.api.InspectionDocument;
import io.rectify.inspection.domain.Consent;
import io.rectify.inspection.domain.Enterprise;
import io.rectify.inspection.domain.Finding;
import io.rectify.inspection.domain.Inspection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds inspection documents with their findings, consents and enterprise name, a page at a time (no query per row). */
@ApplicationScoped
public class InspectionDocuments {

    public InspectionDocument of(Inspection inspection) {
        return of(List.of(inspection)).get(0);
    }

    public List<InspectionDocument> of(List<Inspection> inspections) {
        if (inspections.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = inspections.stream().map(i -> i.id).toList();
        Map<UUID, List<FindingDocument>> findings = Finding.<Finding>list("inspectionId in ?1 order by recordedAt, id", ids).stream()
                .map(FindingDocument::of)
                .collect(Collectors.groupingBy(FindingDocument::inspectionId));
        Map<UUID, List<ConsentDocument>> consents = Consent.<Consent>list("inspectionId in ?1 order by recordedAt, id", ids).stream()
                .map(ConsentDocument::of)
                .collect(Collectors.groupingBy(ConsentDocument::inspectionId));
        Map<String, String> names = enterpriseNames(inspections.stream().map(i -> i.enterpriseCreditCode).collect(Collectors.toSet()));
        return inspections.stream()
                .map(i -> InspectionDocument.of(i, names.get(i.enterpriseCreditCode),
                        findings.getOrDefault(i.id, List.of()), consents.getOrDefault(i.id, List.of())))
                .toList();
    }

    private static Map<String, String> enterpriseNames(Collection<String> creditCodes) {
        return Enterprise.<Enterprise>list("creditCode in ?1", creditCodes).stream()
                .collect(Collectors.toMap(e -> e.creditCode, e -> e.name, (a, b) -> a));
    }
}
