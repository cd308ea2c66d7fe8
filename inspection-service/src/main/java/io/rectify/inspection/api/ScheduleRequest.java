package io.rectify.inspection.api;

import io.rectify.inspection.domain.InspectionMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Schedules an inspection of one enterprise by one or more experts on one day. */
public record ScheduleRequest(
        UUID campaignId,
        @NotBlank String enterpriseCreditCode,
        @NotEmpty @Size(max = 20) List<@NotNull UUID> expertIds,
        @NotNull LocalDate scheduledOn,
        @NotNull InspectionMode mode,
        @NotEmpty @Size(max = 20) List<@NotBlank String> keyTasks) {
}
