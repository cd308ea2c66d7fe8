package io.rectify.scenarios.data;

import io.rectify.contracts.CreditCode;

/**
 * Valid unified social credit codes for generated enterprises: {@code 91} (enterprise), six digits of
 * the county (positions 3-8, where readers look for the region), nine characters numbering the
 * enterprise, and the check character.
 */
public final class CreditCodes {

    private CreditCodes() {
    }

    public static String of(String countyCode, int index) {
        String region = countyCode.matches("^[0-9]{6}$") ? countyCode
                : String.format("%06d", Math.floorMod(countyCode.hashCode(), 1_000_000));
        StringBuilder org = new StringBuilder(9);
        long v = Math.floorMod((long) index, (long) Math.pow(31, 9));
        for (int i = 0; i < 9; i++) {
            org.insert(0, CreditCode.CHARSET.charAt((int) (v % 31)));
            v /= 31;
        }
        return CreditCode.complete("91" + region + org);
    }
}
