package io.rectify.inspection.service;

import io.rectify.inspection.domain.ConsentScope;
import io.rectify.inspection.domain.FindingRules;
import io.rectify.inspection.domain.InspectionAction;
import io.rectify.inspection.domain.InspectionLifecycle;
import io.rectify.inspection.domain.InspectionStatus;
import io.rectify.inspection.domain.TransitionRefusedException;
import io.rectify.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain's refusals answered as the contract's problems: the same status, type and members as before the domain knew no HTTP. */
class DomainRefusalsTest {

    @Test
    void aRefusedTransitionIsA409NamingStatusAndAllowedActions() {
        TransitionRefusedException refused = new TransitionRefusedException(InspectionAction.START, InspectionStatus.COMPLETED,
                InspectionLifecycle.allowedActions(InspectionStatus.COMPLETED));
        ProblemException e = DomainRefusals.transitionRefused(refused);
        assertThat(e.problem().status()).isEqualTo(409);
        assertThat(e.problem().type()).endsWith("transition-refused");
        assertThat(e.problem().detail()).isEqualTo("'start' is not allowed while the status is COMPLETED");
        assertThat(e.problem().members()).containsEntry("currentStatus", "COMPLETED")
                .containsEntry("allowedActions", InspectionLifecycle.allowedActions(InspectionStatus.COMPLETED));
    }

    @Test
    void theMissingConsentProblemIsA409SayingWhichConsent() {
        ProblemException e = DomainRefusals.consentMissing(new FindingRules.MissingConsent(0, ConsentScope.CONTROL_SYSTEM_DATA));
        assertThat(e.problem().status()).isEqualTo(409);
        assertThat(e.problem().detail()).contains("CONTROL_SYSTEM_DATA consent is missing");
        assertThat(e.problem().members()).containsEntry("missingConsent", "CONTROL_SYSTEM_DATA");
    }
}
