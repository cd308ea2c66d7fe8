package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.Api.ApiException;
import io.rectify.scenarios.demo.Actors.Service;
import io.rectify.scenarios.demo.Poll.Outcome;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.rectify.scenarios.demo.Actors.obj;
import static io.rectify.scenarios.demo.DemoScenario.pathSegment;

/**
 * The demo's set-up: the services are up, which rounds were played already, and the reference data every
 * round needs — the key counties, the expert team, this round's enterprises and the authority ladder's
 * contacts — each registered by the role that does it in real life, and known downstream before use.
 */
final class DemoSetup {

    private final Actors actors;
    private final DemoOptions options;
    private final DemoScenario.Say printer;

    /** The demo's experts by account subject, as registered (or found) in inspection-service. */
    private final Map<String, UUID> expertIds = new HashMap<>();

    DemoSetup(Actors actors, DemoOptions options, DemoScenario.Say printer) {
        this.actors = actors;
        this.options = options;
        this.printer = printer;
    }

    Map<String, UUID> expertIds() {
        return expertIds;
    }

    void checkHealth() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        List<String> down = new ArrayList<>();
        for (Service s : Service.values()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(actors.url(s) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    down.add(s.name + " (health " + r.statusCode() + ")");
                }
            } catch (Exception e) {
                down.add(s.name + " (" + actors.url(s) + " not answering)");
            }
        }
        if (!down.isEmpty()) {
            throw new DemoFailure("not ready: " + String.join(", ", down) + " — start the system with `deploy/local/rectify up`");
        }
        say("all four services ready on %s", actors.host());
    }

    List<Integer> playedRounds() {
        JsonNode page = actors.inspection(actors.admin()).get("/api/v1/campaigns?year=" + DemoPlan.CAMPAIGN_YEAR + "&size=500");
        List<Integer> rounds = new ArrayList<>();
        for (JsonNode c : page.path("items")) {
            String name = c.path("name").asText("");
            if (name.startsWith(DemoPlan.CAMPAIGN_PREFIX) && name.endsWith(")")) {
                try {
                    rounds.add(Integer.parseInt(name.substring(DemoPlan.CAMPAIGN_PREFIX.length(), name.length() - 1)));
                } catch (NumberFormatException ignored) {
                    // a campaign someone else named like ours: not a round
                }
            }
        }
        rounds.sort(Integer::compare);
        return rounds;
    }

    /** Counties are the same in every round: registered once, corrected if someone changed them. */
    void registerCounties() {
        Api api = actors.inspection(actors.province());
        int created = 0;
        int corrected = 0;
        for (DemoPlan.County c : DemoPlan.counties()) {
            Map<String, Object> body = obj("code", c.code(), "name", c.name(), "city", c.city(), "province", DemoPlan.PROVINCE,
                    "tier", c.tier(), "status", "KEY");
            try {
                api.post("/api/v1/counties", body);
                created++;
            } catch (ApiException e) {
                if (e.status() != 409) {
                    throw e;
                }
                JsonNode existing = actors.inspection(actors.admin()).get("/api/v1/counties/" + c.code());
                if (!existing.path("name").asText().equals(c.name()) || !existing.path("city").asText().equals(c.city())
                        || !existing.path("province").asText().equals(DemoPlan.PROVINCE)) {
                    Map<String, Object> change = new LinkedHashMap<>(body);
                    change.put("status", existing.path("status").asText("KEY"));
                    actors.inspection(actors.admin()).put("/api/v1/counties/" + c.code(), change);
                    corrected++;
                }
            }
        }
        say("%d key counties registered (%d new, %d already there%s), incl. 510781 江油市 Jiangyou and %s 广安经开区",
                DemoPlan.counties().size(), created, DemoPlan.counties().size() - created,
                corrected > 0 ? ", " + corrected + " corrected" : "", DemoPlan.GUANGAN_ZONE);
    }

    void registerExperts() {
        JsonNode page = actors.inspection(actors.admin()).get("/api/v1/experts?size=500");
        for (JsonNode e : page.path("items")) {
            if (!e.path("subject").isNull() && !e.path("subject").asText("").isEmpty()) {
                expertIds.putIfAbsent(e.path("subject").asText(), UUID.fromString(e.path("id").asText()));
            }
        }
        int created = 0;
        for (DemoPlan.Expert x : DemoPlan.experts()) {
            if (!expertIds.containsKey(x.subject())) {
                JsonNode e = actors.inspection(actors.province()).post("/api/v1/experts",
                        obj("name", x.name(), "specialties", x.specialties(), "subject", x.subject()));
                expertIds.put(x.subject(), UUID.fromString(e.path("id").asText()));
                created++;
            }
        }
        say("expert team of %d (%d new): %s", DemoPlan.experts().size(), created,
                String.join(", ", DemoPlan.experts().stream().map(DemoPlan.Expert::name).toList()));
    }

    void registerEnterprises(DemoPlan plan) {
        int created = 0;
        for (DemoPlan.Enterprise e : plan.enterprises()) {
            try {
                actors.inspection(actors.county(e.countyCode())).post("/api/v1/enterprises", obj("creditCode", e.creditCode(),
                        "name", e.name(), "countyCode", e.countyCode(), "parkName", e.parkName(), "fineChemical", e.fineChemical(),
                        "majorHazardInstallationGrade", e.majorHazardInstallationGrade()));
                created++;
            } catch (ApiException ex) {
                if (ex.status() != 409) {
                    throw ex;
                }
            }
        }
        say("%d enterprises registered by their county regulators (%d new), credit codes e.g. %s",
                plan.enterprises().size(), created, plan.enterprises().get(0).creditCode());
    }

    /**
     * The authority ladder's contacts, each registered by the regulator of that level. Every contact gets a
     * signed webhook to the local receiver, and an email to the SMTP sink when the demo runs one.
     */
    void registerContacts(DemoPlan plan) {
        String hooks = options.webhookBaseUrl();
        putContact(actors.province(), "PROVINCE", DemoPlan.PROVINCE, "四川省应急管理厅 Sichuan Emergency Management Department", hooks);
        Set<String> cities = new TreeSet<>();
        for (DemoPlan.County c : DemoPlan.counties()) {
            cities.add(c.city());
            putContact(actors.county(c.code()), "COUNTY", c.code(), c.nameZh() + "应急管理局 " + c.nameEn() + " emergency management bureau", hooks);
        }
        for (String city : cities) {
            putContact(actors.city(city), "CITY", city, city + " municipal emergency management bureau", hooks);
        }
        for (DemoPlan.Enterprise e : plan.enterprises()) {
            // notification-service places an enterprise's contact in the county EnterpriseRegistered names (the
            // economic zone's enterprises too, whatever their credit codes' digits say): wait until it knows it
            Poll.until("notification-service learning enterprise " + e.creditCode() + " from inspection.events", Duration.ofSeconds(60),
                    Duration.ofMillis(500), () -> {
                        try {
                            putContact(actors.county(e.countyCode()), "ENTERPRISE", e.creditCode(), e.name() + " safety officer", hooks);
                            return Outcome.done(true);
                        } catch (ApiException ex) {
                            if (ex.status() != 404) {
                                throw ex;
                            }
                            return Outcome.notYet("enterprise " + e.creditCode() + " not in its registry yet");
                        }
                    });
        }
        say("contacts: 1 province, %d cities, %d counties, %d enterprises -> signed webhooks to %s%s",
                cities.size(), DemoPlan.counties().size(), plan.enterprises().size(), hooks,
                options.email() ? " and email to the SMTP sink" : "");
    }

    private void putContact(String token, String level, String ref, String name, String hooks) {
        String webhook = hooks + "/" + level.toLowerCase() + "/" + pathSegment(ref);
        String email = options.email() ? level.toLowerCase() + "-" + Actors.slug(ref) + "@demo.rectify.local" : null;
        actors.notification(token).put("/api/v1/contacts/" + level + "/" + pathSegment(ref),
                obj("name", name, "email", email, "webhookUrl", webhook, "webhookSecret", options.webhookSecret()));
    }

    /** hazard-service learns counties from CountyRegistered events; a regulator's report needs its county known. */
    void awaitCountiesInHazardService() {
        Api api = actors.hazard(actors.admin());
        Poll.until("hazard-service learning the demo counties from inspection.events", Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
            for (DemoPlan.County c : DemoPlan.counties()) {
                try {
                    JsonNode s = api.get("/api/v1/counties/" + c.code() + "/hazard-summary");
                    if (s.path("countyName").isNull() || s.path("countyName").isMissingNode()) {
                        return Outcome.notYet("county " + c.code() + " not known yet");
                    }
                } catch (ApiException e) {
                    if (e.status() == 404) {
                        return Outcome.notYet("county " + c.code() + " not known yet");
                    }
                    throw e;
                }
            }
            return Outcome.done(true);
        });
    }

    private void say(String format, Object... args) {
        printer.say(format, args);
    }
}
