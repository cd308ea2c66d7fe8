package io.rectify.inspection.rest;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DebriefLabelsTest {

    @Test
    void markdownEscapingKeepsFreeTextInert() {
        assertThat(DebriefLabels.md("a | b *c* _d_ [x](y) <script>\nnext")).isEqualTo("a \\| b \\*c\\* \\_d\\_ \\[x\\](y) &lt;script&gt; next");
        assertThat(DebriefLabels.md(null)).isEmpty();
        assertThat(DebriefLabels.md("储罐区未设置紧急切断")).isEqualTo("储罐区未设置紧急切断");
    }

    @Test
    void acceptPicksThePrintableVariantOrJson() {
        assertThat(DebriefResource.preferred(List.of(MediaType.TEXT_HTML_TYPE))).hasToString("text/html;charset=UTF-8");
        assertThat(DebriefResource.preferred(List.of(MediaType.valueOf("text/markdown")))).hasToString("text/markdown;charset=UTF-8");
        assertThat(DebriefResource.preferred(List.of(MediaType.APPLICATION_JSON_TYPE))).isNull();
        assertThat(DebriefResource.preferred(List.of(MediaType.WILDCARD_TYPE))).isNull();
        assertThat(DebriefResource.preferred(List.of())).isNull();
    }
}
