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

    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
