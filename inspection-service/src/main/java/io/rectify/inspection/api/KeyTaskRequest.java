package io.rectify.inspection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record KeyTaskRequest(
        @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,63}$", message = "must be 2 to 64 characters: uppercase letters, digits and _ (starting with a letter)") String code,
        @NotBlank @Size(max = 200) String nameZh,
        @NotBlank @Size(max = 200) String nameEn,
        @Size(max = 2000) String description) {
}
