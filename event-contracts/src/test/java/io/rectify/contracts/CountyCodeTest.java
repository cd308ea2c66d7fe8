package io.rectify.contracts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CountyCodeTest {

    @Test
    void acceptsDivisionCodesAndParkCodes() {
        assertThat(CountyCode.isValid("510781")).isTrue();
        assertThat(CountyCode.isValid("HGPARK000001")).isTrue();
        assertThat(CountyCode.isValid("51078")).isFalse();
        assertThat(CountyCode.isValid("HGPARK0000012")).isFalse();
        assertThat(CountyCode.isValid("51078a")).isFalse();
        assertThat(CountyCode.isValid(null)).isFalse();
    }

    /** The hand-written check and REGEX (the Bean Validation constraint's rule) agree on every string tried. */
    @Test
    void isValidIsExactlyTheRegex() {
        List<String> tried = new ArrayList<>(List.of("", "      ", "510781\n", "５１０７８１", "510781 ", " 510781", "A-B-C-D", "ÀBCDEF",
                "@@@@@@", "[[[[[[", "``````", "{{{{{{", "//////", "::::::", "0000000000000"));
        Random random = new Random(2260);
        String alphabet = "0189AZaz@[`{/:-_ \u00c0\uff10";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(15);
            boolean plain = random.nextBoolean(); // half of them only from the allowed characters, so many are valid
            for (int i = 0; i < length; i++) {
                s.append(plain ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(random.nextInt(36)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            tried.add(s.toString());
        }
        long valid = 0;
        for (String code : tried) {
            assertThat(CountyCode.isValid(code)).as(code).isEqualTo(CountyCode.matchesRegex(code));
            valid += CountyCode.isValid(code) ? 1 : 0;
        }
        assertThat(valid).as("valid codes among those tried").isGreaterThan(1_000);
    }
}
