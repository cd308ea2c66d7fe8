package io.rectify.scoring.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.rectify.scoring.domain.RubricDocument;
import io.rectify.scoring.service.StoredRubric;

import java.time.Instant;
import java.util.List;

/** A stored rubric: its document's fields (so a GET body can be edited and PUT back) and its state. */
// the schema keeps the name it was published under (clients generate code from /q/openapi)
@Schema(name = "RubricView")
public record StoredRubricDocument(
        String version,
        String description,
        List<RubricDocument.IndicatorRule> indicators,
        List<RubricDocument.DeductionRule> deductions,
        RubricDocument.DemonstrationRule demonstration,
        boolean active,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant activatedAt) {

    public static StoredRubricDocument of(StoredRubric r) {
        RubricDocument d = r.document();
        return new StoredRubricDocument(r.version(), d.description(), d.indicators(), d.deductions(), d.demonstration(), r.active(),
                r.revision(), r.createdAt(), r.updatedAt(), r.activatedAt());
    }
}
