package io.rectify.platform.testing.reliability;

import io.rectify.platform.testing.TestTokens;

import java.util.List;

/**
 * A bearer token for each role of domain.md with a plausible scope (Sichuan / Mianyang / county
 * 510781, one enterprise), and the defective tokens every /api operation must answer with 401.
 */
public final class RoleTokens {

    public static final List<String> ROLES = List.of("ADMIN", "PROVINCE_REGULATOR", "CITY_REGULATOR", "COUNTY_REGULATOR",
            "EXPERT", "ENTERPRISE", "AGENCY_SYSTEM");

    public record BadToken(String kind, String authorization) {
    }

    private RoleTokens() {
    }

    public static String bearer(String role) {
        return switch (role) {
            case "PROVINCE_REGULATOR" -> TestTokens.bearer(role, "province", "Sichuan");
            case "CITY_REGULATOR" -> TestTokens.bearer(role, "province", "Sichuan", "city", "Mianyang");
            case "COUNTY_REGULATOR" -> TestTokens.bearer(role, "province", "Sichuan", "city", "Mianyang", "county", "510781");
            case "EXPERT" -> TestTokens.bearer(role, "province", "Sichuan");
            case "ENTERPRISE" -> TestTokens.bearer(role, "creditCode", SchemaValues.VALID_CREDIT_CODE);
            default -> TestTokens.bearer(role);
        };
    }

    /** No token, garbage, a tampered signature, alg=none, a stranger's key, expired, another issuer, another scheme. */
    public static List<BadToken> badTokens() {
        return List.of(
                new BadToken("no token", null),
                new BadToken("not a JWT", "Bearer not-a-jwt"),
                new BadToken("empty bearer", "Bearer "),
                new BadToken("forged signature", "Bearer " + TestTokens.tamperedSignature("ADMIN")),
                new BadToken("alg none", "Bearer " + TestTokens.unsigned("ADMIN")),
                new BadToken("signed by another key", "Bearer " + TestTokens.signedByStranger("ADMIN")),
                new BadToken("expired", "Bearer " + TestTokens.expired("ADMIN")),
                new BadToken("wrong issuer", "Bearer " + TestTokens.wrongIssuer("ADMIN")),
                new BadToken("basic auth", "Basic YWRtaW46YWRtaW4="));
    }
}
