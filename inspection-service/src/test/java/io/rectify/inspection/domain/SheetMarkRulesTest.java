package io.rectify.inspection.domain;

import io.rectify.contracts.inspection.SheetMark;
import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.platform.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SheetMarkRulesTest {

    static final ScoringSheet SHEET = ScoringSheet.shipped("2024.1").orElseThrow();

    static SheetMark level(String item, String level, boolean evidence) {
        return new SheetMark(item, level, null, evidence ? List.of(UUID.randomUUID()) : List.of(), List.of(), List.of(), null);
    }

    /** Every item of the sheet, marked as it should be. */
    static List<SheetMark> complete() {
        List<SheetMark> marks = new ArrayList<>();
        for (ScoringSheet.Located l : SHEET.items()) {
            boolean count = "COUNT".equals(l.item().judgedBy());
            marks.add(new SheetMark(l.item().id(), count ? null : "MET", count ? 1 : null, List.of(),
                    l.item().needsEvidence() ? List.of(UUID.randomUUID()) : List.of(), List.of(), null));
        }
        return marks;
    }

    @Test
    void aCompleteSetOfMarksPassesAndADraftMayBePartial() {
        assertThat(SheetMarkRules.problems(SHEET, complete(), true)).isEmpty();
        assertThat(SheetMarkRules.problems(SHEET, List.of(level("FC-3", "PARTLY", false)), false)).isEmpty();
    }

    @Test
    void everyWrongMarkIsNamed() {
        List<SheetMark> marks = List.of(
                level("MH-1", "MET", false),                                              // asks for evidence
                level("ZZ-1", "MET", true),                                               // no such item
                level("FC-3", "MOSTLY", false),                                           // not a level
                new SheetMark("RC-1", "MET", null, List.of(), List.of(UUID.randomUUID()), List.of(), null), // a count item
                level("FC-3", "MET", false));                                             // twice
        List<Problem.FieldError> problems = SheetMarkRules.problems(SHEET, marks, false);
        assertThat(problems).extracting(Problem.FieldError::field)
                .containsExactly("marks[0]", "marks[1].itemId", "marks[2].level", "marks[3].count", "marks[3].level", "marks[4].itemId");
    }

    @Test
    void aSubmissionMarksEveryItem() {
        List<SheetMark> marks = new ArrayList<>(complete());
        marks.removeIf(m -> m.itemId().equals("CP-2"));
        assertThat(SheetMarkRules.problems(SHEET, marks, true)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("CP-2"));
    }
}
