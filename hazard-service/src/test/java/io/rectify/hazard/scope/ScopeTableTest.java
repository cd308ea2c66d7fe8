package io.rectify.hazard.scope;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.rectify.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.agency;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.expertAccount;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scope rule (issue 12, point 1), proved on the real PostgreSQL: for every role × jurisdiction in
 * the table and every hazard of a small map of places, the search filter (SQL, {@code GET /hazards})
 * returns exactly the hazards the single-resource check ({@code GET /hazards/{id}}, and its history)
 * allows — and both are the rows the table expects, so an everything-404 would not pass.
 * <p>
 * The map: province P1 with city C1 (counties K1, K2) and city C2 (K3); province P2 with a city of the
 * same name as C1 (K4), so a city grant must also match the province when the token names one.
 * One enterprise E1..E4 per county, one hazard H1..H4 of each.
 */
@QuarkusTest
class ScopeTableTest extends HazardTestBase {

    private record Row(String caller, String bearer, Set<String> expected) {
    }

    @Test
    void theSearchFilterReturnsExactlyTheRowsTheSingleResourceCheckAllows() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String p1 = "P1-" + run, p2 = "P2-" + run, c1 = "C1-" + run, c2 = "C2-" + run;
        Place k1 = place("A", run, c1, p1), k2 = place("B", run, c1, p1), k3 = place("C", run, c2, p1), k4 = place("D", run, c1, p2);
        List<Place> places = List.of(k1, k2, k3, k4);
        Map<String, String> hazards = new LinkedHashMap<>(); // label -> id
        List<String> enterprises = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            String e = newEnterprise(places.get(i));
            enterprises.add(e);
            hazards.put("H" + (i + 1), reportGeneral(places.get(i), e));
        }
        String assignedToE2 = "expert-" + UUID.randomUUID();
        assignExpert(assignedToE2, enterprises.get(1), k2);
        String assignedToE4 = "expert-" + UUID.randomUUID();
        assignExpert(assignedToE4, enterprises.get(3), k4);

        List<Row> table = List.of(
                row("ADMIN", admin(), "H1", "H2", "H3", "H4"),
                row("AGENCY_SYSTEM", agency(), "H1", "H2", "H3", "H4"),
                row("PROVINCE_REGULATOR P1", TestTokens.bearer("PROVINCE_REGULATOR", "province", p1), "H1", "H2", "H3"),
                row("PROVINCE_REGULATOR P2", TestTokens.bearer("PROVINCE_REGULATOR", "province", p2), "H4"),
                row("PROVINCE_REGULATOR without province", TestTokens.bearer("PROVINCE_REGULATOR")),
                row("CITY_REGULATOR C1 in P1", TestTokens.bearer("CITY_REGULATOR", "city", c1, "province", p1), "H1", "H2"),
                row("CITY_REGULATOR C1 without province", TestTokens.bearer("CITY_REGULATOR", "city", c1), "H1", "H2", "H4"),
                row("CITY_REGULATOR C2 in P1", TestTokens.bearer("CITY_REGULATOR", "city", c2, "province", p1), "H3"),
                row("CITY_REGULATOR C2 in P2", TestTokens.bearer("CITY_REGULATOR", "city", c2, "province", p2)),
                row("CITY_REGULATOR without city", TestTokens.bearer("CITY_REGULATOR", "province", p1)),
                row("COUNTY_REGULATOR K1", countyRegulator(k1), "H1"),
                row("COUNTY_REGULATOR K4", countyRegulator(k4), "H4"),
                row("COUNTY_REGULATOR without county", TestTokens.bearer("COUNTY_REGULATOR", "province", p1, "city", c1)),
                row("EXPERT unassigned, no claims", expertAccount("expert-" + UUID.randomUUID())),
                row("EXPERT unassigned, province P1", TestTokens.bearer("EXPERT", "province", p1)),
                row("EXPERT county K3", TestTokens.bearer("EXPERT", "county", k3.county()), "H3"),
                row("EXPERT assigned to E2", expertAccount(assignedToE2), "H2"),
                row("EXPERT assigned to E4, county K1", "Bearer " + TestTokens.builder(assignedToE4, "EXPERT", "county", k1.county()).sign(),
                        "H1", "H4"),
                row("ENTERPRISE E1", enterprise(enterprises.get(0)), "H1"),
                row("ENTERPRISE E3", enterprise(enterprises.get(2)), "H3"),
                row("ENTERPRISE unregistered", enterprise(newCreditCode())),
                row("ENTERPRISE without creditCode", TestTokens.bearer("ENTERPRISE")),
                row("COUNTY_REGULATOR K2 + ENTERPRISE E4", "Bearer " + io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER)
                        .subject("two-roles").groups(Set.of("COUNTY_REGULATOR", "ENTERPRISE"))
                        .claim("county", k2.county()).claim("creditCode", enterprises.get(3)).expiresIn(3600).sign(), "H2", "H4"));

        int checks = 0;
        for (Row row : table) {
            Set<String> single = new TreeSet<>();
            Set<String> history = new TreeSet<>();
            for (Map.Entry<String, String> h : hazards.entrySet()) {
                int status = given(row.bearer()).get(HAZARDS + "/" + h.getValue()).statusCode();
                assertThat(status).as(row.caller() + " GET " + h.getKey()).isIn(200, 404);
                if (status == 200) {
                    single.add(h.getKey());
                }
                if (given(row.bearer()).get(HAZARDS + "/" + h.getValue() + "/history").statusCode() == 200) {
                    history.add(h.getKey());
                }
                checks += 2;
            }
            Set<String> searched = new TreeSet<>();
            for (Place p : places) {
                List<String> ids = given(row.bearer()).queryParam("county", p.county()).queryParam("size", 100).get(HAZARDS)
                        .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
                hazards.forEach((label, id) -> {
                    if (ids.contains(id)) {
                        searched.add(label);
                    }
                });
                checks++;
            }
            assertThat(searched).as(row.caller() + ": search filter vs single-resource check").isEqualTo(single);
            assertThat(history).as(row.caller() + ": history vs single-resource check").isEqualTo(single);
            assertThat(single).as(row.caller() + ": the table").isEqualTo(row.expected());
        }
        System.out.printf("scope table: %d callers x %d hazards, %d requests, search == single-resource check for every row%n",
                table.size(), hazards.size(), checks);
    }

    private Place place(String letter, String run, String city, String province) {
        Place p = new Place("S" + letter + run, city, province);
        registerCounty(p);
        return p;
    }

    private static Row row(String caller, String bearer, String... expected) {
        return new Row(caller, bearer, new TreeSet<>(List.of(expected)));
    }
}
