package io.rectify.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache in front of token verification: once per token while it lives, never for a refused token. */
class VerifiedTokensTest {

    private final List<String> verifications = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");

    /** Accepts tokens named "good-<exp epoch second>", refuses the rest; records every call. */
    private final JWTCallerPrincipalFactory verifier = new JWTCallerPrincipalFactory() {
        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo settings) throws ParseException {
            verifications.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("agency");
            claims.setExpirationTime(NumericDate.fromSeconds(Long.parseLong(token.substring(5))));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private final JWTAuthContextInfo settings = new JWTAuthContextInfo();

    @Test
    void aLiveTokenIsVerifiedOnceAndAnExpiredOneAgain() throws Exception {
        String token = "good-" + now.plusSeconds(60).getEpochSecond();
        JWTCallerPrincipal first = tokens.parse(token, settings);
        assertThat(tokens.parse(token, settings)).isSameAs(first);
        assertThat(verifications).containsExactly(token);

        now = now.plusSeconds(60); // at exp: no longer taken from the cache
        tokens.parse(token, settings);
        assertThat(verifications).containsExactly(token, token);
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndOtherSettingsVerifyAgain() throws Exception {
        assertThatThrownBy(() -> tokens.parse("forged", settings)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged", settings)).isInstanceOf(ParseException.class);
        assertThat(verifications).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();

        String token = "good-" + now.plusSeconds(60).getEpochSecond();
        tokens.parse(token, settings);
        tokens.parse(token, new JWTAuthContextInfo());
        assertThat(verifications).containsExactly("forged", "forged", token, token);
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS + 5; i++) {
            tokens.parse("good-" + (now.getEpochSecond() + 60 + i), settings);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_TOKENS);
    }
}
