package io.rectify.inspection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An expert's declaration of a conflict of interest with an enterprise. */
public record ConflictRequest(
        @Schema(description = "the enterprise's unified social credit code") @NotBlank String creditCode,
        @Schema(description = "why the expert is not impartial there", examples = "曾任该企业安全顾问") @NotBlank @Size(max = 2000) String reason,
        @Schema(description = "first day of the conflict") @NotNull LocalDate from,
        @Schema(description = "last day, inclusive; absent: open-ended") LocalDate to) {
}
