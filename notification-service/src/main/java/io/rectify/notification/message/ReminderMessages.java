package io.rectify.notification.message;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What messages say, in Chinese (the default: most recipients are Chinese authorities and enterprises);
 * {@link ReminderMessagesEn} says it in English. Templates use it as {@code {rm:…}}, Java through
 * {@link ReminderTexts#messages}.
 */
@MessageBundle(value = "rm", locale = "zh-CN")
public interface ReminderMessages {

    @Message("隐患整改期限将至（{due}到期）")
    String headline_due_soon(String due);

    @Message("隐患整改已逾期（期限{due}）")
    String headline_overdue(String due);

    @Message("隐患整改仍未完成，已逾期{overdue}")
    String headline_overdue_repeat(String overdue);

    @Message("逾期未整改隐患已上报{to}")
    String headline_escalated(String to);

    @Message("【隐患整改】{headline}：{county} · {description}")
    String subject(String headline, String county, String description);

    @Message("【隐患整改】{count}条提醒（{day}）")
    String digest_subject(int count, String day);

    @Message("以下是自上次汇总以来需要您处理的{count}条隐患整改提醒，按紧急程度排列：")
    String digest_intro(int count);

    @Message("{days}天{hours}小时")
    String days_hours(long days, long hours);

    @Message("{hours}小时{minutes}分钟")
    String hours_minutes(long hours, long minutes);

    @Message("{minutes}分钟")
    String minutes(long minutes);

    @Message("重大隐患")
    String grade_major();

    @Message("一般隐患")
    String grade_general();

    @Message("上次提醒（{sentAt}发送）已于{acknowledgedAt}确认收到。")
    String previous_acknowledged(String sentAt, String acknowledgedAt);

    @Message("上次提醒（{sentAt}发送）尚未确认收到。")
    String previous_not_acknowledged(String sentAt);

    @Message("隐患描述")
    String label_description();

    @Message("企业")
    String label_enterprise();

    @Message("所在县（区）")
    String label_county();

    @Message("隐患等级")
    String label_grade();

    @Message("整改期限（北京时间）")
    String label_due();

    @Message("逾期时长")
    String label_overdue();

    @Message("已上报至")
    String label_escalated();

    @Message("查看并处理隐患")
    String label_link();

    @Message("确认收到")
    String label_acknowledge();

    @Message("点击“确认收到”告知监管部门您已阅知本提醒（链接仅可使用一次，过期失效）。")
    String acknowledge_hint();

    @Message("本邮件由隐患整改督办系统自动发送，请勿直接回复。")
    String footer();

    @Message("确认收到提醒")
    String ack_page_title();

    @Message("请确认您已收到该隐患整改提醒。")
    String ack_page_question();

    @Message("已确认收到，谢谢。")
    String ack_page_done();

    @Message("{city}应急管理局")
    String city_authority(String city);

    @Message("{province}应急管理厅")
    String province_authority(String province);
}
