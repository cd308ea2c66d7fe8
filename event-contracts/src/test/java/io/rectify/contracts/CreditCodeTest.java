package io.rectify.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {

    @Test
    void computesTheCheckCharacterOfPublishedCodes() {
        // a code printed on a real business licence (public): 91350100M000100Y43
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacterAndSaysWhichItShouldBe() {
        assertThat(CreditCode.problem("91350100M000100Y44"))
                .hasValueSatisfying(p -> assertThat(p).contains("should be '3'"));
    }

    @Test
    void refusesLettersOutsideTheCharsetAndWrongLengths() {
        assertThat(CreditCode.problem("91350100M000100I43")).hasValueSatisfying(p -> assertThat(p).contains("position 16"));
        assertThat(CreditCode.problem("9135")).hasValue("must be 18 characters");
        assertThat(CreditCode.problem(null)).hasValue("must be 18 characters");
        assertThatThrownBy(() -> CreditCode.checkCharacter("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void completedCodesAreValidAndCarryTheCountyCode() {
        String code = CreditCode.complete("91510781MA6" + "ABC123");
        assertThat(code).hasSize(18).startsWith("91510781");
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @Test
    void checkValueThirtyOneMapsToZero() {
        // find a 17-char prefix whose weighted sum is a multiple of 31: all zeros
        assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
    }
}
