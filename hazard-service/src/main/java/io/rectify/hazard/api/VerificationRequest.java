package io.rectify.hazard.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A verification: accepted, or rejected with a reason. */
public record VerificationRequest(
        @NotNull VerificationOutcome outcome,
        @Schema(description = "required when REJECTED") @Size(max = 4000) String comment) {
}
