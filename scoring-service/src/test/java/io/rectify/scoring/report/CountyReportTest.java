package io.rectify.scoring.report;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.inspection.CountyRegistered;
import io.rectify.contracts.scoring.CountyIndexDocument;
import io.rectify.platform.testing.TestTokens;
import io.rectify.scoring.support.CountyStory;
import io.rectify.scoring.support.ScoringTestBase;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import static io.rectify.scoring.support.ScoringFixtures.ADMIN;
import static io.rectify.scoring.support.ScoringFixtures.getIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The county report as PDF, read back with PDFBox: the county's Chinese name, its index, every indicator, fonts embedded. */
@QuarkusTest
class CountyReportTest extends ScoringTestBase {

    private static final String REPORT = "/api/v1/counties/{code}/report";

    @Test
    void thePdfHoldsTheCountysNameIndexAndEveryIndicatorWithTheFontEmbedded() throws IOException {
        CountyStory county = CountyStory.create();
        Instant now = Instant.now();
        upstream.publish(new CountyRegistered(county.code, "江油测试县", county.city, county.province, "LEAD", "KEY", now));
        String inspected = CountyStory.newCreditCode();
        upstream.publish(county.enterprise(inspected));
        upstream.publish(county.enterprise(CountyStory.newCreditCode()));
        upstream.publish(county.inspected(inspected, now));
        CountyStory.Hazard closed = county.hazard("GENERAL", now.minus(Duration.ofDays(5)));
        CountyStory.Hazard overdueMajor = county.hazard("MAJOR", now.minus(Duration.ofDays(3)));
        upstream.publish(closed.reported("OPEN", 0));
        upstream.publish(closed.signedOff(now.minus(Duration.ofDays(6)), 3));
        upstream.publish(overdueMajor.reported("RECTIFYING", 0));
        CountyIndexDocument doc = await().atMost(Duration.ofSeconds(45)).until(() -> {
            Response r = getIndex(county.code);
            return r.statusCode() == 200 ? io.rectify.contracts.EventJson.read(r.asString(), CountyIndexDocument.class) : null;
        }, d -> d != null && d.index() != null && "江油测试县".equals(d.countyName())
                && d.deductions().stream().anyMatch(x -> x.code().equals("OVERDUE_MAJOR") && x.count() == 1)
                && d.indicators().stream().anyMatch(i -> i.code().equals("COVERAGE") && i.applicable() && i.numerator() == 1));

        Response pdf = RestAssured.given().header("Authorization", ADMIN).accept("application/pdf").get(REPORT, county.code);
        pdf.then().statusCode(200).contentType("application/pdf");
        // kept for a look (deploy/local/report-picture target/county-report.pdf renders its first page)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "county-report.pdf"), pdf.asByteArray());
        String text = text(pdf.asByteArray(), true);

        assertThat(text).contains("江油测试县", county.code, doc.rubricVersion());
        assertThat(text).contains(doc.index().setScale(1, RoundingMode.HALF_UP).toPlainString());
        for (CountyIndexDocument.IndicatorResult i : doc.indicators()) {
            assertThat(text).contains(i.code(), CountyReportView.INDICATOR_NAMES.get(i.code())[0],
                    CountyReportView.INDICATOR_NAMES.get(i.code())[1].replace(" ", ""));
        }
        // each run of one script alone: a line's Chinese and Latin runs are set in two fonts and may come out apart
        assertThat(text).contains("重大隐患逾期", "OVERDUE_MAJOR", "不符合", "项重大隐患逾期未整改", overdueMajor.id.toString());
        assertThat(text).contains("排名", "Ranking", "指数走势");

        // the wall screen's link: the same report, no token
        Response wall = RestAssured.given().get("/dashboard/counties/{code}/report.pdf", county.code);
        wall.then().statusCode(200).contentType("application/pdf");
        assertThat(text(wall.asByteArray(), false)).contains("江油测试县", doc.index().setScale(1, RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void theReportKeepsTheIndexScopeAndAnswersProblems() {
        CountyStory county = CountyStory.create();
        upstream.publish(county.registered());
        await().atMost(Duration.ofSeconds(30)).until(() -> getIndex(county.code).statusCode() == 200);
        String otherCounty = TestTokens.bearer("COUNTY_REGULATOR", "county", "T000000000", "city", "x", "province", "y");
        problem(RestAssured.given().header("Authorization", otherCounty).accept("application/pdf").get(REPORT, county.code), 404);
        problem(RestAssured.given().accept("application/pdf").get(REPORT, county.code), 401);
        problem(RestAssured.given().header("Authorization", ADMIN).accept("application/pdf").get(REPORT, "NOPE!"), 404);
        problem(RestAssured.given().header("Authorization", ADMIN).accept("application/pdf").get(REPORT + "?period=20x4", county.code), 422);
        assertThat(RestAssured.given().header("Authorization", ADMIN).accept("application/json").get(REPORT, county.code).statusCode())
                .isEqualTo(406);
        problem(RestAssured.given().get("/dashboard/counties/{code}/report.pdf", "T0NOSUCH00"), 404);
    }

    private static void problem(Response r, int status) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    /** The PDF's text without whitespace; with {@code checkFonts}, also that every font on every page is embedded. */
    static String text(byte[] pdf, boolean checkFonts) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (checkFonts) {
                int fonts = 0;
                for (PDPage page : doc.getPages()) {
                    for (COSName name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                        fonts++;
                    }
                }
                assertThat(fonts).isPositive();
            }
            // without whitespace: the layout wraps table cells
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }
}
