package io.rectify.inspection.api;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** {@code POST …/consents/{consentId}/confirmation}: the enterprise says yes to an expert's request. */
public record ConsentConfirmation(
        @Schema(description = "who at the enterprise grants it (name and position); defaults to the account", examples = "张伟 (安全总监)")
        @Size(min = 1, max = 200) String grantedBy,
        @Schema(description = "when it was granted; defaults to now")
        @PastOrPresent Instant grantedAt) {
}
