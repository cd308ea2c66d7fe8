package io.rectify.scoring.domain;

import io.rectify.contracts.scoring.ScoringSheet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringSheetValidatorTest {

    static ScoringSheet shipped() {
        return ScoringSheet.shipped("2024.1").orElseThrow();
    }

    @Test
    void theShippedSheetIsValidAndCoversTheSixKeyTasksWithAHundredPoints() {
        ScoringSheet sheet = shipped();
        assertThat(ScoringSheetValidator.validate("2024.1", sheet)).isEmpty();
        assertThat(sheet.sections()).extracting(ScoringSheet.Section::keyTask).containsAll(ScoringSheetValidator.KEY_TASKS);
        assertThat(sheet.items().stream().map(l -> l.item().points()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
    }

    @Test
    void pointsThatDoNotAddUpToTheTotalAreRefused() {
        ScoringSheet sheet = shipped();
        ScoringSheet inflated = new ScoringSheet("2024.1", 2024, sheet.titleZh(), sheet.titleEn(), new BigDecimal("120"), sheet.sections());

        assertThat(ScoringSheetValidator.validate("2024.1", inflated))
                .extracting(RubricValidator.Problem::field, RubricValidator.Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("total", "the items' points add up to 100, not to the total 120"));
    }

    @Test
    void aMissingKeyTaskAndBadItemsAreAllNamed() {
        ScoringSheet sheet = shipped();
        List<ScoringSheet.Section> sections = new ArrayList<>(sheet.sections().subList(1, sheet.sections().size()));
        ScoringSheet.Section first = sections.get(0);
        List<ScoringSheet.Item> items = new ArrayList<>(first.items());
        items.add(new ScoringSheet.Item("EQ-1", "重复", "duplicate", BigDecimal.ONE, "COUNT", null, false));
        items.add(new ScoringSheet.Item("EQ-9", "", "bad judgement", BigDecimal.ZERO, "GUESS", null, false));
        sections.set(0, new ScoringSheet.Section(first.keyTask(), items));

        List<RubricValidator.Problem> problems = ScoringSheetValidator.validate("x", new ScoringSheet(null, 1999, "t", "t", BigDecimal.TEN, sections));

        assertThat(problems).extracting(RubricValidator.Problem::field).contains(
                "period", "sections[0].items[2].id", "sections[0].items[2].target", "sections[0].items[3].textZh",
                "sections[0].items[3].points", "sections[0].items[3].judgedBy", "sections", "total");
        assertThat(problems).filteredOn(p -> p.field().equals("sections")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("THREE_ONES"));
    }

    @Test
    void aLevelItemTakesNoTargetAndNullsAreProblemsNotCrashes() {
        ScoringSheet.Item level = new ScoringSheet.Item("A", "甲", "a", BigDecimal.ONE, "LEVEL", 3, null);
        List<ScoringSheet.Section> sections = new ArrayList<>();
        sections.add(new ScoringSheet.Section("THREE_ONES", List.of(level)));
        sections.add(null);
        assertThat(ScoringSheetValidator.validate("v", new ScoringSheet("v", 2024, "t", "t", BigDecimal.ONE, sections)))
                .extracting(RubricValidator.Problem::field).contains("sections[0].items[0].target", "sections[1]", "sections");
        assertThat(ScoringSheetValidator.validate("bad version", null)).extracting(RubricValidator.Problem::field).containsExactly("version", "");
    }
}
