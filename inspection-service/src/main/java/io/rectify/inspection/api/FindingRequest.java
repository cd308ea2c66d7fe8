package io.rectify.inspection.api;

import io.rectify.inspection.domain.FindingDraft;
import io.rectify.inspection.domain.Grade;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Records or edits a finding. */
public record FindingRequest(
        @NotBlank String keyTask,
        @NotNull Grade grade,
        @Schema(description = "MHC-01 … MHC-20: required when the grade is MAJOR, forbidden when GENERAL")
        String majorCriterion,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 500) String location,
        @Size(max = 4000) String recommendedMeasure,
        @NotNull @Min(value = 1, message = "must be between 1 and 365") @Max(value = 365, message = "must be between 1 and 365") Integer rectificationDays,
        @Size(max = 50) List<@NotNull @Valid EvidenceBody> evidence) {

    public FindingDraft toDraft() {
        return new FindingDraft(keyTask, grade, majorCriterion, description, location, recommendedMeasure, rectificationDays,
                evidence == null ? List.of() : evidence.stream().map(EvidenceBody::toEvidence).toList());
    }
}
