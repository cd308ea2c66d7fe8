package io.rectify.inspection.api;

import io.rectify.contracts.ValidCountyCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registers (POST, {@code creditCode} required) or changes (PUT, code from the path) an enterprise. */
public record EnterpriseRequest(
        @Schema(description = "18-character unified social credit code with a correct check character; required on POST", examples = "91510781MA6ABC1230")
        String creditCode,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @ValidCountyCode String countyCode,
        @Size(max = 200) String parkName,
        Boolean fineChemical,
        @Min(value = 1, message = "must be between 1 and 4") @Max(value = 4, message = "must be between 1 and 4") Integer majorHazardInstallationGrade) {
}
