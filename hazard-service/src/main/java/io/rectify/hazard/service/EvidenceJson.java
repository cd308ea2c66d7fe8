package io.rectify.hazard.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.inspection.Evidence;
import io.rectify.hazard.api.EvidenceItem;

import java.io.IOException;
import java.util.List;

/** The evidence list as stored in the hazard row (a JSON array) and as carried by events. */
public final class EvidenceJson {

    private static final TypeReference<List<EvidenceItem>> LIST = new TypeReference<>() {
    };

    private EvidenceJson() {
    }

    public static String write(List<EvidenceItem> evidence) {
        return EventJson.write(evidence);
    }

    public static List<EvidenceItem> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventJson.mapper().readValue(json, LIST);
        } catch (IOException e) {
            throw new IllegalStateException("stored evidence is not valid JSON", e);
        }
    }

    public static List<Evidence> toContract(List<EvidenceItem> evidence) {
        return evidence.stream().map(e -> new Evidence(e.kind().name(), e.uri(), e.sha256(), e.evidenceId(), e.mediaType(), e.size(),
                e.verified())).toList();
    }
}
