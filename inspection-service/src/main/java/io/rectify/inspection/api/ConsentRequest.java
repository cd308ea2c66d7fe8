package io.rectify.inspection.api;

import io.rectify.inspection.domain.ConsentScope;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * {@code POST /api/v1/inspections/{id}/consents}: an expert's request (scope only), or the enterprise's
 * own grant (with who at the enterprise grants it).
 */
public record ConsentRequest(
        @NotNull ConsentScope scope,
        @Schema(description = "only the enterprise: who at the enterprise grants it (name and position); defaults to the account",
                examples = "张伟 (安全总监)")
        @Size(min = 1, max = 200) String grantedBy,
        @Schema(description = "only the enterprise: when it was granted; defaults to now")
        @PastOrPresent Instant grantedAt) {
}
