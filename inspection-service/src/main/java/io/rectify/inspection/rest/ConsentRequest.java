package io.rectify.inspection.rest;

import io.rectify.inspection.domain.ConsentScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record ConsentRequest(
        @NotNull ConsentScope scope,
        @Schema(description = "who at the enterprise granted it (name and position)", examples = "张伟 (安全总监)")
        @NotBlank @Size(max = 200) String grantedBy,
        @Schema(description = "when it was granted; defaults to now")
        @PastOrPresent Instant grantedAt) {
}
