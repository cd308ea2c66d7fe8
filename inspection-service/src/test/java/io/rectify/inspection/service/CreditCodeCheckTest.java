package io.rectify.inspection.service;

import io.rectify.contracts.CreditCode;
import io.rectify.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The door check of enterprise registration: GB 32100-2015 credit codes with their check character. */
class CreditCodeCheckTest {

    @Test
    void aCodePrintedOnAPublicBusinessLicencePasses() {
        assertThatCode(() -> EnterpriseService.checkCreditCode("91350100M000100Y43")).doesNotThrowAnyException();
        assertThat(CreditCode.complete("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
    }

    /**
     * Real-format codes, given by their first 17 characters: the public one above, and demo codes of
     * the Sichuan key counties (authority 9, type 1, the county's division code, an organisation code).
     */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91510781MA6ABC123", "91510182MA62XK4P7", "91511112MA6TQW0R3",
            "91510311MA6NR8LY4", "91510503MA6CKUJ01", "91511722MA6BDG2E9", "91511523MA6HJ9NQ2"})
    void validCodesPassAndEverySingleCharacterCorruptionIsRefused(String first17) {
        String valid = CreditCode.complete(first17);
        assertThatCode(() -> EnterpriseService.checkCreditCode(valid)).doesNotThrowAnyException();

        int refused = 0;
        for (int position = 0; position < 18; position++) {
            for (char replacement : CreditCode.CHARSET.toCharArray()) {
                if (replacement == valid.charAt(position)) {
                    continue;
                }
                String corrupted = valid.substring(0, position) + replacement + valid.substring(position + 1);
                assertThatThrownBy(() -> EnterpriseService.checkCreditCode(corrupted))
                        .as("corruption %s", corrupted)
                        .isInstanceOfSatisfying(ProblemException.class, e -> {
                            assertThat(e.problem().status()).isEqualTo(422);
                            assertThat(e.problem().errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("creditCode"));
                            assertThat(e.problem().detail()).contains("check character is '").contains("but should be '");
                        });
                refused++;
            }
        }
        assertThat(refused).isEqualTo(18 * (CreditCode.CHARSET.length() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9135", "91350100M000100Y4300", "91350100M000100I43", "91350100m000100Y43"})
    void malformedCodesAreRefusedWithA422SayingWhy(String code) {
        assertThatThrownBy(() -> EnterpriseService.checkCreditCode(code))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().detail()).startsWith("creditCode: not a valid unified social credit code: ");
                });
    }
}
