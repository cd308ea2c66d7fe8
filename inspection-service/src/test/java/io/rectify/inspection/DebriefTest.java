package io.rectify.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rectify.inspection.support.InspectionFixtures;
import io.rectify.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.rectify.inspection.support.InspectionFixtures.ADMIN;
import static io.rectify.inspection.support.InspectionFixtures.action;
import static io.rectify.inspection.support.InspectionFixtures.as;
import static io.rectify.inspection.support.InspectionFixtures.finding;
import static io.rectify.inspection.support.InspectionFixtures.recordFinding;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The nightly debrief: the day's counts as JSON, and the printable HTML and Markdown pages. */
@QuarkusTest
class DebriefTest {

    private static final LocalDate DAY = LocalDate.of(2024, 4, 11);

    /** A county's day: a completed visit (1 general, 1 major), one in progress (1 general + 1 withdrawn), one cancelled; another day elsewhere. */
    private String countyWithADayOfWork() {
        String county = InspectionFixtures.county("绵阳市");
        InspectionFixtures.Expert expert = InspectionFixtures.expert();

        String first = InspectionFixtures.schedule(InspectionFixtures.enterprise(county), expert, DAY);
        action(first, "start", expert.bearer()).statusCode(200);
        Map<String, Object> scripted = finding("MAJOR_HAZARD_INSTALLATIONS", "GENERAL", null);
        scripted.put("description", "巡检记录缺失 <script>alert(1)</script> | *not bold*");
        recordFinding(first, expert, scripted);
        recordFinding(first, expert, finding("MAJOR_HAZARD_INSTALLATIONS", "MAJOR", "MHC-05"));
        as(expert.bearer()).body(Map.of("summary", "罐区紧急切断未投用")).post("/api/v1/inspections/" + first + "/complete").then().statusCode(200);

        String second = InspectionFixtures.schedule(InspectionFixtures.enterprise(county), expert, DAY);
        action(second, "start", expert.bearer()).statusCode(200);
        recordFinding(second, expert, finding("FINE_CHEMICAL_FOUR_ZEROINGS", "GENERAL", null));
        String withdrawn = recordFinding(second, expert, finding("FINE_CHEMICAL_FOUR_ZEROINGS", "MAJOR", "MHC-19"));
        as(expert.bearer()).delete("/api/v1/inspections/" + second + "/findings/" + withdrawn).then().statusCode(204);

        String third = InspectionFixtures.schedule(InspectionFixtures.enterprise(county), expert, DAY);
        action(third, "cancel", expert.bearer()).statusCode(200);

        String otherDay = InspectionFixtures.schedule(InspectionFixtures.enterprise(county), expert, DAY.plusDays(1));
        action(otherDay, "start", expert.bearer()).statusCode(200);
        recordFinding(otherDay, expert, finding("OTHER", "GENERAL", null));
        return county;
    }

    @Test
    void theJsonDebriefCountsTheDaysFindingsByGradeAndKeyTask() {
        String county = countyWithADayOfWork();
        as(TestTokens.bearer("COUNTY_REGULATOR", "county", county)).get("/api/v1/counties/" + county + "/debriefs/" + DAY)
                .then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/json"))
                .body("county.code", equalTo(county))
                .body("date", equalTo(DAY.toString()))
                .body("totals.inspections", equalTo(3))
                .body("totals.completed", equalTo(1))
                .body("totals.inProgress", equalTo(1))
                .body("totals.cancelled", equalTo(1))
                .body("totals.findings", equalTo(3))
                .body("totals.general", equalTo(2))
                .body("totals.major", equalTo(1))
                .body("findingsByGrade.GENERAL", equalTo(2))
                .body("findingsByGrade.MAJOR", equalTo(1))
                .body("findingsByKeyTask", hasSize(2))
                .body("findingsByKeyTask[0].keyTask", equalTo("MAJOR_HAZARD_INSTALLATIONS"))
                .body("findingsByKeyTask[0].general", equalTo(1))
                .body("findingsByKeyTask[0].major", equalTo(1))
                .body("findingsByKeyTask[0].nameZh", equalTo("重大危险源风险管控"))
                .body("findingsByKeyTask[1].keyTask", equalTo("FINE_CHEMICAL_FOUR_ZEROINGS"))
                .body("findingsByKeyTask[1].total", equalTo(1))
                .body("inspections", hasSize(3))
                .body("inspections[0].findings", hasSize(2))
                .body("inspections[0].enterpriseName", org.hamcrest.Matchers.startsWith("测试化工有限公司"))
                .body("inspections[0].experts[0]", equalTo("王工"));

        as(ADMIN).get("/api/v1/counties/" + county + "/debriefs/" + DAY.plusDays(1)).then().statusCode(200)
                .body("totals.inspections", equalTo(1)).body("totals.findings", equalTo(1));
        as(ADMIN).get("/api/v1/counties/" + county + "/debriefs/" + DAY.minusDays(1)).then().statusCode(200)
                .body("totals.inspections", equalTo(0)).body("totals.findings", equalTo(0)).body("findingsByGrade.MAJOR", equalTo(0));
    }

    @Test
    void thePrintableHtmlIsSelfContainedBilingualAndEscaped() {
        String county = countyWithADayOfWork();
        Response page = given().header("Authorization", ADMIN).accept("text/html")
                .get("/api/v1/counties/" + county + "/debriefs/" + DAY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.asString();
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("夜间工作会通报", "Nightly debrief", "<style>", "@media print", "测试县 " + county, "2024-04-11")
                .contains("重大危险源风险管控", "Risk control of major hazard installations", "MHC-05", "罐区紧急切断未投用")
                .contains("集中指导", "已完成", "已取消", "王工")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script", "<link", "src=\"http", "href=\"http", "@import");
    }

    @Test
    void theMarkdownDebriefHasTheSameCountsAndInertFreeText() {
        String county = countyWithADayOfWork();
        Response page = given().header("Authorization", ADMIN).accept("text/markdown")
                .get("/api/v1/counties/" + county + "/debriefs/" + DAY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/markdown");
        String md = page.asString();
        assertThat(md).startsWith("# 夜间工作会通报 Nightly debrief")
                .contains("| 3 | 1 | 1 | 0 | 1 | 3 | 2 | 1 |")
                .contains("| 重大危险源风险管控 Risk control of major hazard installations | 1 | 1 | 2 |")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*not bold\\*")
                .doesNotContain("<script");
    }

    @Test
    void aBadDateIs422AndAnUnknownCountyIs404() {
        String county = InspectionFixtures.county("绵阳市");
        as(ADMIN).get("/api/v1/counties/" + county + "/debriefs/2024-13-45").then().statusCode(422)
                .body("errors[0].field", equalTo("date"));
        as(ADMIN).get("/api/v1/counties/" + InspectionFixtures.newCountyCode() + "/debriefs/" + DAY).then().statusCode(404);
    }
}
