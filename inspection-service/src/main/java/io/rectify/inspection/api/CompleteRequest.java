package io.rectify.inspection.api;

import jakarta.validation.constraints.Size;

/** The experts' closing summary; may be left out. */
public record CompleteRequest(@Size(max = 10000) String summary) {
}
