package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scope rule (issue 12, point 1) in inspection-service, on the real PostgreSQL: for every role ×
 * jurisdiction of the table and every resource (inspections, enterprises, counties), the search filter
 * returns exactly the rows the single-resource check allows; for inspections and enterprises both are
 * the rows the table expects. The map: province P1 with city C1 (K1, K2) and C2 (K3); province P2 with
 * a city named like C1 (K4); enterprise En and inspection In in county Kn.
 */
@QuarkusTest
class ScopeTableTest {

    private record Row(String caller, String bearer, Set<String> expected) {
    }

    private record Resource(String name, String single, String list, Map<String, String> rows) {
    }

    @Test
    void theSearchFilterReturnsExactlyTheRowsTheSingleResourceCheckAllows() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String p1 = "P1-" + run, p2 = "P2-" + run, c1 = "C1-" + run, c2 = "C2-" + run;
        List<String> counties = List.of(county(c1, p1), county(c1, p1), county(c2, p1), county(c1, p2));
        InspectionFixtures.Expert onE2 = InspectionFixtures.expert();
        InspectionFixtures.Expert onE4 = InspectionFixtures.expert();
        InspectionFixtures.Expert nowhere = InspectionFixtures.expert();
        Map<String, String> enterprises = new LinkedHashMap<>();
        Map<String, String> inspections = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            String e = InspectionFixtures.enterprise(counties.get(i));
            enterprises.put(label(i), e);
            InspectionFixtures.Expert on = i == 1 ? onE2 : i == 3 ? onE4 : nowhere;
            inspections.put(label(i), InspectionFixtures.schedule(e, on, LocalDate.of(2024, 4, 11)));
        }
        // a cancelled visit assigns nobody: nowhere's inspections of E1 and E3 are called off
        InspectionFixtures.action(inspections.get("1"), "cancel", ADMIN).statusCode(200);
        InspectionFixtures.action(inspections.get("3"), "cancel", ADMIN).statusCode(200);
        Map<String, String> countyRows = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            countyRows.put(label(i), counties.get(i));
        }

        List<Row> table = List.of(
                row("ADMIN", ADMIN, "1", "2", "3", "4"),
                row("AGENCY_SYSTEM", TestTokens.bearer("AGENCY_SYSTEM"), "1", "2", "3", "4"),
                row("PROVINCE_REGULATOR P1", TestTokens.bearer("PROVINCE_REGULATOR", "province", p1), "1", "2", "3"),
                row("PROVINCE_REGULATOR without province", TestTokens.bearer("PROVINCE_REGULATOR")),
                row("CITY_REGULATOR C1 in P1", TestTokens.bearer("CITY_REGULATOR", "city", c1, "province", p1), "1", "2"),
                row("CITY_REGULATOR C1 without province", TestTokens.bearer("CITY_REGULATOR", "city", c1), "1", "2", "4"),
                row("CITY_REGULATOR C2 in P2", TestTokens.bearer("CITY_REGULATOR", "city", c2, "province", p2)),
                row("COUNTY_REGULATOR K3", TestTokens.bearer("COUNTY_REGULATOR", "county", counties.get(2)), "3"),
                row("EXPERT on E2", onE2.bearer(), "2"),
                row("EXPERT on E4, county K1", "Bearer " + TestTokens.builder(onE4.subject(), "EXPERT", "county", counties.get(0)).sign(), "1", "4"),
                row("EXPERT whose visits were called off", nowhere.bearer()),
                row("EXPERT without an account, province P1", TestTokens.bearer("EXPERT", "province", p1)),
                row("ENTERPRISE E1", InspectionFixtures.enterpriseToken(enterprises.get("1")), "1"),
                row("ENTERPRISE unregistered", InspectionFixtures.enterpriseToken(InspectionFixtures.newCreditCode())),
                row("COUNTY_REGULATOR K2 + ENTERPRISE E4", "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject("two-roles")
                        .groups(Set.of("COUNTY_REGULATOR", "ENTERPRISE")).claim("county", counties.get(1))
                        .claim("creditCode", enterprises.get("4")).expiresIn(3600).sign(), "2", "4"));

        List<Resource> resources = List.of(
                new Resource("inspections", "/api/v1/inspections/", "/api/v1/inspections", inspections),
                new Resource("enterprises", "/api/v1/enterprises/", "/api/v1/enterprises", enterprises),
                new Resource("counties", "/api/v1/counties/", "/api/v1/counties", countyRows));
        int checks = 0;
        for (Resource resource : resources) {
            for (Row row : table) {
                Set<String> single = new TreeSet<>();
                List<Integer> statuses = new ArrayList<>();
                for (Map.Entry<String, String> r : resource.rows().entrySet()) {
                    int status = as(row.bearer()).get(resource.single() + r.getValue()).statusCode();
                    statuses.add(status);
                    if (status == 200) {
                        single.add(r.getKey());
                    }
                    checks++;
                }
                int listStatus = as(row.bearer()).queryParam("size", 500).get(resource.list()).statusCode();
                checks++;
                if (listStatus == 403) { // the role may not read this resource at all: neither form answers
                    assertThat(statuses).as(row.caller() + " " + resource.name()).containsOnly(403);
                    continue;
                }
                assertThat(statuses).as(row.caller() + " " + resource.name()).allMatch(s -> s == 200 || s == 404);
                Set<String> searched = new TreeSet<>();
                boolean byProvince = resource.name().equals("counties"); // GET /counties filters by province only
                for (String place : byProvince ? List.of(p1, p2) : counties) {
                    List<String> ids = as(row.bearer()).queryParam(byProvince ? "province" : "county", place).queryParam("size", 500)
                            .get(resource.list()).then().statusCode(200).extract().jsonPath().getList("items." + idField(resource), String.class);
                    resource.rows().forEach((label, id) -> {
                        if (ids.contains(id)) {
                            searched.add(label);
                        }
                    });
                    checks++;
                }
                assertThat(searched).as(row.caller() + ": " + resource.name() + " search filter vs single-resource check").isEqualTo(single);
                if (!resource.name().equals("counties")) {
                    assertThat(single).as(row.caller() + ": " + resource.name() + " the table").isEqualTo(row.expected());
                }
            }
        }
        System.out.printf("scope table (inspection-service): %d callers x %d resources x 4 rows, %d requests, search == single for every row%n",
                table.size(), resources.size(), checks);
    }

    private static String idField(Resource resource) {
        return switch (resource.name()) {
            case "inspections" -> "id";
            case "enterprises" -> "creditCode";
            default -> "code";
        };
    }

    private static String county(String city, String province) {
        String code = InspectionFixtures.newCountyCode();
        Map<String, Object> body = InspectionFixtures.countyBody(code, city, "LEAD");
        body.put("province", province);
        as(ADMIN).body(body).post("/api/v1/counties").then().statusCode(201);
        return code;
    }

    private static String label(int i) {
        return String.valueOf(i + 1);
    }

    private static Row row(String caller, String bearer, String... expected) {
        return new Row(caller, bearer, new TreeSet<>(List.of(expected)));
    }
}
