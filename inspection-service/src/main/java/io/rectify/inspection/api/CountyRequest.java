package io.rectify.inspection.api;

import io.rectify.contracts.ValidCountyCode;
import io.rectify.inspection.domain.CountyStatus;
import io.rectify.inspection.domain.CountyTier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registers (POST, {@code code} required) or changes (PUT, {@code code} from the path) a key county. */
public record CountyRequest(
        @Schema(description = "6-digit division code, or 6–12 uppercase letters/digits for a zone without one; required on POST, optional (must match the path) on PUT", examples = "510781")
        @ValidCountyCode
        String code,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 100) String province,
        @NotNull CountyTier tier,
        @NotNull CountyStatus status) {
}
