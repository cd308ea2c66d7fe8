package io.rectify.inspection.api;

import io.rectify.contracts.inspection.SheetMark;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A draft of the team's marks on a scoring sheet (the sheet's items: {@code GET /api/v1/scoring-sheets/{version}} of scoring-service). */
public record SheetAssessmentRequest(
        @Schema(description = "the calendar year assessed", examples = "2024") @NotNull @Min(2000) @Max(2100) Integer period,
        @Schema(description = "the scoring sheet version", examples = "2024.1")
        @NotBlank @Pattern(regexp = "^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$") String sheetVersion,
        @Schema(description = "the expert who leads the team and will submit") @NotNull UUID teamLeadId,
        @Schema(description = "a mark per item; a draft may leave items out, a submission may not") @Size(max = 500) List<SheetMark> marks) {
}
