package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.demo.Actors.Service;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.rectify.scenarios.demo.Actors.obj;

/**
 * The second yardstick and the experts' rules in the demo: the expert team scores two counties on the
 * scoring sheet (drafted by a member, submitted by the team lead), and an expert declares a conflict of
 * interest and is refused on that enterprise. {@link #printSummary} shows both yardsticks side by side.
 */
final class SheetAndConflictSteps {

    /** The two counties the team scores: Jiangyou strongly, Pengzhou partly. */
    static final List<String> COUNTIES = List.of(DemoPlan.DEBRIEF_COUNTY, "510182");
    static final String SHEET = "2024.1";

    private final Actors actors;
    private final Consumer<String> say;

    SheetAndConflictSteps(Actors actors, Consumer<String> say) {
        this.actors = actors;
        this.say = say;
    }

    /**
     * @param expertIds the demo's experts by account subject
     * @param hazards   the hazards of this round (as hazard-service answered), cited as evidence in their county
     */
    void play(DemoPlan plan, Map<String, UUID> expertIds, Iterable<JsonNode> hazards) {
        int period = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        DemoPlan.Expert lead = DemoPlan.experts().get(0);
        DemoPlan.Expert member = DemoPlan.experts().get(1);
        Map<String, List<String>> hazardsByCounty = new HashMap<>();
        hazards.forEach(h -> hazardsByCounty.computeIfAbsent(h.path("countyCode").asText(), k -> new ArrayList<>()).add(h.path("id").asText()));
        JsonNode sheet = actors.api(Service.SCORING, actors.province()).get("/api/v1/scoring-sheets/" + SHEET);
        List<String> scored = new ArrayList<>();
        for (int c = 0; c < COUNTIES.size(); c++) {
            String county = COUNTIES.get(c);
            List<Map<String, Object>> marks = marks(sheet, c == 0, hazardsByCounty.getOrDefault(county, List.of()));
            Api asMember = actors.api(Service.INSPECTION, actors.expertOfCounty(member.subject(), county));
            String base = "/api/v1/counties/" + county + "/sheet-assessments";
            JsonNode draft = asMember.post(base, obj("period", period, "sheetVersion", SHEET, "teamLeadId", expertIds.get(lead.subject()).toString(),
                    "marks", marks));
            actors.api(Service.INSPECTION, actors.expertOfCounty(lead.subject(), county)).post(base + "/" + draft.path("id").asText() + "/submit", null);
            scored.add(county);
        }
        say.accept(String.format("scoring sheet %s: the team drafted and its lead (%s) submitted the assessments of %s for %d",
                SHEET, lead.name(), scored, period));

        // impartial experts: a declared conflict keeps the expert off that enterprise
        DemoPlan.Expert declaring = DemoPlan.experts().get(2);
        DemoPlan.Enterprise enterprise = plan.enterprises().get(0);
        UUID declaringId = expertIds.get(declaring.subject());
        Api asDeclaring = actors.api(Service.INSPECTION, actors.expert(declaring.subject()));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        asDeclaring.post("/api/v1/experts/" + declaringId + "/conflicts", obj("creditCode", enterprise.creditCode(),
                "reason", "曾任该企业安全顾问 (former safety consultant of the enterprise)", "from", today.toString(),
                "to", today.plusYears(1).toString()));
        // the county's regulator schedules a visit there with that expert on the team: refused (409)
        Api asRegulator = actors.api(Service.INSPECTION, actors.county(enterprise.countyCode()));
        try {
            asRegulator.post("/api/v1/inspections", obj("enterpriseCreditCode", enterprise.creditCode(), "expertIds", List.of(declaringId.toString()),
                    "scheduledOn", today.plusDays(7).toString(), "mode", "CONTINUOUS_ASSISTANCE", "keyTasks", List.of("MAJOR_HAZARD_INSTALLATIONS")));
            say.accept("WARNING: scheduling an expert on an enterprise they declared a conflict with was accepted");
        } catch (Api.ApiException e) {
            say.accept(String.format("conflict of interest: %s declared one with %s; the county regulator's visit with them on the team "
                    + "was refused (%d %s)", declaring.name(), enterprise.creditCode(), e.status(), e.status() == 409 ? "Conflict" : "unexpected"));
        }
    }

    /** Every item: all met (or at target) for a strong county; a partial picture for the other. Evidence from the county's hazards. */
    private static List<Map<String, Object>> marks(JsonNode sheet, boolean strong, List<String> hazardIds) {
        List<Map<String, Object>> marks = new ArrayList<>();
        int i = 0;
        for (JsonNode section : sheet.path("sections")) {
            for (JsonNode item : section.path("items")) {
                Map<String, Object> mark = new HashMap<>();
                mark.put("itemId", item.path("id").asText());
                if ("COUNT".equals(item.path("judgedBy").asText())) {
                    int target = item.path("target").asInt();
                    mark.put("count", strong ? target : target / 2);
                } else {
                    mark.put("level", strong ? (i % 5 == 4 ? "PARTLY" : "MET") : List.of("MET", "PARTLY", "NOT_MET").get(i % 3));
                }
                if (item.path("evidenceRequired").asBoolean()) {
                    mark.put("hazardIds", hazardIds.isEmpty() ? List.of() : List.of(hazardIds.get(i % hazardIds.size())));
                    if (hazardIds.isEmpty()) {
                        mark.put("evidenceFileIds", List.of(UUID.nameUUIDFromBytes(("demo-evidence-" + item.path("id").asText()).getBytes()).toString()));
                    }
                }
                marks.add(mark);
                i++;
            }
        }
        return marks;
    }

    /** Both yardsticks side by side, as scoring-service answers (rankings by sheet, each county's index beside it). */
    static void printSummary(Actors actors, PrintStream out, int period) {
        Api scoring = actors.api(Service.SCORING, actors.province());
        String path = "/api/v1/rankings?period=" + period + "&by=sheet&size=500";
        JsonNode ranking = scoring.get(path);
        out.printf("Both yardsticks (scoring-service GET %s): scoring-sheet score beside the composite index%n", path);
        out.printf("%4s  %-10s %-30s %10s %8s%n", "rank", "county", "name", "sheet", "index");
        for (JsonNode e : ranking.path("items")) {
            if (e.path("sheetScore").isNull() || e.path("sheetScore").isMissingNode()) {
                continue;
            }
            out.printf("%4s  %-10s %-30s %10s %8s%n", e.path("rank").asText("-"), e.path("countyCode").asText(),
                    DemoScenario.shorten(e.path("countyName").asText(), 30), e.path("sheetScore").asText(),
                    e.path("index").isNull() ? "-" : e.path("index").asText());
        }
        out.println();
    }
}
