package io.rectify.inspection.domain;

import java.util.List;

/** What an expert records (or edits) as a finding, before the rules have accepted it. */
public record FindingDraft(
        String keyTask,
        Grade grade,
        String majorCriterion,
        String description,
        String location,
        String recommendedMeasure,
        int rectificationDays,
        List<Evidence> evidence) {

    public FindingDraft {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        majorCriterion = majorCriterion == null || majorCriterion.isBlank() ? null : majorCriterion.trim();
    }
}
