package io.rectify.scenarios.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.scenarios.Api;
import io.rectify.scenarios.Api.ApiException;
import io.rectify.scenarios.demo.Poll.Outcome;

import java.time.Duration;
import java.util.Map;

/**
 * Reports a hazard the way an agency client should (contracts.md "Writes checked against the registry"):
 * hazard-service learns enterprises from inspection-service's EnterpriseRegistered events, so right after
 * a registration a report may be refused with 422 naming {@code enterpriseCreditCode}. That one refusal
 * is retried for a short, bounded time; any other answer is final.
 */
final class RegisteredReports {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private RegisteredReports() {
    }

    static JsonNode report(Api hazards, Map<String, Object> body) {
        return Poll.until("hazard-service learning enterprise " + body.get("enterpriseCreditCode") + " from inspection.events",
                PATIENCE, Duration.ofMillis(250), () -> {
                    try {
                        return Outcome.done(hazards.post("/api/v1/hazards", body));
                    } catch (ApiException e) {
                        if (e.status() == 422 && e.body().contains("\"field\":\"enterpriseCreditCode\"")) {
                            return Outcome.notYet("422: " + e.body());
                        }
                        throw e;
                    }
                });
    }
}
