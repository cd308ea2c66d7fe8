package io.rectify.scoring.domain;

import io.rectify.contracts.inspection.SheetMark;
import io.rectify.contracts.scoring.CountyIndexDocument.SheetItemResult;
import io.rectify.contracts.scoring.CountyIndexDocument.SheetResult;
import io.rectify.contracts.scoring.ScoringSheet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SheetScorerTest {

    static SheetMark level(String item, String level) {
        return new SheetMark(item, level, null, List.of(UUID.randomUUID()), List.of(), List.of(), null);
    }

    static SheetMark count(String item, int count) {
        return new SheetMark(item, null, count, List.of(), List.of(UUID.randomUUID(), UUID.randomUUID()), List.of(), null);
    }

    @Test
    void levelsEarnAllHalfOrNothingAndCountsEarnTheirShareOfTheTarget() {
        ScoringSheet sheet = ScoringSheet.shipped("2024.1").orElseThrow();
        // MH-1 met 10, MH-2 partly 5, TO-3 7 of 10 → 3.5, EQ-2 9 of 5 → capped 7, RC-1 1 of 4 → 2, FC-1 not met 0,
        // CP-1 a level that does not exist → 0, an item not on the sheet ignored, the rest unmarked
        List<SheetMark> marks = List.of(level("MH-1", "MET"), level("MH-2", "PARTLY"), count("TO-3", 7), count("EQ-2", 9),
                count("RC-1", 1), level("FC-1", "NOT_MET"), level("CP-1", "MOSTLY"), level("ZZ-9", "MET"));
        UUID id = UUID.randomUUID();

        SheetResult result = SheetScorer.score(sheet, new SheetScorer.Assessment(id, "2024.1", Instant.EPOCH, marks));

        assertThat(result.earned()).isEqualByComparingTo("27.5");
        assertThat(result.score()).isEqualByComparingTo("27.5");
        assertThat(result.assessmentId()).isEqualTo(id);
        assertThat(result.items()).hasSize(sheet.items().size()).extracting(SheetItemResult::itemId).doesNotContain("ZZ-9");
        SheetItemResult eq2 = result.items().stream().filter(i -> i.itemId().equals("EQ-2")).findFirst().orElseThrow();
        assertThat(eq2.earned()).isEqualByComparingTo("7");
        assertThat(eq2.count()).isEqualTo(9);
        assertThat(eq2.target()).isEqualTo(5);
        assertThat(eq2.evidenceCited()).isEqualTo(2);
        SheetItemResult cp1 = result.items().stream().filter(i -> i.itemId().equals("CP-1")).findFirst().orElseThrow();
        assertThat(cp1.level()).isNull();
        assertThat(cp1.earned()).isEqualByComparingTo("0");
    }

    @Test
    void theScoreIsAPercentageOfTheSheetTotal() {
        ScoringSheet sheet = new ScoringSheet("s", 2024, "t", "t", new java.math.BigDecimal("30"), List.of(
                new ScoringSheet.Section("THREE_ONES", List.of(new ScoringSheet.Item("A", "甲", "a", new java.math.BigDecimal("20"), "LEVEL", null, false),
                        new ScoringSheet.Item("B", "乙", "b", new java.math.BigDecimal("10"), "COUNT", 3, false)))));
        SheetResult result = SheetScorer.score(sheet, new SheetScorer.Assessment(UUID.randomUUID(), "s", Instant.EPOCH,
                List.of(level("A", "PARTLY"), count("B", 1))));
        // 10 + 3.333… = 13.33 of 30 → 44.4
        assertThat(result.earned()).isEqualByComparingTo("13.33");
        assertThat(result.score()).isEqualByComparingTo("44.4");
    }
}
