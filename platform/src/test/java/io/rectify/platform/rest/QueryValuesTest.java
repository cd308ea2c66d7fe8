package io.rectify.platform.rest;

import io.rectify.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one query-parameter vocabulary: absent is null, case is ignored, anything unreadable is a 422 naming the parameter. */
class QueryValuesTest {

    enum Colour { RED, DARK_GREEN }

    @Test
    void absentOrBlankIsNotGiven() {
        assertThat(QueryValues.text(null)).isNull();
        assertThat(QueryValues.text("  ")).isNull();
        assertThat(QueryValues.text(" 510781 ")).isEqualTo("510781");
        assertThat(QueryValues.enumOf("colour", "", Colour.class)).isNull();
        assertThat(QueryValues.bool("overdue", null)).isNull();
        assertThat(QueryValues.uuid("id", " ")).isNull();
        assertThat(QueryValues.integer("period", null, 2000, 2100, 2026)).isEqualTo(2026);
        assertThat(QueryValues.date("date", "")).isNull();
        assertThat(QueryValues.instant("from", null, false)).isNull();
    }

    @Test
    void enumsAndBooleansIgnoreCase() {
        assertThat(QueryValues.enumOf("colour", "red", Colour.class)).isEqualTo(Colour.RED);
        assertThat(QueryValues.enumOf("colour", " Dark_Green ", Colour.class)).isEqualTo(Colour.DARK_GREEN);
        assertThat(QueryValues.bool("overdue", "TRUE")).isTrue();
        assertThat(QueryValues.bool("overdue", "false")).isFalse();
    }

    @Test
    void anUnknownValueIsA422NamingTheParameterAndTheChoices() {
        ProblemException e = refused(() -> QueryValues.enumOf("colour", "BLUE", Colour.class));
        assertThat(e.problem().status()).isEqualTo(422);
        assertThat(e.problem().type()).endsWith("/validation");
        assertThat(e.problem().errors()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("colour");
            assertThat(f.message()).contains("RED", "DARK_GREEN");
        });
        assertThat(refused(() -> QueryValues.bool("overdue", "yes")).problem().errors().get(0).field()).isEqualTo("overdue");
        assertThat(refused(() -> QueryValues.uuid("hazardId", "nope")).problem().status()).isEqualTo(422);
        assertThat(refused(() -> QueryValues.date("date", "2024-13-45")).problem().status()).isEqualTo(422);
        assertThat(refused(() -> QueryValues.instant("from", "yesterday", false)).problem().status()).isEqualTo(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "2101", "abc", "1e3", "2024.0", "2147483648", "9223372036854775807", "99999999999999999999", "1e309", "NaN", "0x7E8"})
    void aWholeNumberOutsideItsBoundsOrNotOneIsRefused(String value) {
        ProblemException e = refused(() -> QueryValues.integer("period", value, 2000, 2100, null));
        assertThat(e.problem().status()).isEqualTo(422);
        assertThat(e.problem().errors().get(0).field()).isEqualTo("period");
        assertThat(e.problem().errors().get(0).message()).isEqualTo("must be a whole number between 2000 and 2100");
    }

    @Test
    void boundsAreInclusive() {
        assertThat(QueryValues.integer("page", "0", 0, Integer.MAX_VALUE, 0)).isZero();
        assertThat(QueryValues.integer("page", "2147483647", 0, Integer.MAX_VALUE, 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(QueryValues.integer("period", " 2100 ", 2000, 2100, null)).isEqualTo(2100);
    }

    @Test
    void datesInstantsAndIds() {
        assertThat(QueryValues.date("date", "2024-04-11")).isEqualTo(LocalDate.of(2024, 4, 11));
        assertThat(QueryValues.instant("from", "2024-04-11", false)).isEqualTo(Instant.parse("2024-04-11T00:00:00Z"));
        assertThat(QueryValues.instant("to", "2024-04-11", true)).as("a date as upper bound includes its day")
                .isEqualTo(Instant.parse("2024-04-12T00:00:00Z"));
        assertThat(QueryValues.instant("from", "2024-04-11T08:00:00Z", false)).isEqualTo(Instant.parse("2024-04-11T08:00:00Z"));
        UUID id = UUID.randomUUID();
        assertThat(QueryValues.uuid("hazardId", id.toString())).isEqualTo(id);
        assertThat(QueryValues.pathId("chase", id.toString())).isEqualTo(id);
        assertThat(refused(() -> QueryValues.pathId("chase", "x")).problem().status()).as("a path id that is no UUID names nothing").isEqualTo(404);
    }

    private static ProblemException refused(Runnable parse) {
        try {
            parse.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("expected a ProblemException");
    }
}
