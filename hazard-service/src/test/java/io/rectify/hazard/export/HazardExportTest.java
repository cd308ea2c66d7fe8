package io.rectify.hazard.export;

import io.quarkus.test.junit.QuarkusTest;
import io.rectify.contracts.EventJson;
import io.rectify.contracts.inspection.EnterpriseRegistered;
import io.rectify.hazard.support.HazardFixtures.Place;
import io.rectify.hazard.support.HazardTestBase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.rectify.hazard.support.HazardFixtures.HAZARDS;
import static io.rectify.hazard.support.HazardFixtures.act;
import static io.rectify.hazard.support.HazardFixtures.admin;
import static io.rectify.hazard.support.HazardFixtures.assertProblem;
import static io.rectify.hazard.support.HazardFixtures.cityRegulator;
import static io.rectify.hazard.support.HazardFixtures.countyRegulator;
import static io.rectify.hazard.support.HazardFixtures.enterprise;
import static io.rectify.hazard.support.HazardFixtures.given;
import static io.rectify.hazard.support.HazardFixtures.majorReport;
import static io.rectify.hazard.support.HazardFixtures.newCreditCode;
import static io.rectify.hazard.support.HazardFixtures.toVerified;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register export read back with real parsers (POI, Commons CSV) against the search it claims to
 * equal: same hazards, same order, same values; same scope per role; bad parameters are 422 problems (the platform's input vocabulary).
 */
@QuarkusTest
class HazardExportTest extends HazardTestBase {

    private static final String EXPORT = HAZARDS + "/export";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void xlsxAndCsvHoldExactlyTheRowsAndValuesOfTheSearch() throws IOException {
        Place place = newCounty();
        String code = newCreditCode();
        registerEnterprise(code, "四川测试化工有限公司", place);
        String signedOff = reportGeneral(place, code);
        toVerified(place, code, signedOff);
        act(enterprise(code), signedOff, "sign-off", null).statusCode(200);
        given(countyRegulator(place)).body(majorReport(place, code)).post(HAZARDS).then().statusCode(201);
        Map<String, Object> late = majorReport(place, code);
        late.remove("rectificationDays");
        late.put("dueAt", Instant.now().minus(50, ChronoUnit.HOURS).toString());
        String lateId = given(admin()).body(late).post(HAZARDS).then().statusCode(201).extract().path("id");
        reportGeneral(place, newCreditCode()); // another enterprise, same county
        // the overdue sweep adds a line to the late hazard's trail: let it, so the trail holds still while we compare
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given(admin()).get(HAZARDS + "/" + lateId + "/history")
                .then().statusCode(200).extract().jsonPath().getList("items.action").contains("OVERDUE"));

        List<Map<String, Object>> search = given(admin()).get(HAZARDS + "?county=" + place.county() + "&size=500")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(search).hasSize(4);
        // the enterprise's name arrives on its own partition; wait until the register prints it
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                csv(given(admin()).get(EXPORT + "?format=csv&enterprise=" + code)).get(1).get(4).equals("四川测试化工有限公司"));

        Response xlsxResponse = given(admin()).get(EXPORT + "?county=" + place.county());
        xlsxResponse.then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"hazard-register-"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxResponse.asByteArray()))) {
            Sheet register = book.getSheetAt(0);
            assertThat(book.getSheetName(0)).isEqualTo("隐患台账");
            assertThat(register.getPaneInformation().isFreezePane()).isTrue();
            assertThat(register.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(register.getColumnWidth(10)).isEqualTo(48 * 256);
            assertThat(text(register.getRow(0).getCell(0))).isEqualTo("隐患编号");
            assertThat(text(register.getRow(0).getCell(13))).isEqualTo("状态");
            assertThat(register.getLastRowNum()).isEqualTo(search.size());
            int historyLines = 0;
            for (int i = 0; i < search.size(); i++) {
                Map<String, Object> h = search.get(i);
                Row row = register.getRow(i + 1);
                assertThat(text(row.getCell(0))).isEqualTo(h.get("id"));
                assertThat(text(row.getCell(1))).isEqualTo(place.county());
                assertThat(text(row.getCell(2))).isEqualTo("County " + place.county());
                assertThat(text(row.getCell(3))).isEqualTo(h.get("enterpriseCreditCode"));
                assertThat(text(row.getCell(7))).isEqualTo("MAJOR".equals(h.get("grade")) ? "重大隐患" : "一般隐患");
                assertThat(text(row.getCell(8))).isEqualTo(h.get("majorCriterion") == null ? "" : h.get("majorCriterion"));
                assertThat(text(row.getCell(10))).isEqualTo(h.get("description"));
                Cell reported = row.getCell(11);
                assertThat(DateUtil.isCellDateFormatted(reported)).isTrue();
                assertThat(reported.getLocalDateTimeCellValue()).isEqualTo(local((String) h.get("reportedAt")));
                assertThat(row.getCell(12).getLocalDateTimeCellValue()).isEqualTo(local((String) h.get("dueAt")));
                assertThat(text(row.getCell(13))).isEqualTo(statusLabel((String) h.get("status")));
                long overdueDays = (long) row.getCell(14).getNumericCellValue();
                assertThat(overdueDays > 0).isEqualTo(h.get("overdue"));
                assertThat((int) row.getCell(20).getNumericCellValue()).isEqualTo(h.get("rejections"));
                assertThat((int) row.getCell(21).getNumericCellValue()).isEqualTo(h.get("extensions"));
                assertThat((int) row.getCell(22).getNumericCellValue()).isEqualTo(h.get("reopenings"));
                if (h.get("id").equals(signedOff)) {
                    assertThat(text(row.getCell(4))).isEqualTo("四川测试化工有限公司");
                    assertThat(text(row.getCell(15))).isEqualTo("Wang Fang, plant manager");
                    assertThat(row.getCell(17).getNumericCellValue()).isEqualTo(12000.50);
                    assertThat(DateUtil.isCellDateFormatted(row.getCell(18))).isTrue();
                    assertThat(row.getCell(23).getLocalDateTimeCellValue()).isEqualTo(local((String) h.get("signedOffAt")));
                    assertThat(text(row.getCell(24))).isNotBlank();
                    assertThat((int) row.getCell(25).getNumericCellValue()).isEqualTo(1);
                }
                if ("MAJOR".equals(h.get("grade")) && Boolean.TRUE.equals(h.get("overdue"))) {
                    assertThat(overdueDays).isEqualTo(3); // 50 hours late: two full days and a started third
                    assertThat(text(row.getCell(9))).isEqualTo("液化烃、液氨、液氯等充装未使用万向管道充装系统");
                    assertThat(text(row.getCell(6))).isEqualTo("重大危险源风险管控");
                }
                historyLines += given(admin()).get(HAZARDS + "/" + h.get("id") + "/history?size=500").then().statusCode(200)
                        .extract().jsonPath().getInt("total");
            }
            Sheet history = book.getSheetAt(1);
            assertThat(book.getSheetName(1)).isEqualTo("整改记录");
            assertThat(history.getLastRowNum()).isEqualTo(historyLines);
            List<String> historyIds = new ArrayList<>();
            for (int i = 1; i <= history.getLastRowNum(); i++) {
                historyIds.add(text(history.getRow(i).getCell(0)));
            }
            assertThat(historyIds.stream().distinct().toList()).containsExactlyElementsOf(search.stream().map(h -> (String) h.get("id")).toList());
        }

        List<CSVRecord> csv = csv(given(admin()).get(EXPORT + "?format=csv&county=" + place.county()));
        assertThat(csv).hasSize(search.size() + 1);
        assertThat(csv.get(0).get(0)).isEqualTo("隐患编号");
        for (int i = 0; i < search.size(); i++) {
            Map<String, Object> h = search.get(i);
            CSVRecord r = csv.get(i + 1);
            assertThat(r.get(0)).isEqualTo(h.get("id"));
            assertThat(r.get(10)).isEqualTo(h.get("description"));
            assertThat(LocalDateTime.parse(r.get(11).replace(' ', 'T'))).isEqualTo(local((String) h.get("reportedAt")));
            assertThat(r.get(13)).isEqualTo(statusLabel((String) h.get("status")));
        }
    }

    @Test
    void filtersAreTheSearchFiltersAndHeadersFollowTheLanguage() throws IOException {
        Place place = newCounty();
        String code = newCreditCode();
        reportGeneral(place, code);
        given(countyRegulator(place)).body(majorReport(place, code)).post(HAZARDS).then().statusCode(201);
        Map<String, Object> late = majorReport(place, code);
        late.remove("rectificationDays");
        late.put("dueAt", Instant.now().minusSeconds(600).toString());
        given(admin()).body(late).post(HAZARDS).then().statusCode(201);

        String today = java.time.LocalDate.now(ZONE).toString();
        for (String filter : List.of("grade=MAJOR", "overdue=true", "overdue=false", "status=OPEN&grade=GENERAL",
                "enterprise=" + code + "&from=" + today + "&to=" + today, "from=2000-01-01&to=2000-12-31",
                "from=" + Instant.now().plusSeconds(3600))) {
            String query = "?county=" + place.county() + "&" + filter;
            List<String> searched = given(admin()).get(HAZARDS + query + "&size=500").then().statusCode(200)
                    .extract().jsonPath().getList("items.id");
            List<CSVRecord> exported = csv(given(admin()).get(EXPORT + query + "&format=csv"));
            assertThat(exported.subList(1, exported.size()).stream().map(r -> r.get(0)).toList()).as(filter).isEqualTo(searched);
        }
        assertThat(csv(given(admin()).get(EXPORT + "?format=csv&lang=en&county=" + place.county())).get(0).get(13)).isEqualTo("Status");
        assertThat(csv(given(admin()).header("Accept-Language", "en-GB,en;q=0.8").get(EXPORT + "?format=csv&county=" + place.county()))
                .get(1).get(7)).isIn("General", "Major");
    }

    @Test
    void eachRoleExportsOnlyWhatItMaySearch() throws IOException {
        Place place = newCounty();
        Place elsewhere = newCounty();
        String mine = newCreditCode();
        String theirs = newCreditCode();
        String myHazard = reportGeneral(place, mine);
        reportGeneral(place, theirs);
        reportGeneral(elsewhere, theirs);

        List<CSVRecord> own = csv(given(enterprise(mine)).get(EXPORT + "?format=csv"));
        assertThat(own.subList(1, own.size()).stream().map(r -> r.get(0)).toList()).containsExactly(myHazard);
        assertThat(csv(given(enterprise(mine)).get(EXPORT + "?format=csv&enterprise=" + theirs))).hasSize(1);

        List<CSVRecord> county = csv(given(countyRegulator(place)).get(EXPORT + "?format=csv"));
        assertThat(county.subList(1, county.size())).extracting(r -> r.get(1)).containsOnly(place.county()).hasSize(2);
        assertThat(csv(given(countyRegulator(place)).get(EXPORT + "?format=csv&county=" + elsewhere.county()))).hasSize(1);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                given(cityRegulator(elsewhere)).get(EXPORT).then().statusCode(200).extract().asByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(text(book.getSheetAt(0).getRow(1).getCell(1))).isEqualTo(elsewhere.county());
        }
    }

    @Test
    void badFormatOrFilterIsA422ProblemAndNoTokenA401() {
        for (String query : List.of("?format=pdf", "?status=DONE", "?grade=HUGE", "?overdue=maybe", "?from=yesterday",
                "?to=2024-13-01", "?from=2024-05-03&to=2024-05-01", "?lang=fr")) {
            assertThat(given(admin()).get(EXPORT + query).statusCode()).as(query).isEqualTo(422);
            assertProblem(given(admin()).get(EXPORT + query).then(), 422);
        }
        assertProblem(given(null).get(EXPORT).then(), 401);
        assertProblem(given("Bearer not-a-jwt").get(EXPORT + "?format=csv").then(), 401);
    }

    // --- helpers

    private void registerEnterprise(String creditCode, String name, Place place) {
        EnterpriseRegistered event = new EnterpriseRegistered(creditCode, name, place.county(), null, false, null, Instant.now());
        publishInspectionEvent(creditCode, UUID.randomUUID(), "EnterpriseRegistered", EventJson.write(event));
        // reports are checked against the registry: wait until hazard-service holds the enterprise (with its name)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction
                .requiringNew().call(() -> registry.countyOf(creditCode)).filter(place.county()::equals).isPresent());
    }

    private static List<CSVRecord> csv(Response response) throws IOException {
        response.then().statusCode(200).contentType("text/csv");
        byte[] body = response.asByteArray();
        assertThat(new String(body, 0, 3, StandardCharsets.UTF_8)).as("UTF-8 byte-order mark").isEqualTo("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(body, 3, body.length - 3),
                StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? "" : cell.getStringCellValue();
    }

    private static LocalDateTime local(String instant) {
        // a date cell keeps milliseconds at best; compare to the second, as printed
        return LocalDateTime.ofInstant(Instant.parse(instant), ZONE).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "待整改";
            case "RECTIFYING" -> "整改中";
            case "PENDING_VERIFICATION" -> "待验收";
            case "VERIFIED" -> "已验收";
            case "SIGNED_OFF" -> "已销号";
            default -> throw new IllegalArgumentException(status);
        };
    }
}
