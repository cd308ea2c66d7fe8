package io.rectify.notification.service;

import io.rectify.notification.domain.NotificationStatus;
import io.rectify.notification.service.OutcomeRule.Effect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeRuleTest {

    @ParameterizedTest(name = "{0}, attempt {2} of {1}, landed {3}, may retry {4} -> {5}")
    @CsvSource({
            // the current attempt of a waiting notification decides as the retry policy says
            "PENDING,    1, 1, true,  false, SENT",
            "PENDING,    1, 1, false, true,  RETRY_LATER",
            "PENDING,    3, 3, false, false, FAILED",
            // a send that landed counts whatever happened meanwhile: withdrawn, or claimed again after its lease ran out
            "SUPERSEDED, 1, 1, true,  false, SENT",
            "SUPERSEDED, 2, 1, true,  false, SENT",
            "PENDING,    2, 1, true,  false, SENT",
            "HELD,       1, 1, true,  false, SENT",
            // ...once: a second landing, or one after the notification was given up or cancelled, is only an attempt
            "SENT,       2, 1, true,  false, ATTEMPT_ONLY",
            "FAILED,     3, 2, true,  false, ATTEMPT_ONLY",
            "CANCELLED,  1, 1, true,  false, ATTEMPT_ONLY",
            // a failure of a send that no longer owns the notification changes nothing
            "PENDING,    2, 1, false, true,  ATTEMPT_ONLY",
            "PENDING,    2, 1, false, false, ATTEMPT_ONLY",
            "SUPERSEDED, 1, 1, false, true,  ATTEMPT_ONLY",
            "SUPERSEDED, 1, 1, false, false, ATTEMPT_ONLY",
            "SENT,       1, 1, false, true,  ATTEMPT_ONLY",
    })
    void effect(NotificationStatus status, int current, int attempt, boolean landed, boolean mayRetry, Effect expected) {
        assertThat(OutcomeRule.effect(status, current, attempt, landed, mayRetry)).isEqualTo(expected);
    }
}
