package io.rectify.hazard.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The five assurances (五落实) of a rectification plan; every one is required for every grade. */
public record PlanRequest(
        @NotBlank @Size(max = 200) String responsiblePerson,
        @NotBlank @Size(max = 4000) String measures,
        @NotNull @DecimalMin(value = "0", message = "must be 0 or more") @Digits(integer = 16, fraction = 2) BigDecimal fundingCny,
        @NotNull LocalDate deadline,
        @NotBlank @Size(max = 4000) String contingencyPlan) {
}
