package io.rectify.inspection.service;

import io.rectify.inspection.domain.Grade;
import io.rectify.inspection.domain.InspectionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NightlyDebriefTest {

    private static final NightlyDebrief.County JIANGYOU = new NightlyDebrief.County("510781", "江油市", "绵阳市", "四川省");

    private static NightlyDebrief.Item item(String task, Grade grade) {
        return new NightlyDebrief.Item(UUID.randomUUID(), task, task + "-zh", task + "-en", grade, grade == Grade.MAJOR ? "MHC-05" : null,
                null, "d", null, null, 30, 0);
    }

    private static NightlyDebrief.Visit visit(InspectionStatus status, NightlyDebrief.Item... items) {
        return new NightlyDebrief.Visit(UUID.randomUUID(), status, "CENTRALISED", "91510781MA6ABC1230", "E", null, List.of("专家"),
                List.of("OTHER"), null, List.of(items));
    }

    @Test
    void countsInspectionsByStatusAndFindingsByGradeAndKeyTask() {
        NightlyDebrief d = NightlyDebrief.of(JIANGYOU, LocalDate.of(2024, 4, 11), Instant.EPOCH, List.of(
                visit(InspectionStatus.COMPLETED, item("MAJOR_HAZARD_INSTALLATIONS", Grade.MAJOR), item("MAJOR_HAZARD_INSTALLATIONS", Grade.GENERAL),
                        item("THREE_ONES", Grade.GENERAL)),
                visit(InspectionStatus.IN_PROGRESS, item("MAJOR_HAZARD_INSTALLATIONS", Grade.MAJOR)),
                visit(InspectionStatus.SCHEDULED),
                visit(InspectionStatus.CANCELLED)), code -> new String[]{code + "-zh", code + "-en"});

        assertThat(d.totals()).isEqualTo(new NightlyDebrief.Totals(4, 1, 1, 1, 1, 4, 2, 2));
        assertThat(d.findingsByGrade()).containsEntry(Grade.GENERAL, 2L).containsEntry(Grade.MAJOR, 2L);
        assertThat(d.findingsByKeyTask()).containsExactly(
                new NightlyDebrief.KeyTaskCount("MAJOR_HAZARD_INSTALLATIONS", "MAJOR_HAZARD_INSTALLATIONS-zh", "MAJOR_HAZARD_INSTALLATIONS-en", 1, 2, 3),
                new NightlyDebrief.KeyTaskCount("THREE_ONES", "THREE_ONES-zh", "THREE_ONES-en", 1, 0, 1));
    }

    @Test
    void anEmptyDayHasZeroCountsForBothGrades() {
        NightlyDebrief d = NightlyDebrief.of(JIANGYOU, LocalDate.of(2024, 4, 12), Instant.EPOCH, List.of(), code -> new String[]{code, code});
        assertThat(d.totals()).isEqualTo(new NightlyDebrief.Totals(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(d.findingsByGrade()).containsEntry(Grade.GENERAL, 0L).containsEntry(Grade.MAJOR, 0L);
        assertThat(d.findingsByKeyTask()).isEmpty();
    }
}
