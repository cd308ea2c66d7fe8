package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.demo.Poll.Outcome;

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

/**
 * The inspection round: the province's campaign, the centralised inspections scheduled by the county
 * regulators and carried out by the experts (with the enterprise's consent before control-system data is
 * taken, and the findings' evidence uploaded), and the hazards hazard-service makes of the confirmed findings.
 */
final class InspectionRound {

    /** One confirmed finding of this round: what the plan said, and where it was recorded. */
    record Recorded(UUID findingId, DemoPlan.Inspection inspection, DemoPlan.Finding finding) {
    }

    private final Actors actors;
    private final DemoEvidence evidenceFiles;
    private final Map<String, UUID> expertIds;
    private final DemoScenario.Say printer;
    /** Consents to control-system data confirmed by the enterprises, for the round's progress line. */
    private int consents;

    InspectionRound(Actors actors, DemoEvidence evidenceFiles, Map<String, UUID> expertIds, DemoScenario.Say printer) {
        this.actors = actors;
        this.evidenceFiles = evidenceFiles;
        this.expertIds = expertIds;
        this.printer = printer;
    }

    UUID createCampaign(DemoPlan plan) {
        JsonNode c = actors.inspection(actors.province()).post("/api/v1/campaigns", obj("name", plan.campaignName(), "year", DemoPlan.CAMPAIGN_YEAR,
                "countyCodes", DemoPlan.counties().stream().map(DemoPlan.County::code).toList(),
                "startsOn", plan.campaignStart().toString(), "endsOn", plan.campaignEnd().toString()));
        say("campaign \"%s\" (%s), guidance week of %s", plan.campaignName(), c.path("id").asText(), plan.weekStart());
        return UUID.fromString(c.path("id").asText());
    }

    List<Recorded> runInspections(DemoPlan plan, UUID campaignId) {
        List<Recorded> recorded = new ArrayList<>();
        boolean consentRuleShown = false;
        Map<String, int[]> perCounty = new LinkedHashMap<>();
        for (DemoPlan.Inspection i : plan.inspections()) {
            int[] tally = perCounty.computeIfAbsent(i.countyCode(), k -> new int[4]);
            List<String> expertSubjects = i.experts().stream().map(x -> DemoPlan.experts().get(x).subject()).toList();
            JsonNode scheduled = actors.inspection(actors.county(i.countyCode())).post("/api/v1/inspections", obj("campaignId", campaignId.toString(),
                    "enterpriseCreditCode", i.enterpriseCreditCode(), "expertIds", expertSubjects.stream().map(s -> expertIds.get(s).toString()).toList(),
                    "scheduledOn", i.scheduledOn().toString(), "mode", "CENTRALISED", "keyTasks", i.keyTasks()));
            String id = scheduled.path("id").asText();
            if (i.cancelled()) {
                actors.inspection(actors.county(i.countyCode())).post("/api/v1/inspections/" + id + "/cancel",
                        obj("reason", "企业停产检修，改期 / enterprise shut down for maintenance, visit moved to the next campaign"));
                tally[3]++;
                continue;
            }
            Api expert = actors.inspection(actors.expert(expertSubjects.get(0)));
            expert.post("/api/v1/inspections/" + id + "/start", null);
            if (i.needsControlSystemConsent()) {
                DemoPlan.Finding first = i.findings().stream().filter(DemoPlan.Finding::controlSystemEvidence).findFirst().orElseThrow();
                String shown = EnterpriseConsent.obtain(expert, actors.inspection(actors.enterprise(i.enterpriseCreditCode())), id,
                        consentRuleShown ? null : findingBody(expert, id, first));
                if (shown != null) {
                    say("%s", shown);
                    consentRuleShown = true;
                }
                consents++;
            }
            for (DemoPlan.Finding f : i.findings()) {
                JsonNode finding = expert.post("/api/v1/inspections/" + id + "/findings", findingBody(expert, id, f));
                recorded.add(new Recorded(UUID.fromString(finding.path("id").asText()), i, f));
                tally[1]++;
                tally[2] += f.major() ? 1 : 0;
            }
            expert.post("/api/v1/inspections/" + id + "/complete", obj("summary",
                    "夜间工作会已通报 / reported at the nightly debrief: " + i.findings().size() + " finding(s)"));
            tally[0]++;
        }
        for (Map.Entry<String, int[]> e : perCounty.entrySet()) {
            int[] t = e.getValue();
            DemoPlan.County c = DemoPlan.county(e.getKey());
            say("%-10s %-28s %s: %d inspection(s) completed%s, %d finding(s) (%d major)", c.code(), c.name(), plan.visitDay(c.code()),
                    t[0], t[3] > 0 ? ", " + t[3] + " cancelled" : "", t[1], t[2]);
        }
        Set<String> tasks = new TreeSet<>();
        plan.inspections().forEach(i -> tasks.addAll(i.keyTasks()));
        long major = recorded.stream().filter(r -> r.finding().major()).count();
        say("%d findings confirmed (%d major, with their MHC criteria), %d consents confirmed by the enterprises; key tasks covered: %s",
                recorded.size(), major, consents, tasks);
        return recorded;
    }

    private Map<String, Object> findingBody(Api expert, String inspectionId, DemoPlan.Finding f) {
        List<Map<String, Object>> evidence = evidenceFiles.forFinding(expert, inspectionId, f.keyTask(), f.controlSystemEvidence());
        return obj("keyTask", f.keyTask(), "grade", f.grade(), "majorCriterion", f.majorCriterion(), "description", f.description(),
                "location", f.location(), "recommendedMeasure", f.recommendedMeasure(), "rectificationDays", f.rectificationDays(),
                "evidence", evidence);
    }

    /** Each confirmed finding becomes a hazard in hazard-service (FindingConfirmed over Kafka). */
    Map<UUID, JsonNode> awaitHazardsFromFindings(List<Recorded> findings) {
        Api api = actors.hazard(actors.admin());
        Set<String> enterprises = new TreeSet<>();
        findings.forEach(r -> enterprises.add(r.inspection().enterpriseCreditCode()));
        long t0 = System.nanoTime();
        Map<UUID, JsonNode> byFinding = Poll.until("hazard-service creating a hazard for each of the " + findings.size()
                + " confirmed findings", Duration.ofSeconds(90), Duration.ofMillis(500), () -> {
            Map<UUID, JsonNode> found = new HashMap<>();
            for (String cc : enterprises) {
                for (JsonNode h : api.get("/api/v1/hazards?enterprise=" + cc + "&size=500").path("items")) {
                    if (h.hasNonNull("findingId")) {
                        found.put(UUID.fromString(h.path("findingId").asText()), h);
                    }
                }
            }
            long missing = findings.stream().filter(r -> !found.containsKey(r.findingId())).count();
            return missing == 0 ? Outcome.done(found) : Outcome.notYet(missing + " of " + findings.size() + " still missing");
        });
        say("%d hazards created by hazard-service from FindingConfirmed events (%.1f s after completion); major ones under listed supervision",
                findings.size(), (System.nanoTime() - t0) / 1e9);
        return byFinding;
    }

    private void say(String format, Object... args) {
        printer.say(format, args);
    }
}
