package io.rectify.scenarios.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the demo runs.
 *
 * @param host            where the four services listen (ports 8081–8084)
 * @param runDir          the receiver's folder (webhooks.jsonl, mails.jsonl) for the summary, or null
 * @param webhookBaseUrl  the receiver's webhook base; each contact gets {@code <base>/<level>/<ref>}
 * @param webhookSecret   the HMAC secret of every demo contact (the receiver checks signatures with it)
 * @param email           give contacts an email address too (only when an SMTP sink receives the mail)
 * @param nearDueIn       how far ahead the regulator-reported hazards are due
 * @param ladderTimeout   how long after their due date the chase ladder may take to reach the province
 * @param scoringTimeout  how long scoring-service may take to count what hazard-service counts
 */
public record DemoOptions(String host, Path runDir, String webhookBaseUrl, String webhookSecret, boolean email,
                          DemoScenario.Mode mode, Duration nearDueIn, Duration ladderTimeout, Duration scoringTimeout) {
}
