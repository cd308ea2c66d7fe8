package io.rectify.contracts;

import java.util.regex.Pattern;

/**
 * A county code: the GB/T 2260 division code (six digits) or, for a chemical park or zone registered as
 * its own county, up to twelve uppercase letters or digits. Written once here; {@link ValidCountyCode}
 * is the same rule as a Bean Validation constraint.
 */
public final class CountyCode {

    public static final String REGEX = "^[0-9A-Z]{6,12}$";
    public static final String RULE = "must be 6 to 12 uppercase letters or digits (a GB/T 2260 division code)";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private CountyCode() {
    }

    /** {@link #REGEX} without a matcher: scoring checks it for every event it reads (CountyCodeTest compares the two). */
    public static boolean isValid(String code) {
        if (code == null || code.length() < 6 || code.length() > 12) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if ((c < '0' || c > '9') && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** The same rule by {@link #REGEX}, for the test that keeps {@link #isValid} equal to it. */
    static boolean matchesRegex(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
