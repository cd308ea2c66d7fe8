package io.rectify.scenarios.data;

import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.inspection.EnterpriseRegistered;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A key county of generated data. Codes are synthetic ({@code prefix} + a number) so generated data never
 * collides with real counties or with another run that uses another prefix.
 */
public record SyntheticCounty(String code, String name, String city, String province) {

    /** Counties per generated city; cities are grouped ten to a province as well. */
    public static final int COUNTIES_PER_CITY = 10;

    /**
     * {@code n} counties {@code prefix0000}, {@code prefix0001}, …; the code must stay 6–12 characters of
     * 0-9 A-Z, so the prefix is 2–8 of them.
     */
    public static List<SyntheticCounty> of(String prefix, int n) {
        if (!prefix.matches("^[0-9A-Z]{2,8}$")) {
            throw new IllegalArgumentException("county prefix must be 2-8 characters 0-9 A-Z: " + prefix);
        }
        List<SyntheticCounty> counties = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int city = i / COUNTIES_PER_CITY;
            counties.add(new SyntheticCounty(prefix + String.format("%04d", i), "Bench county " + prefix + "-" + i,
                    "Bench city " + prefix + "-" + city, "Bench province " + prefix + "-" + city / COUNTIES_PER_CITY));
        }
        return counties;
    }

    /** What inspection-service would publish for this county. */
    public CountyRegistered registered(Instant at) {
        return new CountyRegistered(code, name, city, province, "KEY", "ACTIVE", at);
    }

    /**
     * Enterprises registered per generated county (hazard-service accepts reports only for registered
     * enterprises in their registered county): reports name {@code enterprise(0 … ENTERPRISES - 1)}.
     */
    public static final int ENTERPRISES = 100;

    /** What inspection-service would publish when the {@code index}-th enterprise of this county is registered. */
    public EnterpriseRegistered enterpriseRegistered(int index, Instant at) {
        return new EnterpriseRegistered(enterprise(index), "Bench enterprise " + code + "-" + index, code, null, false, null, at);
    }

    /** The {@code index}-th enterprise of this county: a valid unified social credit code, the same on every run. */
    public String enterprise(int index) {
        return CreditCodes.of(code, index);
    }
}
