package io.rectify.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each distinct bearer token once and remembers the result until the token expires.
 * <p>
 * Why: agency systems send thousands of requests with the same token, and verifying its RS256
 * signature and claims was about a tenth of hazard-service's CPU per report (JFR, bench P1/P2).
 * Why it is safe: the key is the whole token, signature included, so only the exact bytes already
 * verified are accepted; a cached token is used only before its {@code exp} (checked on every use) and
 * only with the same verification settings; a token that failed verification is never remembered.
 * The cost: a token signed with a key that is rotated out stays valid until it expires (at most
 * the token lifetime, as with any stateless JWT).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    /** Beyond this many distinct live tokens the expired ones are dropped, and if that is not enough, all. */
    static final int MAX_TOKENS = 10_000;

    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo settings, long expiresAt) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final JWTCallerPrincipalFactory delegate;
    private final Clock clock;

    public VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC());
    }

    VerifiedTokens(JWTCallerPrincipalFactory delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null && known.settings() == settings && now < known.expiresAt()) {
            return known.principal();
        }
        JWTCallerPrincipal principal = delegate.parse(token, settings); // throws for anything not valid
        long expiresAt = principal.getExpirationTime();
        if (expiresAt > now) {
            if (verified.size() >= MAX_TOKENS) {
                verified.values().removeIf(v -> v.expiresAt() <= now);
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
            }
            verified.put(token, new Verified(principal, settings, expiresAt));
        }
        return principal;
    }

    int size() {
        return verified.size();
    }

    /** Whether {@code token} has been verified and is remembered (for tests and diagnostics). */
    public boolean remembers(String token) {
        return verified.containsKey(token);
    }
}
