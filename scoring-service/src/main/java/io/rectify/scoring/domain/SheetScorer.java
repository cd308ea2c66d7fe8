package io.rectify.scoring.domain;

import io.rectify.contracts.inspection.SheetMark;
import io.rectify.contracts.scoring.CountyIndexDocument.SheetItemResult;
import io.rectify.contracts.scoring.CountyIndexDocument.SheetResult;
import io.rectify.contracts.scoring.ScoringSheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores an expert team's marks on a sheet (scoring.md "The scoring sheet"), a pure function: a LEVEL item
 * earns its points when met, half when partly met, none when not met; a COUNT item earns
 * {@code points × min(count, target) / target}; an unmarked item, or a mark that does not fit its item,
 * earns nothing. Marks for items the sheet does not have are ignored (inspection-service refuses them
 * for the sheets it ships; a sheet stored later is only known here).
 */
public final class SheetScorer {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SheetScorer() {
    }

    /** An assessment as scoring keeps it. */
    public record Assessment(UUID assessmentId, String sheetVersion, Instant submittedAt, List<SheetMark> marks) {
    }

    public static SheetResult score(ScoringSheet sheet, Assessment assessment) {
        Map<String, SheetMark> marks = new HashMap<>();
        if (assessment.marks() != null) {
            assessment.marks().stream().filter(m -> m != null && m.itemId() != null).forEach(m -> marks.putIfAbsent(m.itemId(), m));
        }
        List<SheetItemResult> items = new ArrayList<>();
        BigDecimal earned = BigDecimal.ZERO;
        for (ScoringSheet.Located located : sheet.items()) {
            ScoringSheet.Item item = located.item();
            SheetMark mark = marks.get(item.id());
            BigDecimal itemEarned = earned(item, mark).setScale(2, RoundingMode.HALF_UP);
            earned = earned.add(itemEarned);
            boolean level = ScoringSheet.Judgement.LEVEL.name().equals(item.judgedBy());
            items.add(new SheetItemResult(item.id(), located.keyTask(), item.textZh(), item.points(), item.judgedBy(),
                    level && mark != null ? validLevel(mark.level()) : null,
                    !level && mark != null && mark.count() != null && mark.count() >= 0 ? mark.count() : null,
                    level ? null : item.target(), itemEarned, mark == null ? 0 : cited(mark)));
        }
        BigDecimal score = earned.multiply(HUNDRED).divide(sheet.total(), MathContext.DECIMAL128).setScale(1, RoundingMode.HALF_UP);
        return new SheetResult(sheet.version(), assessment.assessmentId(), assessment.submittedAt(), sheet.total(),
                earned.setScale(2, RoundingMode.HALF_UP), score.min(HUNDRED), items);
    }

    private static BigDecimal earned(ScoringSheet.Item item, SheetMark mark) {
        if (mark == null) {
            return BigDecimal.ZERO;
        }
        if (ScoringSheet.Judgement.LEVEL.name().equals(item.judgedBy())) {
            String level = validLevel(mark.level());
            if (level == null) {
                return BigDecimal.ZERO;
            }
            return switch (ScoringSheet.Level.valueOf(level)) {
                case MET -> item.points();
                case PARTLY -> item.points().multiply(HALF);
                case NOT_MET -> BigDecimal.ZERO;
            };
        }
        if (mark.count() == null || mark.count() < 0 || item.target() == null || item.target() < 1) {
            return BigDecimal.ZERO;
        }
        int counted = Math.min(mark.count(), item.target());
        return item.points().multiply(BigDecimal.valueOf(counted)).divide(BigDecimal.valueOf(item.target()), MathContext.DECIMAL128);
    }

    private static String validLevel(String level) {
        if (level == null) {
            return null;
        }
        try {
            return ScoringSheet.Level.valueOf(level).name();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int cited(SheetMark mark) {
        return size(mark.findingIds()) + size(mark.hazardIds()) + size(mark.evidenceFileIds());
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
