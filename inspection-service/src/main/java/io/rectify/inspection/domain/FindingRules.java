package io.rectify.inspection.domain;

import io.rectify.platform.problem.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a finding must meet, free of the database: the grade rule (a MAJOR finding names a known
 * major-hazard criterion, a GENERAL one names none), a known key task, a rectification period of
 * 1–365 days, and the consent rule for evidence.
 */
public final class FindingRules {

    public static final int MIN_RECTIFICATION_DAYS = 1;
    public static final int MAX_RECTIFICATION_DAYS = 365;

    private FindingRules() {
    }

    /** Every offending field of {@code draft}; empty when it meets the rules (the service refuses a non-empty list with a 422). */
    public static List<Problem.FieldError> problems(FindingDraft draft, Set<String> knownKeyTasks, Set<String> knownCriteria) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (draft.keyTask() == null || !knownKeyTasks.contains(draft.keyTask())) {
            errors.add(new Problem.FieldError("keyTask", "unknown key task '" + draft.keyTask() + "' (see GET /api/v1/key-tasks)"));
        }
        gradeProblem(draft.grade(), draft.majorCriterion(), knownCriteria)
                .ifPresent(message -> errors.add(new Problem.FieldError("majorCriterion", message)));
        if (draft.rectificationDays() < MIN_RECTIFICATION_DAYS || draft.rectificationDays() > MAX_RECTIFICATION_DAYS) {
            errors.add(new Problem.FieldError("rectificationDays", "must be between 1 and 365"));
        }
        return errors;
    }

    /** What is wrong with the grade/criterion pair, or empty when it is right. */
    public static Optional<String> gradeProblem(Grade grade, String majorCriterion, Set<String> knownCriteria) {
        if (grade == Grade.MAJOR) {
            if (majorCriterion == null || majorCriterion.isBlank()) {
                return Optional.of("is required when the grade is MAJOR (one of MHC-01 … MHC-20)");
            }
            if (!knownCriteria.contains(majorCriterion)) {
                return Optional.of("unknown major-hazard criterion '" + majorCriterion + "' (one of MHC-01 … MHC-20)");
            }
            return Optional.empty();
        }
        if (majorCriterion != null && !majorCriterion.isBlank()) {
            return Optional.of("must be empty when the grade is GENERAL (only a MAJOR finding meets a major-hazard criterion)");
        }
        return Optional.empty();
    }

    /**
     * The consent rule: evidence of a kind that needs the enterprise's consent is refused until that
     * consent is recorded for the inspection.
     *
     * @return the first missing consent, with the position of the evidence that needs it
     */
    public static Optional<MissingConsent> missingConsent(List<Evidence> evidence, Set<ConsentScope> granted) {
        for (int i = 0; i < evidence.size(); i++) {
            Optional<ConsentScope> needed = evidence.get(i).kind.requiredConsent();
            if (needed.isPresent() && !granted.contains(needed.get())) {
                return Optional.of(new MissingConsent(i, needed.get()));
            }
        }
        return Optional.empty();
    }

    /** Evidence at {@code index} needs consent {@code scope}, which the enterprise has not given (the service answers 409). */
    public record MissingConsent(int index, ConsentScope scope) {
    }
}
