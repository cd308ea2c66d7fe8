package io.rectify.scoring.service;

/**
 * A county whose index may have moved after a fact changed.
 *
 * @param period the period touched, or {@code null} for every period of the county (registrations
 *               change E, which every period shares)
 */
public record Affected(String countyCode, Integer period) {

    public static Affected allPeriods(String countyCode) {
        return new Affected(countyCode, null);
    }
}
