package io.rectify.scenarios.demo;

import io.rectify.scenarios.Api;
import io.rectify.scenarios.Tokens;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who does what in the demo, each with a token of its own role and scope (domain.md "Roles and data
 * scope"), and the four services' base URLs.
 */
final class Actors {

    private final Tokens tokens;
    private final String host;
    private final Map<String, String> minted = new ConcurrentHashMap<>();

    Actors(Tokens tokens, String host) {
        this.tokens = tokens;
        this.host = host;
    }

    String host() {
        return host;
    }

    String url(Service s) {
        return "http://" + host + ":" + s.port;
    }

    Api api(Service s, String token) {
        return new Api(url(s), token);
    }

    Api inspection(String token) {
        return api(Service.INSPECTION, token);
    }

    Api hazard(String token) {
        return api(Service.HAZARD, token);
    }

    Api scoring(String token) {
        return api(Service.SCORING, token);
    }

    Api notification(String token) {
        return api(Service.NOTIFICATION, token);
    }

    String admin() {
        return token("demo-admin", "ADMIN");
    }

    String province() {
        return token("demo-sichuan-regulator", "PROVINCE_REGULATOR", "province", DemoPlan.PROVINCE);
    }

    String city(String city) {
        return token("demo-city-regulator-" + slug(city), "CITY_REGULATOR", "province", DemoPlan.PROVINCE, "city", city);
    }

    String county(String code) {
        DemoPlan.County c = DemoPlan.county(code);
        return token("demo-county-regulator-" + code, "COUNTY_REGULATOR", "province", DemoPlan.PROVINCE, "city", c.city(), "county", code);
    }

    /** Experts are sent province-wide, but see and act on the enterprises they are assigned to (a province claim grants an expert nothing). */
    String expert(String subject) {
        return token(subject, "EXPERT", "province", DemoPlan.PROVINCE);
    }

    /** An expert on the county's team (the county claim): who scores the county on a key-work sheet. */
    String expertOfCounty(String subject, String county) {
        return token(subject, "EXPERT", "county", county);
    }

    String enterprise(String creditCode) {
        return token("enterprise-" + creditCode, "ENTERPRISE", "creditCode", creditCode);
    }

    private String token(String subject, String role, String... scope) {
        return minted.computeIfAbsent(role + "|" + subject + "|" + String.join("|", scope), k -> tokens.mint(subject, role, scope));
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    /** A JSON object without the null members (Map.of refuses nulls; the services treat absent as null). */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    enum Service {
        INSPECTION("inspection-service", 8081),
        HAZARD("hazard-service", 8082),
        SCORING("scoring-service", 8083),
        NOTIFICATION("notification-service", 8084);

        final String name;
        final int port;

        Service(String name, int port) {
            this.name = name;
            this.port = port;
        }
    }
}
