package io.rectify.inspection.domain;

import io.rectify.contracts.inspection.SheetMark;
import io.rectify.contracts.scoring.ScoringSheet;
import io.rectify.platform.problem.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules an expert team's marks must meet on a scoring sheet, free of the database: each mark names an
 * item of the sheet once; a LEVEL item is marked MET, PARTLY or NOT_MET, a COUNT item with a count ≥ 0;
 * an item that asks for evidence cites at least one finding, hazard or evidence file. A draft may leave
 * items unmarked; a submission marks every item (一事一结: the sheet is closed item by item).
 */
public final class SheetMarkRules {

    public static final int MAX_CITED = 200;

    private SheetMarkRules() {
    }

    /** Every problem of the marks, each named by its field ({@code marks[2].level}); empty when they are right. */
    public static List<Problem.FieldError> problems(ScoringSheet sheet, List<SheetMark> marks, boolean submission) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, ScoringSheet.Item> items = new HashMap<>();
        sheet.items().forEach(l -> items.put(l.item().id(), l.item()));
        Set<String> marked = new HashSet<>();
        List<SheetMark> given = marks == null ? List.of() : marks;
        for (int i = 0; i < given.size(); i++) {
            String at = "marks[" + i + "]";
            SheetMark mark = given.get(i);
            if (mark == null) {
                errors.add(new Problem.FieldError(at, "must not be null"));
                continue;
            }
            ScoringSheet.Item item = mark.itemId() == null ? null : items.get(mark.itemId());
            if (item == null) {
                errors.add(new Problem.FieldError(at + ".itemId", "sheet " + sheet.version() + " has no item '" + mark.itemId() + "'"));
                continue;
            }
            if (!marked.add(item.id())) {
                errors.add(new Problem.FieldError(at + ".itemId", "item " + item.id() + " is marked more than once"));
            }
            if (ScoringSheet.Judgement.COUNT.name().equals(item.judgedBy())) {
                if (mark.count() == null || mark.count() < 0) {
                    errors.add(new Problem.FieldError(at + ".count", "item " + item.id() + " is judged by a count (≥ 0) against the target " + item.target()));
                }
                if (mark.level() != null) {
                    errors.add(new Problem.FieldError(at + ".level", "item " + item.id() + " is judged by a count, not a level"));
                }
            } else {
                if (!isLevel(mark.level())) {
                    errors.add(new Problem.FieldError(at + ".level", "item " + item.id() + " is judged MET, PARTLY or NOT_MET"));
                }
                if (mark.count() != null) {
                    errors.add(new Problem.FieldError(at + ".count", "item " + item.id() + " is judged by a level, not a count"));
                }
            }
            if (item.needsEvidence() && !mark.citesEvidence()) {
                errors.add(new Problem.FieldError(at, "item " + item.id() + " asks for evidence: cite findingIds, hazardIds or evidenceFileIds"));
            }
            if (cited(mark) > MAX_CITED) {
                errors.add(new Problem.FieldError(at, "at most " + MAX_CITED + " citations per mark"));
            }
            if (mark.note() != null && mark.note().length() > 2000) {
                errors.add(new Problem.FieldError(at + ".note", "must be at most 2000 characters"));
            }
        }
        if (submission) {
            Set<String> unmarked = new LinkedHashSet<>();
            sheet.items().forEach(l -> unmarked.add(l.item().id()));
            unmarked.removeAll(marked);
            if (!unmarked.isEmpty()) {
                errors.add(new Problem.FieldError("marks", "a submission marks every item of the sheet; unmarked: " + unmarked));
            }
        }
        return errors;
    }

    private static boolean isLevel(String level) {
        if (level == null) {
            return false;
        }
        try {
            ScoringSheet.Level.valueOf(level);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int cited(SheetMark mark) {
        return size(mark.findingIds()) + size(mark.hazardIds()) + size(mark.evidenceFileIds());
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
