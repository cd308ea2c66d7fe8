package io.rectify.scoring.domain;

import io.rectify.contracts.scoring.ScoringSheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a scoring sheet completely, like {@link RubricValidator}: every problem at once, named by its
 * JSON path. A sheet must cover each of the six key tasks of the 2024 programme (6抓) with at least one
 * item, and its items' points must add up to its total. Pure: no Quarkus, no database.
 */
public final class ScoringSheetValidator {

    /** The six key tasks (domain.md "Background"): a sheet that leaves one out does not judge the programme. */
    public static final List<String> KEY_TASKS = List.of("THREE_ONES", "EQUIPMENT_RUNNING_WITH_DEFECTS",
            "FINE_CHEMICAL_FOUR_ZEROINGS", "MAJOR_HAZARD_INSTALLATIONS", "CHEMICAL_PARKS", "RECTIFICATION_CLOSURE");

    static final Pattern KEY_TASK = Pattern.compile("^[A-Z][A-Z0-9_]{1,63}$");
    static final Pattern ITEM_ID = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$");
    static final BigDecimal MAX_TOTAL = BigDecimal.valueOf(1000);
    static final int MAX_TARGET = 1_000_000;

    private ScoringSheetValidator() {
    }

    public static List<RubricValidator.Problem> validate(String version, ScoringSheet sheet) {
        List<RubricValidator.Problem> problems = new ArrayList<>();
        if (version == null || !RubricValidator.VERSION.matcher(version).matches()) {
            problems.add(problem("version", "must be 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (sheet == null) {
            problems.add(problem("", "a scoring sheet is required"));
            return problems;
        }
        if (sheet.version() != null && version != null && !sheet.version().equals(version)) {
            problems.add(problem("version", "the document says " + sheet.version() + " but is stored as " + version));
        }
        if (sheet.period() == null || sheet.period() < 2000 || sheet.period() > 2100) {
            problems.add(problem("period", "a calendar year between 2000 and 2100 is required"));
        }
        text("titleZh", sheet.titleZh(), 500, problems);
        text("titleEn", sheet.titleEn(), 500, problems);
        if (sheet.total() == null) {
            problems.add(problem("total", "is required"));
        } else if (sheet.total().signum() <= 0 || sheet.total().compareTo(MAX_TOTAL) > 0) {
            problems.add(problem("total", "must be greater than 0 and at most 1000"));
        }
        if (sheet.sections() == null || sheet.sections().isEmpty()) {
            problems.add(problem("sections", "a section per key task is required: " + KEY_TASKS));
            return problems;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> covered = new HashSet<>();
        Set<String> sectionTasks = new HashSet<>();
        Set<String> itemIds = new HashSet<>();
        for (int s = 0; s < sheet.sections().size(); s++) {
            String at = "sections[" + s + "]";
            ScoringSheet.Section section = sheet.sections().get(s);
            if (section == null) {
                problems.add(problem(at, "must not be null"));
                continue;
            }
            if (section.keyTask() == null || !KEY_TASK.matcher(section.keyTask()).matches()) {
                problems.add(problem(at + ".keyTask", "a key task code (e.g. MAJOR_HAZARD_INSTALLATIONS) is required"));
            } else if (!sectionTasks.add(section.keyTask())) {
                problems.add(problem(at + ".keyTask", "key task " + section.keyTask() + " has more than one section"));
            }
            if (section.items() == null || section.items().isEmpty()) {
                problems.add(problem(at + ".items", "at least one item is required"));
                continue;
            }
            for (int i = 0; i < section.items().size(); i++) {
                sum = sum.add(item(at + ".items[" + i + "]", section.items().get(i), itemIds, problems));
            }
            if (section.keyTask() != null) {
                covered.add(section.keyTask());
            }
        }
        Set<String> missing = new LinkedHashSet<>(KEY_TASKS);
        missing.removeAll(covered);
        if (!missing.isEmpty()) {
            problems.add(problem("sections", "every key task needs a section with items; missing: " + missing));
        }
        if (sheet.total() != null && sum.compareTo(sheet.total()) != 0) {
            problems.add(problem("total", "the items' points add up to " + sum.stripTrailingZeros().toPlainString()
                    + ", not to the total " + sheet.total().stripTrailingZeros().toPlainString()));
        }
        return problems;
    }

    /** @return the item's points (0 when missing), for the sum */
    private static BigDecimal item(String at, ScoringSheet.Item item, Set<String> ids, List<RubricValidator.Problem> problems) {
        if (item == null) {
            problems.add(problem(at, "must not be null"));
            return BigDecimal.ZERO;
        }
        if (item.id() == null || !ITEM_ID.matcher(item.id()).matches()) {
            problems.add(problem(at + ".id", "1–32 letters, digits, '.', '_' or '-' are required"));
        } else if (!ids.add(item.id())) {
            problems.add(problem(at + ".id", "item " + item.id() + " appears more than once"));
        }
        text(at + ".textZh", item.textZh(), 1000, problems);
        text(at + ".textEn", item.textEn(), 1000, problems);
        BigDecimal points = BigDecimal.ZERO;
        if (item.points() == null) {
            problems.add(problem(at + ".points", "is required"));
        } else if (item.points().signum() <= 0 || item.points().compareTo(MAX_TOTAL) > 0) {
            problems.add(problem(at + ".points", "must be greater than 0 and at most 1000"));
        } else {
            points = item.points();
        }
        ScoringSheet.Judgement judgement = null;
        try {
            judgement = item.judgedBy() == null ? null : ScoringSheet.Judgement.valueOf(item.judgedBy());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (judgement == null) {
            problems.add(problem(at + ".judgedBy", "must be LEVEL (met / partly / not met) or COUNT (a count against a target)"));
        } else if (judgement == ScoringSheet.Judgement.COUNT && (item.target() == null || item.target() < 1 || item.target() > MAX_TARGET)) {
            problems.add(problem(at + ".target", "a COUNT item needs a target between 1 and " + MAX_TARGET));
        } else if (judgement == ScoringSheet.Judgement.LEVEL && item.target() != null) {
            problems.add(problem(at + ".target", "a LEVEL item takes no target"));
        }
        return points;
    }

    private static void text(String field, String value, int max, List<RubricValidator.Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(problem(field, "must be at most " + max + " characters"));
        }
    }

    private static RubricValidator.Problem problem(String field, String message) {
        return new RubricValidator.Problem(field, message);
    }
}
