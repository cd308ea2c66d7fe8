package io.rectify.scenarios.demo;

import io.rectify.contracts.CreditCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the demo creates, as plain data (no HTTP): the 2024 Sichuan expert guidance service for
 * hazardous-chemicals key counties, replayed in rounds. Counties and experts are the same in every round;
 * enterprises (and so their credit codes), the campaign, inspections and hazards are new in each round, so
 * playing the demo again never collides with what an earlier round created.
 *
 * <p>The enterprises are fictional (甲/乙/丙 placeholder names); the counties are real county-level divisions
 * with their GB/T 2260 codes (domain.md "Demo data facts").
 */
public final class DemoPlan {

    public static final String PROVINCE = "Sichuan";
    public static final int CAMPAIGN_YEAR = 2024;
    /** Every demo campaign's name starts with this: how a later run finds the rounds already played. */
    public static final String CAMPAIGN_PREFIX = "2024年四川省危险化学品重点县专家指导服务 (demo round ";
    /** The 2024 programme's six key tasks ("6抓"), all of which the inspections touch. */
    public static final List<String> KEY_TASKS = List.of("THREE_ONES", "EQUIPMENT_RUNNING_WITH_DEFECTS",
            "FINE_CHEMICAL_FOUR_ZEROINGS", "MAJOR_HAZARD_INSTALLATIONS", "CHEMICAL_PARKS", "RECTIFICATION_CLOSURE");
    /** Where the county with the nightly debrief printed at the end: Jiangyou, named in the 2024 kick-off report. */
    public static final String DEBRIEF_COUNTY = "510781";
    /** The economic zone has no division code of its own; its enterprises carry Guang'an city's. */
    public static final String GUANGAN_ZONE = "GUANGANEDZ";

    /** A key county; {@code divisionCode} is what positions 3–8 of its enterprises' credit codes carry. */
    public record County(String code, String divisionCode, String nameZh, String nameEn, String city, String tier) {
        public String name() {
            return nameZh + " " + nameEn;
        }
    }

    public record Expert(String subject, String name, List<String> specialties) {
    }

    public record Enterprise(String creditCode, String name, String countyCode, String parkName, boolean fineChemical,
                             Integer majorHazardInstallationGrade) {
    }

    /** What the demo does with the hazard a finding becomes. */
    public enum Fate {
        /** left open: due in weeks */
        OPEN,
        /** the enterprise plans; the work goes on */
        PLANNED,
        /** plan, rectification, an expert verifies, the enterprise signs off (GENERAL only) */
        SIGNED_OFF_BY_ENTERPRISE,
        /** plan, rectification, an expert verifies, the county regulator signs off (any grade; MAJOR needs it) */
        SIGNED_OFF_BY_REGULATOR,
        /** as SIGNED_OFF_BY_ENTERPRISE, but the expert rejects the first rectification */
        REJECTED_THEN_SIGNED_OFF,
        /** planned, then the county regulator extends the deadline */
        EXTENDED,
        /** signed off by the county regulator, then reopened on a recurrence */
        REOPENED
    }

    public record Finding(String keyTask, String grade, String majorCriterion, String description, String location,
                          String recommendedMeasure, int rectificationDays, boolean controlSystemEvidence, Fate fate) {
        public boolean major() {
            return "MAJOR".equals(grade);
        }
    }

    /**
     * One expert visit. {@code experts} are indexes into {@link #experts()}; a cancelled visit is scheduled and
     * then called off (the enterprise stays uninspected, which the county's coverage shows).
     */
    public record Inspection(String enterpriseCreditCode, String countyCode, LocalDate scheduledOn, List<Integer> experts,
                             List<String> keyTasks, boolean cancelled, List<Finding> findings) {
        public boolean needsControlSystemConsent() {
            return findings.stream().anyMatch(Finding::controlSystemEvidence);
        }
    }

    /**
     * A hazard a county regulator reports with an explicit due date a minute away, so that the chase ladder
     * (reminders, then escalations to the city and the province) runs while the demo waits.
     */
    public record NearDueHazard(String enterpriseCreditCode, String countyCode, String keyTask, String grade,
                                String majorCriterion, String description, boolean planned) {
    }

    private final int round;
    private final List<Enterprise> enterprises = new ArrayList<>();
    private final List<Inspection> inspections = new ArrayList<>();
    private final List<NearDueHazard> nearDue = new ArrayList<>();

    private DemoPlan(int round) {
        if (round < 1 || round > 99) {
            throw new IllegalArgumentException("round must be 1 to 99, was " + round);
        }
        this.round = round;
        build();
    }

    public static DemoPlan round(int round) {
        return new DemoPlan(round);
    }

    public int round() {
        return round;
    }

    public static List<County> counties() {
        return COUNTIES;
    }

    public static County county(String code) {
        return COUNTIES.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a demo county: " + code));
    }

    public static List<Expert> experts() {
        return EXPERTS;
    }

    public List<Enterprise> enterprises() {
        return List.copyOf(enterprises);
    }

    public List<Inspection> inspections() {
        return List.copyOf(inspections);
    }

    public List<NearDueHazard> nearDueHazards() {
        return List.copyOf(nearDue);
    }

    public String campaignName() {
        return CAMPAIGN_PREFIX + round + ")";
    }

    /** The guidance week of this round: round 1 is the week of 8 April 2024, each later round a week on. */
    public LocalDate weekStart() {
        return LocalDate.of(CAMPAIGN_YEAR, 4, 8).plusWeeks((round - 1) % 30);
    }

    public LocalDate campaignStart() {
        return LocalDate.of(CAMPAIGN_YEAR, 4, 1);
    }

    public LocalDate campaignEnd() {
        return LocalDate.of(CAMPAIGN_YEAR, 12, 31);
    }

    /** The day the experts visit a county: Jiangyou on Monday, the others spread over the week. */
    public LocalDate visitDay(String countyCode) {
        int i = COUNTIES.indexOf(county(countyCode));
        return weekStart().plusDays(i % 5);
    }

    /**
     * A well-formed unified social credit code: "91" (enterprise, company), the county's division code, a
     * nine-character organisation code unique to the round and the enterprise, and the check character.
     */
    static String creditCode(String divisionCode, int round, int serial) {
        String org = String.format(Locale.ROOT, "MA6%02d%04d", round, serial);
        return CreditCode.complete("91" + divisionCode + org);
    }

    // ---------------------------------------------------------------------------------------------
    // The data
    // ---------------------------------------------------------------------------------------------
    private static final List<County> COUNTIES = List.of(
            new County("510781", "510781", "江油市", "Jiangyou", "Mianyang", "LEAD"),
            new County(GUANGAN_ZONE, "511600", "广安经开区", "Guang'an Economic Development Zone", "Guang'an", "LEAD"),
            new County("510182", "510182", "彭州市", "Pengzhou", "Chengdu", "IMPROVE"),
            new County("511112", "511112", "五通桥区", "Wutongqiao", "Leshan", "IMPROVE"),
            new County("510311", "510311", "沿滩区", "Yantan", "Zigong", "FULL_GUIDANCE"),
            new County("510503", "510503", "纳溪区", "Naxi", "Luzhou", "FULL_GUIDANCE"),
            new County("511722", "511722", "宣汉县", "Xuanhan", "Dazhou", "IMPROVE"),
            new County("511523", "511523", "江安县", "Jiang'an", "Yibin", "FULL_GUIDANCE"));

    private static final List<Expert> EXPERTS = List.of(
            new Expert("expert.wang", "王建国 Wang Jianguo", List.of("process safety", "reaction risk assessment")),
            new Expert("expert.li", "李敏 Li Min", List.of("instrumentation", "DCS/SIS")),
            new Expert("expert.zhang", "张伟 Zhang Wei", List.of("major hazard installations", "storage")),
            new Expert("expert.chen", "陈静 Chen Jing", List.of("chemical parks", "emergency management")));

    private int serial;
    private final List<Enterprise> current = new ArrayList<>();

    private void build() {
        // Jiangyou: a major finding left in rectification, a general one closed by the enterprise, and a
        // regulator-reported major hazard left overdue (escalated to Mianyang and Sichuan).
        county("510781", 3, "江油化工园区");
        visit(0, List.of(0, 1), List.of("MAJOR_HAZARD_INSTALLATIONS", "EQUIPMENT_RUNNING_WITH_DEFECTS"),
                major("MAJOR_HAZARD_INSTALLATIONS", "MHC-05", "二级重大危险源液氨罐区紧急切断阀未与SIS联锁 / Grade-2 ammonia tank farm: emergency shut-off valves not interlocked with the SIS",
                        "液氨罐区 ammonia tank farm T-301/T-302", "Interlock the shut-off valves with the SIS; proof test", 20, true, Fate.PLANNED),
                general("EQUIPMENT_RUNNING_WITH_DEFECTS", "反应釜R-201压力变送器漂移超5%仍在运行 / Reactor R-201 pressure transmitter drifts >5 %, kept in service",
                        "合成车间 synthesis unit", "Replace and calibrate the transmitter", 10, Fate.SIGNED_OFF_BY_ENTERPRISE));
        visit(1, List.of(0, 2), List.of("FINE_CHEMICAL_FOUR_ZEROINGS", "THREE_ONES"),
                general("FINE_CHEMICAL_FOUR_ZEROINGS", "加氢岗位2名操作人员无特种作业证 / Two hydrogenation operators without special-operation certificates",
                        "加氢车间 hydrogenation unit", "Certify or reassign the operators", 30, Fate.OPEN));
        visit(2, List.of(2, 3), List.of("CHEMICAL_PARKS", "RECTIFICATION_CLOSURE"),
                general("RECTIFICATION_CLOSURE", "2023年自查隐患3项无整改佐证即销号 / Three 2023 self-check hazards closed without evidence",
                        "安全管理部 safety office", "Reopen the items and attach evidence", 15, Fate.OPEN));
        nearDue(0, "MAJOR_HAZARD_INSTALLATIONS", "MAJOR", "MHC-15",
                "液氨储罐V-302安全阀前切断阀处于关闭状态 / Safety valve of ammonia receiver V-302 isolated by a closed block valve", false);

        // Guang'an Economic Development Zone: a deadline extension and a general hazard closed by the enterprise.
        county(GUANGAN_ZONE, 3, "广安新桥化工园区");
        visit(0, List.of(1, 3), List.of("CHEMICAL_PARKS", "MAJOR_HAZARD_INSTALLATIONS"),
                major("CHEMICAL_PARKS", "MHC-12", "管廊区域未设置可燃有毒气体检测报警 / No flammable or toxic gas detection along the pipe rack",
                        "园区公共管廊 park pipe rack", "Install detectors linked to the control room", 30, true, Fate.EXTENDED),
                general("CHEMICAL_PARKS", "园区封闭化管理出入记录不全 / Park closed-management gate records incomplete",
                        "园区2号门 gate 2", "Complete the gate records", 7, Fate.SIGNED_OFF_BY_ENTERPRISE));
        visit(1, List.of(0, 3), List.of("THREE_ONES"),
                general("THREE_ONES", "“三个一”台账未更新至2024年 / 'Three ones' ledger not updated for 2024",
                        "安全管理部 safety office", "Update the ledger", 20, Fate.OPEN));
        visit(2, List.of(2), List.of("EQUIPMENT_RUNNING_WITH_DEFECTS"),
                general("EQUIPMENT_RUNNING_WITH_DEFECTS", "循环水泵P-103机封泄漏仍运行 / Circulating-water pump P-103 seal leaking, kept running",
                        "循环水站 cooling-water station", "Replace the mechanical seal", 10, Fate.PLANNED));

        // Pengzhou: everything due is closed on time and every enterprise inspected -> demonstration eligible.
        county("510182", 2, "彭州石化基地");
        visit(0, List.of(0, 1), List.of("FINE_CHEMICAL_FOUR_ZEROINGS", "MAJOR_HAZARD_INSTALLATIONS"),
                major("FINE_CHEMICAL_FOUR_ZEROINGS", "MHC-19", "硝化工艺未开展反应安全风险评估 / Nitration process without a reaction safety risk assessment",
                        "硝化车间 nitration unit", "Commission the reaction risk assessment", 30, true, Fate.SIGNED_OFF_BY_REGULATOR));
        visit(1, List.of(2, 3), List.of("THREE_ONES", "CHEMICAL_PARKS"),
                general("THREE_ONES", "安全风险分级管控清单未覆盖新建罐区 / Risk register does not cover the new tank farm",
                        "新建罐区 new tank farm", "Extend the register", 20, Fate.SIGNED_OFF_BY_ENTERPRISE));

        // Wutongqiao: a rejected rectification, then accepted; also demonstration eligible.
        county("511112", 3, "五通桥化工园区");
        visit(0, List.of(1, 2), List.of("EQUIPMENT_RUNNING_WITH_DEFECTS", "MAJOR_HAZARD_INSTALLATIONS"),
                general("EQUIPMENT_RUNNING_WITH_DEFECTS", "氯气缓冲罐液位计失灵 / Chlorine buffer tank level gauge out of order",
                        "氯碱车间 chlor-alkali unit", "Repair and test the level gauge", 15, Fate.REJECTED_THEN_SIGNED_OFF),
                major("MAJOR_HAZARD_INSTALLATIONS", "MHC-04", "氯化工艺紧急停车系统被旁路 / Emergency shutdown of the chlorination process bypassed",
                        "氯化车间 chlorination unit", "Remove the bypass; test the ESD", 15, true, Fate.SIGNED_OFF_BY_REGULATOR));
        visit(1, List.of(0, 3), List.of("RECTIFICATION_CLOSURE"),
                general("RECTIFICATION_CLOSURE", "隐患整改销号资料未归档 / Sign-off records of closed hazards not filed",
                        "安全管理部 safety office", "File the records", 20, Fate.OPEN));
        visit(2, List.of(3), List.of("THREE_ONES"),
                general("THREE_ONES", "“三个一”责任人未公示 / 'Three ones' responsible persons not posted",
                        "厂区公告栏 notice board", "Post the responsible persons", 25, Fate.OPEN));

        // Yantan: a closed hazard reopened on a recurrence (it counts as a repeat).
        county("510311", 2, "沿滩高新区化工园");
        visit(0, List.of(0, 2), List.of("EQUIPMENT_RUNNING_WITH_DEFECTS", "THREE_ONES"),
                general("EQUIPMENT_RUNNING_WITH_DEFECTS", "导热油炉温度联锁失效 / Thermal-oil heater temperature interlock not working",
                        "导热油炉房 heater house", "Repair the interlock", 10, Fate.REOPENED));
        visit(1, List.of(1), List.of("FINE_CHEMICAL_FOUR_ZEROINGS"),
                general("FINE_CHEMICAL_FOUR_ZEROINGS", "人员密集场所未搬离甲类车间 / Occupied building not yet moved out of the class-A plant",
                        "甲类车间 class-A plant", "Relocate the office", 60, Fate.PLANNED));

        // Naxi: a regulator-reported major hazard with a plan, still overdue (a plan does not stop the clock).
        county("510503", 2, "纳溪化工园区");
        visit(0, List.of(2, 3), List.of("MAJOR_HAZARD_INSTALLATIONS", "CHEMICAL_PARKS"),
                general("MAJOR_HAZARD_INSTALLATIONS", "重大危险源包保责任人未培训 / Major-hazard responsible persons not trained",
                        "重大危险源 major hazard installation", "Train the responsible persons", 30, Fate.OPEN));
        visit(1, List.of(0), List.of("RECTIFICATION_CLOSURE"),
                general("RECTIFICATION_CLOSURE", "隐患台账与整改通知不一致 / Hazard ledger inconsistent with rectification notices",
                        "安全管理部 safety office", "Reconcile the ledger", 20, Fate.SIGNED_OFF_BY_REGULATOR));
        nearDue(0, "RECTIFICATION_CLOSURE", "MAJOR", "MHC-18",
                "动火作业票未落实监护人 / Hot-work permits issued without a fire watch", true);

        // Xuanhan: a regulator-reported general hazard left overdue.
        county("511722", 2, "宣汉普光化工园");
        visit(0, List.of(1, 3), List.of("CHEMICAL_PARKS", "EQUIPMENT_RUNNING_WITH_DEFECTS"),
                major("CHEMICAL_PARKS", "MHC-08", "硫化氢管道穿越园区外公共区域 / Hydrogen sulphide pipeline crosses a public area outside the park",
                        "园区外管线 off-site pipeline", "Reroute the pipeline", 60, false, Fate.PLANNED));
        visit(1, List.of(0, 2), List.of("THREE_ONES"),
                general("THREE_ONES", "应急演练记录缺失 / Emergency drill records missing",
                        "应急办 emergency office", "Hold and record a drill", 15, Fate.SIGNED_OFF_BY_ENTERPRISE));
        nearDue(1, "EQUIPMENT_RUNNING_WITH_DEFECTS", "GENERAL", null,
                "洗眼器及紧急喷淋装置停用 / Eyewash and emergency shower out of service", false);

        // Jiang'an: one visit called off, so one enterprise of three is not covered this year.
        county("511523", 3, "江安阳春工业园");
        visit(0, List.of(0, 1), List.of("FINE_CHEMICAL_FOUR_ZEROINGS", "MAJOR_HAZARD_INSTALLATIONS"),
                major("FINE_CHEMICAL_FOUR_ZEROINGS", "MHC-04", "重氮化工艺未实现自动化控制 / Diazotisation process without automated control",
                        "重氮化车间 diazotisation unit", "Complete the automation retrofit", 45, false, Fate.PLANNED));
        visit(1, List.of(2, 3), List.of("RECTIFICATION_CLOSURE", "CHEMICAL_PARKS"),
                general("RECTIFICATION_CLOSURE", "上轮督导隐患2项逾期未整改 / Two hazards from the last visit overdue",
                        "安全管理部 safety office", "Close the two items", 10, Fate.SIGNED_OFF_BY_ENTERPRISE));
        cancelledVisit(2, List.of(0, 3), List.of("THREE_ONES"));
    }

    private void county(String code, int enterpriseCount, String parkName) {
        County c = county(code);
        current.clear();
        String[] ordinal = {"甲", "乙", "丙"};
        String[] latin = {"A", "B", "C"};
        for (int i = 0; i < enterpriseCount; i++) {
            serial++;
            String name = c.nameZh() + ordinal[i] + "化工有限公司 " + c.nameEn() + " Chemical " + latin[i] + " Co. (demo " + round + ")";
            Enterprise e = new Enterprise(creditCode(c.divisionCode(), round, serial), name, code,
                    i == 2 ? null : parkName, i == 0, i == 0 ? 2 : null);
            current.add(e);
            enterprises.add(e);
        }
    }

    private void visit(int enterprise, List<Integer> experts, List<String> keyTasks, Finding... findings) {
        Enterprise e = current.get(enterprise);
        inspections.add(new Inspection(e.creditCode(), e.countyCode(), visitDay(e.countyCode()), experts, keyTasks, false,
                List.of(findings)));
    }

    private void cancelledVisit(int enterprise, List<Integer> experts, List<String> keyTasks) {
        Enterprise e = current.get(enterprise);
        inspections.add(new Inspection(e.creditCode(), e.countyCode(), visitDay(e.countyCode()), experts, keyTasks, true, List.of()));
    }

    private void nearDue(int enterprise, String keyTask, String grade, String criterion, String description, boolean planned) {
        Enterprise e = current.get(enterprise);
        nearDue.add(new NearDueHazard(e.creditCode(), e.countyCode(), keyTask, grade, criterion, description, planned));
    }

    private static Finding major(String keyTask, String criterion, String description, String location, String measure, int days,
                                 boolean controlSystemEvidence, Fate fate) {
        return new Finding(keyTask, "MAJOR", criterion, description, location, measure, days, controlSystemEvidence, fate);
    }

    private static Finding general(String keyTask, String description, String location, String measure, int days, Fate fate) {
        return new Finding(keyTask, "GENERAL", null, description, location, measure, days, false, fate);
    }
}
