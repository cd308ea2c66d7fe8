package io.rectify.hazard.api;

import io.rectify.contracts.ValidCountyCode;
import io.rectify.hazard.domain.Grade;
import io.rectify.hazard.domain.HazardSource;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** {@code POST /api/v1/hazards}: a self-check or regulator report. Give either rectificationDays or dueAt. */
@Schema(name = "ReportHazardRequest")
public record ReportHazardRequest(
        @NotBlank @ValidCreditCode String enterpriseCreditCode,
        @NotBlank @ValidCountyCode String countyCode,
        @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,63}$", message = "must be a key task code such as THREE_ONES") String keyTask,
        @NotNull Grade grade,
        @Schema(description = "required for MAJOR, forbidden for GENERAL", examples = "MHC-07")
        @Pattern(regexp = "^MHC-(0[1-9]|1[0-9]|20)$", message = "must be one of MHC-01 … MHC-20") String majorCriterion,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 500) String location,
        @Size(max = 4000) String recommendedMeasure,
        @Min(value = 1, message = "must be between 1 and 365") @Max(value = 365, message = "must be between 1 and 365") Integer rectificationDays,
        @Schema(description = "explicit due date instead of rectificationDays") Instant dueAt,
        @NotNull HazardSource source) {
}
