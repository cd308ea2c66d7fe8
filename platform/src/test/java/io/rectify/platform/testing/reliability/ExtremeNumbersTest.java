package io.rectify.platform.testing.reliability;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which extreme numbers R4 may see accepted (inside the declared range) and which must be refused. */
class ExtremeNumbersTest {

    @Test
    void insideTheDeclaredRangeMayBeAcceptedOutsideMustBeRefused() {
        ObjectNode page = JsonNodeFactory.instance.objectNode().put("type", "integer").put("format", "int32")
                .put("minimum", 0).put("maximum", 2147483647);
        Map<String, Boolean> strict = HostileRequests.extremeNumbers(page, "integer");
        assertThat(strict).containsOnlyKeys(HostileRequests.EXTREME_NUMBERS);
        assertThat(strict).containsEntry("0", false).containsEntry("2147483647", false)
                .containsEntry("-1", true).containsEntry("2147483648", true).containsEntry("9223372036854775807", true)
                .containsEntry("1e309", true).containsEntry("NaN", true);

        ObjectNode period = JsonNodeFactory.instance.objectNode().put("type", "integer").put("minimum", 2000).put("maximum", 2100);
        assertThat(HostileRequests.extremeNumbers(period, "integer")).doesNotContainValue(false);

        ObjectNode free = JsonNodeFactory.instance.objectNode().put("type", "integer").put("format", "int64");
        assertThat(HostileRequests.extremeNumbers(free, "integer")).containsEntry("9223372036854775807", false).containsEntry("-1", false);
    }
}
