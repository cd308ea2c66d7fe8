package io.rectify.inspection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A key task's new names and description: the code stays, the version grows. */
public record KeyTaskRevision(
        @NotBlank @Size(max = 200) String nameZh,
        @NotBlank @Size(max = 200) String nameEn,
        @Size(max = 2000) String description) {
}
