package io.rectify.scoring.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.scoring.service.StoredSheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A stored scoring sheet: its document's fields (so a GET body can be edited and PUT back) and its state. */
// the schema keeps the name it was published under (clients generate code from /q/openapi)
@Schema(name = "ScoringSheetView")
public record ScoringSheetDocument(
        String version,
        Integer period,
        String titleZh,
        String titleEn,
        BigDecimal total,
        List<ScoringSheet.Section> sections,
        boolean active,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant activatedAt) {

    public static ScoringSheetDocument of(StoredSheet s) {
        ScoringSheet d = s.document();
        return new ScoringSheetDocument(s.version(), d.period(), d.titleZh(), d.titleEn(), d.total(), d.sections(), s.active(),
                s.revision(), s.createdAt(), s.updatedAt(), s.activatedAt());
    }
}
