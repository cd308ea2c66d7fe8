package io.rectify.reliability;

import io.rectify.contracts.CreditCode;
import io.rectify.scenarios.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's own counties (registered through inspection-service, so hazard-service and
 * scoring-service learn them from {@code inspection.events}), its enterprises, and webhook contacts for
 * every level of the chasing ladder pointing at the suite's receiver.
 */
public final class Fixture {

    public static final String SECRET = "reliability-webhook-secret-0123456789";

    private final List<String> counties = new ArrayList<>();
    private final List<String> enterprises = new ArrayList<>();
    private final Set<String> cities = new LinkedHashSet<>();
    private final String province;

    /** Codes like {@code RL1007}: the scenario's digit and an index, so scenarios never share a county. */
    public Fixture(int scenarioNumber, int countyCount, String runId) {
        province = "Reliability Province " + runId;
        for (int i = 0; i < countyCount; i++) {
            counties.add(String.format("RL%d%03d", scenarioNumber, i));
            cities.add("Reliability City " + scenarioNumber + "-" + (i % 3));
        }
        // as many enterprises in every county (at least ten in all); enterprise i is registered in county i % counties
        int count = countyCount * Math.max(1, 10 / countyCount);
        for (int i = 0; i < count; i++) {
            enterprises.add(CreditCode.complete(String.format("915100%02d%09d", scenarioNumber, i)));
        }
    }

    public List<String> counties() {
        return counties;
    }

    public List<String> enterprises() {
        return enterprises;
    }

    public String province() {
        return province;
    }

    public String cityOf(int i) {
        return new ArrayList<>(cities).get(i % cities.size());
    }

    public void register(Api inspection, Api notification, WebhookReceiver receiver, Evidence evidence) {
        for (int i = 0; i < counties.size(); i++) {
            inspection.post("/api/v1/counties", Map.of("code", counties.get(i), "name", "Reliability County " + counties.get(i),
                    "city", cityOf(i), "province", province, "tier", "LEAD", "status", "KEY"));
        }
        for (int i = 0; i < enterprises.size(); i++) {
            registerEnterprise(inspection, enterprises.get(i), countyOfEnterprise(i));
        }
        for (String e : enterprises) {
            contact(notification, receiver, "ENTERPRISE", e);
        }
        for (String c : counties) {
            contact(notification, receiver, "COUNTY", c);
        }
        for (String c : cities) {
            contact(notification, receiver, "CITY", c);
        }
        contact(notification, receiver, "PROVINCE", province);
        // hazard-service refuses reports for counties it has not heard of: wait for the CountyRegistered events
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (evidence.count("hazard-service", "select count(*) from county where code = any(?)",
                (Object) counties.toArray(String[]::new)) < counties.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("hazard-service did not learn the counties " + counties + " within 2 minutes");
            }
            sleep(500);
        }
        // and refuses reports naming an enterprise it has not heard of (EnterpriseRegistered), or another county
        while (evidence.count("hazard-service", "select count(*) from enterprise where credit_code = any(?)",
                (Object) enterprises.toArray(String[]::new)) < enterprises.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("hazard-service did not learn the enterprises of " + counties + " within 2 minutes");
            }
            sleep(500);
        }
    }

    /** The county enterprise {@code i} is registered in: a report names the two together (the registry rule). */
    public String countyOfEnterprise(int i) {
        return counties.get(i % counties.size());
    }

    private static void registerEnterprise(Api inspection, String creditCode, String county) {
        try {
            inspection.post("/api/v1/enterprises", Map.of("creditCode", creditCode, "name", "Reliability Enterprise " + creditCode,
                    "countyCode", county, "fineChemical", false));
        } catch (Api.ApiException e) {
            if (e.status() != 409) { // registered by an earlier run on the same stack
                throw e;
            }
        }
    }

    private static void contact(Api notification, WebhookReceiver receiver, String level, String ref) {
        notification.put("/api/v1/contacts/" + level + "/" + ref.replace(" ", "%20"),
                Map.of("name", level + " " + ref, "webhookUrl", receiver.url(level), "webhookSecret", SECRET));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
