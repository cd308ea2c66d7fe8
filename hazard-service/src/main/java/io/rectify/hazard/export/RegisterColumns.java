package io.rectify.hazard.export;

import java.util.List;

/** The columns of the register (one row per hazard) and of its history sheet, in order. */
public final class RegisterColumns {

    private RegisterColumns() {
    }

    public static final List<Column<RegisterRow>> HAZARD = List.of(
            new Column<>("隐患编号", "Hazard ID", 38, (r, l) -> r.id().toString()),
            new Column<>("县区代码", "County code", 12, (r, l) -> r.countyCode()),
            new Column<>("县区", "County", 14, (r, l) -> r.countyName()),
            new Column<>("统一社会信用代码", "Enterprise credit code", 22, (r, l) -> r.enterpriseCreditCode()),
            new Column<>("企业名称", "Enterprise", 28, (r, l) -> r.enterpriseName()),
            new Column<>("隐患来源", "Source", 16, (r, l) -> l.source(r.source())),
            new Column<>("重点任务", "Key task", 22, (r, l) -> l.keyTask(r.keyTask())),
            new Column<>("隐患等级", "Grade", 10, (r, l) -> l.grade(r.grade())),
            new Column<>("重大隐患判定标准", "Major criterion", 10, (r, l) -> r.majorCriterion()),
            new Column<>("判定标准名称", "Criterion name", 36, (r, l) -> l.criterion(r.majorCriterion())),
            new Column<>("隐患描述", "Description", 48, (r, l) -> r.description()),
            new Column<>("上报时间", "Reported", 18, (r, l) -> l.local(r.reportedAt())),
            new Column<>("整改期限", "Due", 18, (r, l) -> l.local(r.dueAt())),
            new Column<>("状态", "Status", 12, (r, l) -> l.status(r.status())),
            new Column<>("逾期天数", "Days overdue", 10, (r, l) -> r.overdueDays()),
            new Column<>("整改责任人", "Responsible person", 18, (r, l) -> r.planResponsiblePerson()),
            new Column<>("整改措施", "Measures", 36, (r, l) -> r.planMeasures()),
            new Column<>("整改资金（元）", "Funding (CNY)", 14, (r, l) -> r.planFundingCny()),
            new Column<>("整改时限", "Plan deadline", 12, (r, l) -> r.planDeadline()),
            new Column<>("应急预案", "Contingency plan", 30, (r, l) -> r.planContingencyPlan()),
            new Column<>("退回次数", "Rejections", 8, (r, l) -> r.rejections()),
            new Column<>("延期次数", "Extensions", 8, (r, l) -> r.extensions()),
            new Column<>("重新打开次数", "Reopenings", 8, (r, l) -> r.reopenings()),
            new Column<>("销号时间", "Signed off", 18, (r, l) -> l.local(r.signedOffAt())),
            new Column<>("销号人", "Signed off by", 22, (r, l) -> r.signedOffBy()),
            new Column<>("证据数量", "Evidence", 8, (r, l) -> r.evidenceCount()),
            new Column<>("证据提示", "Evidence warnings", 30, (r, l) -> String.join("; ", r.evidenceWarnings())));

    public static final List<Column<HistoryRow>> HISTORY = List.of(
            new Column<>("隐患编号", "Hazard ID", 38, (r, l) -> r.hazardId().toString()),
            new Column<>("版本", "Version", 8, (r, l) -> r.version()),
            new Column<>("时间", "At", 18, (r, l) -> l.local(r.at())),
            new Column<>("操作人", "Who", 24, (r, l) -> r.who()),
            new Column<>("角色", "Role", 18, (r, l) -> r.role()),
            new Column<>("操作", "Action", 16, (r, l) -> l.action(r.action())),
            new Column<>("原状态", "From", 12, (r, l) -> l.status(r.fromStatus())),
            new Column<>("新状态", "To", 12, (r, l) -> l.status(r.toStatus())),
            new Column<>("内容", "Details", 60, (r, l) -> r.payload()));
}
