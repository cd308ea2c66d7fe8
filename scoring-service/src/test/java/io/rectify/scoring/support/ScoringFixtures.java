package io.rectify.scoring.support;

import io.rectify.contracts.EventJson;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.math.BigDecimal;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Scoring's static API helpers: an ADMIN token, reading a county's published index, waiting for an answer. */
public final class ScoringFixtures {

    public static final String ADMIN = TestTokens.bearer("ADMIN");

    private ScoringFixtures() {
    }

    public static Response getIndex(String code) {
        return RestAssured.given().header("Authorization", ADMIN).get("/api/v1/counties/{code}/index", code);
    }

    public static CountyIndexDocument index(String code) {
        Response r = getIndex(code);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET index of " + code + " answered " + r.statusCode() + ": " + r.asString());
        }
        return EventJson.read(r.asString(), CountyIndexDocument.class);
    }

    /** Waits until the county's published index is {@code expected} (e.g. "59.1"). */
    public static CountyIndexDocument awaitIndex(String code, String expected) {
        return await().atMost(Duration.ofSeconds(45)).until(() -> {
            Response r = getIndex(code);
            if (r.statusCode() != 200) {
                return null;
            }
            CountyIndexDocument d = EventJson.read(r.asString(), CountyIndexDocument.class);
            return d.index() != null && d.index().compareTo(new BigDecimal(expected)) == 0 ? d : null;
        }, d -> d != null);
    }
}
