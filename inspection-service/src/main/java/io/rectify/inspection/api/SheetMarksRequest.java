package io.rectify.inspection.api;

import io.rectify.contracts.inspection.SheetMark;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The draft's marks, replaced as a whole. */
public record SheetMarksRequest(@NotNull @Size(max = 500) List<SheetMark> marks) {
}
