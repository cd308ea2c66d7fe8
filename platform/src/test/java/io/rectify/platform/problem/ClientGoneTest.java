package io.rectify.platform.problem;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ClientGoneTest {

    @Test
    void aWriteThatFailsBecauseTheConnectionClosedIsTheClientGoingAway() {
        assertThat(ProblemMappers.clientGone(new IOException("Failed to write", new HttpClosedException("Connection was closed")))).isTrue();
        assertThat(ProblemMappers.clientGone(new IOException("Failed to write", new VertxException("Connection was closed", true)))).isTrue();
        assertThat(ProblemMappers.clientGone(new RuntimeException(new ClosedChannelException()))).isTrue();
        assertThat(ProblemMappers.clientGone(new IOException("Connection reset by peer"))).isTrue();
        assertThat(ProblemMappers.clientGone(new IOException("Broken pipe"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemMappers.clientGone(new IOException("No space left on device"))).isFalse();
        assertThat(ProblemMappers.clientGone(new IllegalStateException("boom", new SQLException("x", "XX000")))).isFalse();
        assertThat(ProblemMappers.clientGone(new VertxException("Handler already set"))).isFalse();
        assertThat(ProblemMappers.clientGone(new NullPointerException())).isFalse();
    }
}
