package io.rectify.scenarios.demo;

import io.rectify.scenarios.Api;
import io.rectify.scenarios.Api.ApiException;

import java.util.Map;

/**
 * Consent comes from the enterprise (domain.md "Consent"): the inspection's expert requests consent to
 * view DCS/SIS data, which does not count yet — DCS data offered as evidence is refused (409) — until a
 * token of the enterprise itself confirms the request. Who asked and who said yes are both recorded.
 */
final class EnterpriseConsent {

    static final String CONTROL_SYSTEM_DATA = "CONTROL_SYSTEM_DATA";

    private EnterpriseConsent() {
    }

    /**
     * Obtains the enterprise's CONTROL_SYSTEM_DATA consent for the inspection.
     *
     * @param expert       inspection-service as the expert running the inspection
     * @param enterprise   inspection-service as the inspected enterprise's account
     * @param showRefusal  a finding with DCS evidence to offer between request and confirmation (it must be
     *                     refused with 409), or null to skip showing the rule
     * @return the line the demo prints when it showed the rule, else null
     */
    static String obtain(Api expert, Api enterprise, String inspectionId, Map<String, Object> showRefusal) {
        String consents = "/api/v1/inspections/" + inspectionId + "/consents";
        String consentId = expert.post(consents, Actors.obj("scope", CONTROL_SYSTEM_DATA)).path("id").asText();
        if (showRefusal != null) {
            try {
                expert.post("/api/v1/inspections/" + inspectionId + "/findings", showRefusal);
                throw new DemoFailure("inspection-service accepted CONTROL_SYSTEM_DATA evidence on a consent the enterprise had not "
                        + "confirmed (POST /api/v1/inspections/" + inspectionId + "/findings answered 2xx, expected 409)");
            } catch (ApiException e) {
                if (e.status() != 409) {
                    throw e;
                }
            }
        }
        var granted = enterprise.post(consents + "/" + consentId + "/confirmation",
                Actors.obj("grantedBy", "企业安全总监 the enterprise's safety director"));
        if (!"GRANTED".equals(granted.path("status").asText())) {
            throw new DemoFailure("the enterprise's confirmation of consent " + consentId + " did not grant it: " + granted);
        }
        return showRefusal == null ? null
                : "DCS data as evidence: consent requested by expert " + granted.path("requestedBy").asText()
                + ", evidence refused (409) until the enterprise's account " + granted.path("confirmedBy").asText()
                + " confirmed it, then accepted";
    }
}
