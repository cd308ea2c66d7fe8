package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.demo.Poll.Outcome;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo: the 2024 Sichuan expert guidance service for hazardous-chemicals key counties, played against
 * the running services through their public REST APIs only, each step with the token of the role that does
 * it in real life. See {@link DemoPlan} for the data and {@link DemoCommand} for the options.
 *
 * <p>Re-running: the demo campaign of each round is the marker. With {@link Mode#IF_ABSENT} (what
 * {@code deploy/local/rectify up} uses) a system that already holds a demo round only gets the summary
 * printed again; {@link Mode#NEW_ROUND} ({@code deploy/local/rectify demo}) plays a further round with new
 * enterprises, inspections and hazards in the same counties.
 *
 * <p>This class plays the steps in order; they are {@link DemoSetup} (services, rounds, counties, experts,
 * enterprises, contacts), {@link ChaseWatch} (hazards due in a minute and their chase ladder),
 * {@link InspectionRound} (campaign, inspections, consent, findings, hazards), {@link RectificationSteps}
 * (plans, evidence, verification, sign-off), {@link SheetAndConflictSteps} and {@link ChasingShowcase}.
 */
public final class DemoScenario {

    public enum Mode { IF_ABSENT, NEW_ROUND, SUMMARY_ONLY }

    /** Plan deadlines and due dates are calendar days in the agencies' zone (hazard-service's default). */
    static final ZoneId AGENCY_ZONE = ZoneId.of("Asia/Shanghai");

    /** How the steps print a progress line: {@code [demo   12.3s] ...}, timed from the start of the demo. */
    @FunctionalInterface
    interface Say {
        void say(String format, Object... args);
    }

    private final Actors actors;
    private final DemoOptions options;
    private final PrintStream out;
    private final long startedNanos = System.nanoTime();

    private final DemoEvidence evidenceFiles = new DemoEvidence(AGENCY_ZONE, line -> say("%s", line));

    public DemoScenario(Actors actors, DemoOptions options, PrintStream out) {
        this.actors = actors;
        this.options = options;
        this.out = out;
    }

    public void run() {
        DemoSetup setup = new DemoSetup(actors, options, this::say);
        setup.checkHealth();
        List<Integer> rounds = setup.playedRounds();
        int lastRound = rounds.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (options.mode() == Mode.SUMMARY_ONLY || (options.mode() == Mode.IF_ABSENT && lastRound > 0)) {
            if (lastRound == 0) {
                throw new DemoFailure("no demo data on this system yet: run `deploy/local/rectify demo` to play the demo");
            }
            say("demo data already there (round%s %s): not played again; `deploy/local/rectify demo` plays a new round",
                    rounds.size() == 1 ? "" : "s", rounds);
            new DemoSummary(actors, options, out).print(DemoPlan.round(lastRound));
            return;
        }
        DemoPlan plan = DemoPlan.round(lastRound + 1);
        say("playing round %d of the 2024 Sichuan expert guidance service: %d key counties, %d enterprises, %d inspections",
                plan.round(), DemoPlan.counties().size(), plan.enterprises().size(), plan.inspections().size());

        setup.registerCounties();
        setup.registerExperts();
        setup.registerEnterprises(plan);
        setup.registerContacts(plan);
        ChasingShowcase showcase = new ChasingShowcase(actors, options, out);
        showcase.chooseDigest(plan);
        setup.awaitCountiesInHazardService();
        RectificationSteps rectification = new RectificationSteps(actors, evidenceFiles, this::say);
        ChaseWatch chase = new ChaseWatch(actors, options, rectification, this::say);
        List<JsonNode> nearDue = chase.reportNearDueHazards(plan, showcase.nearDueAt());
        InspectionRound inspections = new InspectionRound(actors, evidenceFiles, setup.expertIds(), this::say);
        UUID campaignId = inspections.createCampaign(plan);
        List<InspectionRound.Recorded> findings = inspections.runInspections(plan, campaignId);
        Map<UUID, JsonNode> hazards = inspections.awaitHazardsFromFindings(findings);
        rectification.rectify(findings, hazards);
        new SheetAndConflictSteps(actors, line -> say("%s", line)).play(plan, setup.expertIds(), hazards.values());
        chase.watchChasing(nearDue);
        showcase.show(nearDue);
        awaitScoring();
        say("round %d played in %d s", plan.round(), elapsedSeconds());
        new DemoSummary(actors, options, out).print(plan);
    }

    /**
     * scoring-service recomputes on events and on its tick; before printing, wait until every demo county's
     * index counts what hazard-service counts (overdue majors, signed off, all hazards), so the summary and a
     * later look at the APIs agree. A mismatch left after the wait is reported, not hidden.
     */
    private void awaitScoring() {
        Api hazardApi = actors.hazard(actors.admin());
        Api scoringApi = actors.scoring(actors.admin());
        try {
            Poll.until("scoring-service catching up with hazard-service", options.scoringTimeout(), Duration.ofSeconds(1), () -> {
                List<String> behind = new ArrayList<>();
                for (DemoPlan.County c : DemoPlan.counties()) {
                    JsonNode s = hazardApi.get("/api/v1/counties/" + c.code() + "/hazard-summary");
                    JsonNode idx = scoringApi.get("/api/v1/counties/" + c.code() + "/index");
                    long overdueMajor = deductionCount(idx, "OVERDUE_MAJOR");
                    long signedOff = indicator(idx, "RECTIFICATION_RATE").path("numerator").asLong(0);
                    long total = indicator(idx, "REPEAT_FREE_RATE").path("denominator").asLong(0);
                    long wantSigned = s.path("byStatus").path("SIGNED_OFF").asLong(0);
                    if (overdueMajor != s.path("overdueMajor").asLong() || signedOff != wantSigned || total != s.path("total").asLong()) {
                        behind.add(String.format("%s: index counts %d overdue major/%d signed off/%d hazards, hazard-service %d/%d/%d",
                                c.code(), overdueMajor, signedOff, total, s.path("overdueMajor").asLong(), wantSigned, s.path("total").asLong()));
                    }
                }
                return behind.isEmpty() ? Outcome.done(true) : Outcome.notYet(String.join("; ", behind));
            });
            say("scoring-service's indices agree with hazard-service for all %d counties", DemoPlan.counties().size());
        } catch (DemoFailure e) {
            out.println("[demo] WARNING: " + e.getMessage());
        }
    }

    static long deductionCount(JsonNode index, String code) {
        for (JsonNode d : index.path("deductions")) {
            if (d.path("code").asText().equals(code)) {
                return d.path("count").asLong();
            }
        }
        return 0;
    }

    static JsonNode indicator(JsonNode index, String code) {
        for (JsonNode i : index.path("indicators")) {
            if (i.path("code").asText().equals(code)) {
                return i;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    // ---------------------------------------------------------------------------------------------
    private long elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    private void say(String format, Object... args) {
        out.printf("[demo %5.1fs] %s%n", (System.nanoTime() - startedNanos) / 1e9, String.format(format, args));
        out.flush();
    }

    static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
