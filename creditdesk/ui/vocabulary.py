"""Strings the windows translate at run time from data, not from a literal ``tr("…")``.

Role, subject-kind, category, status and outcome labels come from the Qt-free core
(creditdesk/roles.py, credit.py, outcomes.py, …) and table headers from lists; the pages pass
them to ``tr()`` as values, which ``pyside6-lupdate`` cannot see. Listed here with
``QT_TRANSLATE_NOOP`` in the empty context, so the .ts holds them; CreditDeskTranslator
(ui/i18n.py) looks a string up there when the asking class's context does not have it.
The English tour test (tests/test_translations.py) finds any that is missing.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale


def label(text: str | None) -> str:
    """A core label or other vocabulary string in the window's language (unknown text as it is)."""
    return QCoreApplication.translate("", text) if text else (text or "")


def weekday(day: datetime.date, short: bool = False) -> str:
    """The day of the week in the window's language (星期五 / 周五, Friday / Fri), whatever the system locale."""
    app = QCoreApplication.instance()
    locale = QLocale((app.property("creditdesk_language") if app is not None else None) or "zh_CN")
    return locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat)


VOCABULARY = (
    # the credit report's problems (ui/review_adapter.REPORT_PROBLEM_TEXT)
    QT_TRANSLATE_NOOP("", "平台上没有该编号的信用报告"),
    QT_TRANSLATE_NOOP("", "信用报告已超过有效期"),
    QT_TRANSLATE_NOOP("", "信用报告尚未生效"),
    QT_TRANSLATE_NOOP("", "信用报告已撤回或作废"),
    QT_TRANSLATE_NOOP("", "信用报告不是该申请人的"),
    QT_TRANSLATE_NOOP("", "出具机构不在平台备案名单中"),
    QT_TRANSLATE_NOOP("", "出具机构备案已失效或备案层级不足"),
    QT_TRANSLATE_NOOP("", "信用报告未在平台公示"),
    QT_TRANSLATE_NOOP("", "出具机构不在本地政策认可的信用服务机构范围内"),
    QT_TRANSLATE_NOOP("", "姓名"),
    QT_TRANSLATE_NOOP("", "最近登录"),
    QT_TRANSLATE_NOOP("", "正常"),
    QT_TRANSLATE_NOOP("", "状态"),
    QT_TRANSLATE_NOOP("", "用户名"),
    QT_TRANSLATE_NOOP("", "科室/单位"),
    QT_TRANSLATE_NOOP("", "科室负责人"),
    QT_TRANSLATE_NOOP("", "系统管理员"),
    QT_TRANSLATE_NOOP("", "经办人"),
    QT_TRANSLATE_NOOP("", "角色"),
    QT_TRANSLATE_NOOP("", "法人"),
    QT_TRANSLATE_NOOP("", "自然人"),
    QT_TRANSLATE_NOOP("", "该日期没有核查记录"),
    QT_TRANSLATE_NOOP("", "主体"),
    QT_TRANSLATE_NOOP("", "状态说明"),
    QT_TRANSLATE_NOOP("", "登记时间"),
    QT_TRANSLATE_NOOP("", "不计入"),
    QT_TRANSLATE_NOOP("", "严重失信主体名单（黑名单）"),
    QT_TRANSLATE_NOOP("", "事项"),
    QT_TRANSLATE_NOOP("", "信用评价等级"),
    QT_TRANSLATE_NOOP("", "公示期"),
    QT_TRANSLATE_NOOP("", "其他"),
    QT_TRANSLATE_NOOP("", "决定日期"),
    QT_TRANSLATE_NOOP("", "列入失信黑名单"),
    QT_TRANSLATE_NOOP("", "失信被执行人"),
    QT_TRANSLATE_NOOP("", "存续"),
    QT_TRANSLATE_NOOP("", "守信激励对象 / 红名单 / 诚信典型"),
    QT_TRANSLATE_NOOP("", "已信用修复"),
    QT_TRANSLATE_NOOP("", "已公示的信用报告"),
    QT_TRANSLATE_NOOP("", "已过公示期"),
    QT_TRANSLATE_NOOP("", "市级"),
    QT_TRANSLATE_NOOP("", "报告编号 / 出具机构"),
    QT_TRANSLATE_NOOP("", "有效 {0} / 共 {1}"),
    QT_TRANSLATE_NOOP("", "有效期"),
    QT_TRANSLATE_NOOP("", "有效记录"),
    QT_TRANSLATE_NOOP("", "省级"),
    QT_TRANSLATE_NOOP("", "等级"),
    QT_TRANSLATE_NOOP("", "行政处罚"),
    QT_TRANSLATE_NOOP("", "行政许可"),
    QT_TRANSLATE_NOOP("", "计入"),
    QT_TRANSLATE_NOOP("", "从严"),
    QT_TRANSLATE_NOOP("", "半年"),
    QT_TRANSLATE_NOOP("", "季度"),
    QT_TRANSLATE_NOOP("", "异议"),
    QT_TRANSLATE_NOOP("", "承诺履约"),
    QT_TRANSLATE_NOOP("", "承诺签署"),
    QT_TRANSLATE_NOOP("", "承诺违约"),
    QT_TRANSLATE_NOOP("", "月"),
    QT_TRANSLATE_NOOP("", "核查总数"),
    QT_TRANSLATE_NOOP("", "核验信用报告"),
    QT_TRANSLATE_NOOP("", "激励"),
    QT_TRANSLATE_NOOP("", "禁止"),
    QT_TRANSLATE_NOOP("", "离线占比"),
    QT_TRANSLATE_NOOP("", "第一季度"),
    QT_TRANSLATE_NOOP("", "第三季度"),
    QT_TRANSLATE_NOOP("", "第二季度"),
    QT_TRANSLATE_NOOP("", "第四季度"),
    QT_TRANSLATE_NOOP("", "从严审核"),
    QT_TRANSLATE_NOOP("", "依规限制（不予办理）"),
    QT_TRANSLATE_NOOP("", "信用承诺"),
    QT_TRANSLATE_NOOP("", "信用报告"),
    QT_TRANSLATE_NOOP("", "信用报告已超过有效期"),
    QT_TRANSLATE_NOOP("", "委托代理人"),
    QT_TRANSLATE_NOOP("", "守信激励"),
    QT_TRANSLATE_NOOP("", "平台上没有该编号的信用报告"),
    QT_TRANSLATE_NOOP("", "正常办理"),
    QT_TRANSLATE_NOOP("", "法定代表人"),
    QT_TRANSLATE_NOOP("", "结论"),
    QT_TRANSLATE_NOOP("", "记录核查"),
    QT_TRANSLATE_NOOP("", "<b>演示模式</b>：可用以下演示账户登录，密码均为 demo<table style='margin-top:4px'><tr><td style='padding-right:14px'>demo-officer</td><td>经办人</td></tr><tr><td style='padding-right:14px'>demo-supervisor</td><td>科室负责人</td></tr><tr><td style='padding-right:14px'>demo-admin</td><td>系统管理员</td></tr></table>"),
    QT_TRANSLATE_NOOP("", "不良等级"),
    QT_TRANSLATE_NOOP("", "信用已修复或记录已撤销，平台尚未更新"),
    QT_TRANSLATE_NOOP("", "平台数据有误（已向信用中心核实）"),
    QT_TRANSLATE_NOOP("", "异议已受理并认定成立"),
    QT_TRANSLATE_NOOP("", "正在核查"),
    QT_TRANSLATE_NOOP("", "法律法规或上级文件另有规定（写明文号）"),
    QT_TRANSLATE_NOOP("", "确认无措施规定的记录"),
    QT_TRANSLATE_NOOP("", "结论比系统计算结果宽松：请选择调整理由类别"),
    QT_TRANSLATE_NOOP("", "记录不属于该申请人（同名或代码错误）"),
    QT_TRANSLATE_NOOP("", "请选择或采用结论"),
    # ui/profile_html.py passes these to tr() inside f-strings, where pyside6-lupdate does not look
    QT_TRANSLATE_NOOP("", "平台暂无该主体的信用记录"),
    QT_TRANSLATE_NOOP("", "平台未公示该主体的任何信用记录。"),
    QT_TRANSLATE_NOOP("", "有 {0} 条有效不良记录"),
    QT_TRANSLATE_NOOP("", "："),
)

# The core's labels (Qt-free modules: credit.py, outcomes.py, roles.py, services/…, the city profiles'
# matters), translated where a page shows them: tr(label) or ui.vocabulary.label(text). Kept complete by
# tests/test_ui_literals_translated.py, which reads the same dictionaries.
CORE_LABELS = (
    # credit.CATEGORIES
    QT_TRANSLATE_NOOP("", "重大税收违法失信主体"),
    QT_TRANSLATE_NOOP("", "政府采购严重违法失信行为记录"),
    QT_TRANSLATE_NOOP("", "信用承诺违约"),
    # credit.NotInForce
    QT_TRANSLATE_NOOP("", "已撤销"),
    QT_TRANSLATE_NOOP("", "尚未到公示起始日"),
    # credit.SUBJECT_KIND_LABELS
    QT_TRANSLATE_NOOP("", "非法人组织"),
    QT_TRANSLATE_NOOP("", "个体工商户"),
    # credit.SUBJECT_STATUS_LABELS
    QT_TRANSLATE_NOOP("", "注销"),
    QT_TRANSLATE_NOOP("", "吊销"),
    # credit.RECORD_STATUS_LABELS
    QT_TRANSLATE_NOOP("", "有效"),
    # policy.model.MATTER_CODES
    QT_TRANSLATE_NOOP("", "政府采购"),
    QT_TRANSLATE_NOOP("", "招标投标"),
    QT_TRANSLATE_NOOP("", "土地使用权出让"),
    QT_TRANSLATE_NOOP("", "国有产权交易"),
    QT_TRANSLATE_NOOP("", "财政资金扶持"),
    QT_TRANSLATE_NOOP("", "税收优惠"),
    QT_TRANSLATE_NOOP("", "评优评先与评级"),
    QT_TRANSLATE_NOOP("", "资质审核认定"),
    QT_TRANSLATE_NOOP("", "公务员与事业单位人员招录管理"),
    QT_TRANSLATE_NOOP("", "行政审批、许可与市场准入"),
    QT_TRANSLATE_NOOP("", "融资担保与金融监管"),
    # policy.model.STEP_LABELS
    QT_TRANSLATE_NOOP("", "查询信用记录"),
    QT_TRANSLATE_NOOP("", "提供信用报告"),
    QT_TRANSLATE_NOOP("", "签署信用承诺"),
    QT_TRANSLATE_NOOP("", "信用审查（信用中心出具审查报告）"),
    # review_workflow.STEP_LABELS
    QT_TRANSLATE_NOOP("", "授权委托"),
    # reviews.OVERRIDE_STATUS_LABELS
    QT_TRANSLATE_NOOP("", "待复核"),
    QT_TRANSLATE_NOOP("", "已批准"),
    QT_TRANSLATE_NOOP("", "已驳回"),
    # roles.PERMISSION_LABELS
    QT_TRANSLATE_NOOP("", "查看其他经办人的核查记录"),
    QT_TRANSLATE_NOOP("", "导出含个人信息的数据"),
    QT_TRANSLATE_NOOP("", "处理承诺履约、提醒与复核"),
    QT_TRANSLATE_NOOP("", "管理账户"),
    QT_TRANSLATE_NOOP("", "修改设置"),
    QT_TRANSLATE_NOOP("", "清理历史数据"),
    QT_TRANSLATE_NOOP("", "办理核查"),
    QT_TRANSLATE_NOOP("", "同步或导入数据"),
    QT_TRANSLATE_NOOP("", "连接平台或保存平台令牌"),
    QT_TRANSLATE_NOOP("", "信任平台签名密钥"),
    QT_TRANSLATE_NOOP("", "写入演示数据"),
    # audit.ACTIONS
    QT_TRANSLATE_NOOP("", "查询"),
    QT_TRANSLATE_NOOP("", "查看信用档案"),
    QT_TRANSLATE_NOOP("", "核查"),
    QT_TRANSLATE_NOOP("", "完成核查"),
    QT_TRANSLATE_NOOP("", "更正核查"),
    QT_TRANSLATE_NOOP("", "导出"),
    QT_TRANSLATE_NOOP("", "生成报送材料"),
    QT_TRANSLATE_NOOP("", "登录"),
    QT_TRANSLATE_NOOP("", "登录失败"),
    QT_TRANSLATE_NOOP("", "退出"),
    QT_TRANSLATE_NOOP("", "锁屏"),
    QT_TRANSLATE_NOOP("", "解锁"),
    QT_TRANSLATE_NOOP("", "创建账户"),
    QT_TRANSLATE_NOOP("", "修改账户"),
    QT_TRANSLATE_NOOP("", "承诺履约标记"),
    QT_TRANSLATE_NOOP("", "登记异议"),
    QT_TRANSLATE_NOOP("", "确认提醒"),
    QT_TRANSLATE_NOOP("", "确认复核"),
    QT_TRANSLATE_NOOP("", "导出审计日志"),
    QT_TRANSLATE_NOOP("", "校验审计日志"),
    QT_TRANSLATE_NOOP("", "核验核查码"),
    QT_TRANSLATE_NOOP("", "同步"),
    QT_TRANSLATE_NOOP("", "导入离线数据包"),
    QT_TRANSLATE_NOOP("", "查看审计日志"),
    QT_TRANSLATE_NOOP("", "越权操作被拒绝"),
    QT_TRANSLATE_NOOP("", "备份数据"),
    QT_TRANSLATE_NOOP("", "强制使用较旧数据"),
    QT_TRANSLATE_NOOP("", "批准结论调整"),
    QT_TRANSLATE_NOOP("", "驳回结论调整"),
    QT_TRANSLATE_NOOP("", "申请信用审查"),
    QT_TRANSLATE_NOOP("", "记录信用审查结果"),
    QT_TRANSLATE_NOOP("", "连接平台"),
    QT_TRANSLATE_NOOP("", "保存或删除平台令牌"),
    QT_TRANSLATE_NOOP("", "固定平台签名密钥"),
    QT_TRANSLATE_NOOP("", "审计链头锚定"),
    # objection_statuses.STATUS_LABELS
    QT_TRANSLATE_NOOP("", "待上报"),
    QT_TRANSLATE_NOOP("", "已提交平台"),
    QT_TRANSLATE_NOOP("", "平台已受理"),
    QT_TRANSLATE_NOOP("", "平台退回"),
    QT_TRANSLATE_NOOP("", "记录已变更"),
    QT_TRANSLATE_NOOP("", "异议成立"),
    QT_TRANSLATE_NOOP("", "异议不成立"),
    # followup.STATUS_LABELS
    QT_TRANSLATE_NOOP("", "履行中"),
    QT_TRANSLATE_NOOP("", "已履约"),
    QT_TRANSLATE_NOOP("", "已违约"),
    # credit_review.STATUS_LABELS
    QT_TRANSLATE_NOOP("", "已申请，待反馈"),
    QT_TRANSLATE_NOOP("", "已收到审查报告"),
    # ledger.OFFLINE_LABELS
    QT_TRANSLATE_NOOP("", "全部"),
    QT_TRANSLATE_NOOP("", "仅离线"),
    QT_TRANSLATE_NOOP("", "仅在线"),
    # wording.ENTITY_LABELS
    QT_TRANSLATE_NOOP("", "信用记录"),
    QT_TRANSLATE_NOOP("", "信用服务机构"),
    QT_TRANSLATE_NOOP("", "政策档案"),
    # wording.SOURCE_LABELS
    QT_TRANSLATE_NOOP("", "平台同步"),
    QT_TRANSLATE_NOOP("", "离线数据包"),
    QT_TRANSLATE_NOOP("", "演示数据"),
    # wording.OUTBOX_KIND_LABELS
    QT_TRANSLATE_NOOP("", "核查记录"),
    QT_TRANSLATE_NOOP("", "承诺履约状态"),
    QT_TRANSLATE_NOOP("", "使用情况报送"),
    # wording.FIELD_LABELS
    QT_TRANSLATE_NOOP("", "主体类型"),
    QT_TRANSLATE_NOOP("", "名称"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码"),
    QT_TRANSLATE_NOOP("", "曾用名"),
    QT_TRANSLATE_NOOP("", "行政区划代码"),
    QT_TRANSLATE_NOOP("", "成立日期"),
    QT_TRANSLATE_NOOP("", "脱敏身份证号"),
    QT_TRANSLATE_NOOP("", "身份证号摘要"),
    QT_TRANSLATE_NOOP("", "更新时间"),
    QT_TRANSLATE_NOOP("", "主体编号"),
    QT_TRANSLATE_NOOP("", "记录类别"),
    QT_TRANSLATE_NOOP("", "记录名称"),
    QT_TRANSLATE_NOOP("", "文号"),
    QT_TRANSLATE_NOOP("", "决定机关"),
    QT_TRANSLATE_NOOP("", "决定机关代码"),
    QT_TRANSLATE_NOOP("", "公示起始日"),
    QT_TRANSLATE_NOOP("", "公示截止日"),
    QT_TRANSLATE_NOOP("", "依据"),
    QT_TRANSLATE_NOOP("", "内容"),
    QT_TRANSLATE_NOOP("", "金额"),
    QT_TRANSLATE_NOOP("", "评价体系"),
    QT_TRANSLATE_NOOP("", "备案编号"),
    QT_TRANSLATE_NOOP("", "备案机关"),
    QT_TRANSLATE_NOOP("", "备案层级"),
    QT_TRANSLATE_NOOP("", "备案日期"),
    QT_TRANSLATE_NOOP("", "有效期至"),
    QT_TRANSLATE_NOOP("", "出具机构"),
    QT_TRANSLATE_NOOP("", "出具日期"),
    QT_TRANSLATE_NOOP("", "公示日期"),
    QT_TRANSLATE_NOOP("", "报告编号"),
    QT_TRANSLATE_NOOP("", "档案编号"),
    QT_TRANSLATE_NOOP("", "版本"),
    QT_TRANSLATE_NOOP("", "生效日期"),
    QT_TRANSLATE_NOOP("", "档案内容"),
    QT_TRANSLATE_NOOP("", "数据"),
    QT_TRANSLATE_NOOP("", "更新"),
    QT_TRANSLATE_NOOP("", "删除"),
    # usage.OBJECTION_STATUS_LABELS
    QT_TRANSLATE_NOOP("", "待提交"),
    QT_TRANSLATE_NOOP("", "平台不予受理"),
    # usage.COMMITMENT_STATUS_LABELS
    QT_TRANSLATE_NOOP("", "履约中"),
    QT_TRANSLATE_NOOP("", "违约"),
    # the matters' labels in the city profiles (creditdesk/resources/policies/*.json)
    QT_TRANSLATE_NOOP("", "债券发行"),
    # rows.ledger.HEADERS (the ledger's columns)
    QT_TRANSLATE_NOOP("", "核查时间"),
    QT_TRANSLATE_NOOP("", "经办人账号"),
    QT_TRANSLATE_NOOP("", "窗口"),
    QT_TRANSLATE_NOOP("", "事项代码"),
    QT_TRANSLATE_NOOP("", "主体名称"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码/证件号"),
    QT_TRANSLATE_NOOP("", "系统结论"),
    QT_TRANSLATE_NOOP("", "最终结论"),
    QT_TRANSLATE_NOOP("", "措施"),
    QT_TRANSLATE_NOOP("", "偏离理由"),
    QT_TRANSLATE_NOOP("", "审批"),
    QT_TRANSLATE_NOOP("", "承诺书编号"),
    QT_TRANSLATE_NOOP("", "信用核查码"),
    QT_TRANSLATE_NOOP("", "离线"),
    QT_TRANSLATE_NOOP("", "数据截至"),
)
