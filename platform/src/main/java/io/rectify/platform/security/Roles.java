package io.rectify.platform.security;

/** The roles of domain.md, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String PROVINCE_REGULATOR = "PROVINCE_REGULATOR";
    public static final String CITY_REGULATOR = "CITY_REGULATOR";
    public static final String COUNTY_REGULATOR = "COUNTY_REGULATOR";
    public static final String EXPERT = "EXPERT";
    public static final String ENTERPRISE = "ENTERPRISE";
    public static final String AGENCY_SYSTEM = "AGENCY_SYSTEM";

    public static final String[] ALL = {ADMIN, PROVINCE_REGULATOR, CITY_REGULATOR, COUNTY_REGULATOR, EXPERT, ENTERPRISE, AGENCY_SYSTEM};

    private Roles() {
    }
}
