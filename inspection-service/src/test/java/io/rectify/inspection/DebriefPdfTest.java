package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import io.rectify.inspection.support.InspectionFixtures;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static io.rectify.inspection.support.InspectionFixtures.recordFinding;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The nightly debrief as PDF (Accept: application/pdf), read back with PDFBox: the printable page's text, fonts embedded. */
@QuarkusTest
class DebriefPdfTest {

    private static final LocalDate DAY = LocalDate.of(2024, 4, 12);

    @Test
    void thePdfDebriefHoldsTheDaysCountyFindingsAndEmbedsItsFont() throws IOException {
        String county = InspectionFixtures.county("绵阳市");
        InspectionFixtures.Expert expert = InspectionFixtures.expert();
        String visit = InspectionFixtures.schedule(InspectionFixtures.enterprise(county), expert, DAY);
        action(visit, "start", expert.bearer()).statusCode(200);
        Map<String, Object> major = finding("MAJOR_HAZARD_INSTALLATIONS", "MAJOR", "MHC-05");
        major.put("description", "罐区紧急切断未投用 <b>not markup</b>");
        recordFinding(visit, expert, major);
        as(expert.bearer()).body(Map.of("summary", "重大危险源罐区检查")).post("/api/v1/inspections/" + visit + "/complete").then().statusCode(200);

        Response pdf = given().header("Authorization", ADMIN).accept("application/pdf").get("/api/v1/counties/" + county + "/debriefs/" + DAY);
        assertThat(pdf.statusCode()).as(pdf.asString()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("debrief-" + county + "-" + DAY + ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.asByteArray())) {
            for (PDPage page : doc.getPages()) {
                for (COSName font : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(font).isEmbedded()).isTrue();
                }
            }
            // compared without whitespace, each run of one script alone: the layout wraps table cells, and a line's
            // Chinese and Latin runs (set in two fonts) come out of the page in the renderer's order, not the reader's
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            for (String expected : new String[]{"夜间工作会通报", "Nightly debrief", county, DAY.toString(), "重大危险源风险管控", "MHC-05",
                    "罐区紧急切断未投用", "<b>not markup</b>", "王工", "重大危险源罐区检查"}) {
                assertThat(text).contains(expected.replaceAll("\\s+", ""));
            }
        }
        // JSON stays the default; HTML and Markdown are unchanged
        assertThat(given().header("Authorization", ADMIN).get("/api/v1/counties/" + county + "/debriefs/" + DAY).contentType())
                .startsWith("application/json");
    }
}
