package io.rectify.contracts;

import java.util.Optional;

/**
 * The 18-character unified social credit code (GB 32100-2015) that identifies an enterprise. The 18th
 * character is a check character over the first 17, so a mistyped code is caught at the door.
 */
public final class CreditCode {

    /** The 31 characters of the code, in value order (no I, O, Z, S, V). */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' at position " + (i + 1) + " is not allowed");
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - (sum % 31);
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** Completes 17 characters into a valid code (for demo and test data). */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }

    /** What is wrong with a code, or empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character '" + code.charAt(i) + "' at position " + (i + 1)
                        + " is not allowed (allowed: 0-9 and A-H J-N P Q R T U W X Y)");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("check character is '" + code.charAt(17) + "' but should be '" + expected + "'");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }
}
