package io.rectify.scoring.domain;

/** The deductions the calculator knows (scoring.md "Deductions"). */
public enum DeductionCode {
    /** Each major hazard overdue now. */
    OVERDUE_MAJOR,
    /** Each general hazard overdue now by more than the rubric's threshold (P30D in 2024.1). */
    LONG_OVERDUE_GENERAL;

    /** Whether the deduction is measured against a duration (and so needs {@code threshold}). */
    public boolean needsThreshold() {
        return this == LONG_OVERDUE_GENERAL;
    }

    public static boolean known(String code) {
        for (DeductionCode c : values()) {
            if (c.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
