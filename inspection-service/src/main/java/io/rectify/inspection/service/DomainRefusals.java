package io.rectify.inspection.service;

import io.rectify.inspection.domain.FindingRules;
import io.rectify.inspection.domain.Inspection;
import io.rectify.inspection.domain.InspectionAction;
import io.rectify.inspection.domain.TransitionRefusedException;
import io.rectify.platform.problem.Problem;
import io.rectify.platform.problem.ProblemException;

import java.time.Instant;

/**
 * The domain decides, the service answers: the inspection domain's refusals as the problems the REST
 * contract names (status, type, members). The domain itself knows no HTTP (docs/engineering.md "Layers").
 */
final class DomainRefusals {

    private DomainRefusals() {
    }

    /** Applies a lifecycle action; a refusal is the 409 transition-refused problem naming the status and the allowed actions. */
    static void apply(Inspection inspection, InspectionAction action, Instant at) {
        try {
            inspection.apply(action, at);
        } catch (TransitionRefusedException refused) {
            throw transitionRefused(refused);
        }
    }

    static ProblemException transitionRefused(TransitionRefusedException refused) {
        return ProblemException.transitionRefused(refused.action().label(), refused.current().name(), refused.allowedActions());
    }

    /** Evidence whose consent the enterprise has not given: 409 consent-missing, naming the consent. */
    static ProblemException consentMissing(FindingRules.MissingConsent missing) {
        return new ProblemException(Problem.of(409, "consent-missing", "Consent missing",
                        "evidence[" + missing.index() + "] is " + missing.scope() + " evidence, but the enterprise's " + missing.scope()
                                + " consent is missing for this inspection; record it first (POST …/consents)")
                .with("missingConsent", missing.scope().name()));
    }
}
