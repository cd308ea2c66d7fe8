package io.rectify.inspection.api;

import io.rectify.contracts.ValidCountyCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(value = 2000, message = "must be between 2000 and 2100") @Max(value = 2100, message = "must be between 2000 and 2100") Integer year,
        @NotEmpty @Size(max = 500) List<@NotNull @ValidCountyCode String> countyCodes,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn) {
}
