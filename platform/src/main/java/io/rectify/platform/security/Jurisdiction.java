package io.rectify.platform.security;

/** Where a record sits on the authority ladder: what a caller's scope is matched against. */
public record Jurisdiction(String province, String city, String countyCode, String creditCode) {

    public static Jurisdiction ofCounty(String province, String city, String countyCode) {
        return new Jurisdiction(province, city, countyCode, null);
    }

    public Jurisdiction ofEnterprise(String enterpriseCreditCode) {
        return new Jurisdiction(province, city, countyCode, enterpriseCreditCode);
    }
}
