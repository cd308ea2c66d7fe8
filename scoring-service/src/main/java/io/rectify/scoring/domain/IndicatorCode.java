package io.rectify.scoring.domain;

/** The indicators the calculator knows (scoring.md "Indicators"); a rubric may weight any subset of them. */
public enum IndicatorCode {
    /** |I| / |E|: registered enterprises inspected in the period. */
    COVERAGE,
    /** |S| / |D|: due-or-closed hazards that are signed off. */
    RECTIFICATION_RATE,
    /** |T| / |S|: signed-off hazards whose accepted rectification came in by the due date in force. */
    ON_TIME_RATE,
    /** |MS| / |M|: due-or-closed major hazards that are signed off. */
    MAJOR_CLOSURE_RATE,
    /** 1 − |R| / |H|: hazards never reopened. */
    REPEAT_FREE_RATE;

    public static boolean known(String code) {
        for (IndicatorCode c : values()) {
            if (c.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
