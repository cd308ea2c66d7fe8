package io.rectify.inspection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public record ExpertRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> specialties,
        @Schema(description = "the JWT subject of the expert's account: with it the expert can run the inspections they are assigned to")
        @Size(max = 200) String subject) {
}
