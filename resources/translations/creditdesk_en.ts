<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="25"/>
        <source>国家级</source>
        <translation>National</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="26"/>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="38"/>
        <source>长期</source>
        <translation>Indefinite</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="44"/>
        <source>金额 {0} 元</source>
        <translation>Amount ¥{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="90"/>
        <source>有 {0} 条有效守信激励记录</source>
        <translation>{0} positive record(s) in force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="90"/>
        <source>无有效不良记录</source>
        <translation>No adverse record in force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="104"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="250"/>
        <source>主体类型</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="105"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="252"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="621"/>
        <location filename="../../creditdesk/ui/profile_html.py" line="105"/>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="106"/>
        <source>法定代表人/负责人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="107"/>
        <source>登记状态</source>
        <translation>Registration status</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="108"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="255"/>
        <source>成立日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="109"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="253"/>
        <source>曾用名</source>
        <translation>Former names</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="78"/>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="41"/>
        <location filename="../../creditdesk/ui/profile_html.py" line="125"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="146"/>
        <source>有效</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="78"/>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="42"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="83"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="137"/>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="79"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="85"/>
        <source>尚未公示</source>
        <translation>Not yet published</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="81"/>
        <source>即将到期(&amp;D)</source>
        <translation>&amp;Due soon</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="81"/>
        <source>已逾期(&amp;O)</source>
        <translation>&amp;Overdue</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="82"/>
        <source>履行中(&amp;I)</source>
        <translation>&amp;In force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="82"/>
        <source>全部(&amp;L)</source>
        <translation>A&amp;ll</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="157"/>
        <source>（估）</source>
        <translation> (est.)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="159"/>
        <source>逾期 {0} 个工作日{1}</source>
        <translation>{0} working days overdue{1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="161"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="162"/>
        <source>{0} 个工作日{1}</source>
        <translation>{0} working days{1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="185"/>
        <source>承诺补交的材料，如“营业执照副本”（回车添加）</source>
        <translation>Material to hand in later, e.g. “business licence copy” (Enter adds)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="190"/>
        <source> 个工作日内</source>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="193"/>
        <source>添加(&amp;M)</source>
        <translation>Add (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="199"/>
        <source>承诺补交(&amp;Y)：</source>
        <translation>To hand in (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="228"/>
        <source>→ {0}（{1}）</source>
        <translation>→ {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="229"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="236"/>
        <source>（估算）</source>
        <translation> (estimated)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="230"/>
        <source>按国务院节假日安排计算：法定节假日不计，调休上班日计入</source>
        <translation>Counted on the State Council holiday calendar: public holidays excluded, make-up working days included</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="237"/>
        <source>{0}&#x3000;{1} 个工作日内，{2} 前{3}</source>
        <translation>{0}  within {1} working days, by {2}{3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="278"/>
        <source>标记违约</source>
        <translation>Mark breached</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="278"/>
        <source>标记已履约</source>
        <translation>Mark fulfilled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="282"/>
        <source>事项：{0}&#x3000;签署人：{1}</source>
        <translation>Matter: {0}  Signer: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="283"/>
        <source>标记违约后将上报市公共信用信息平台，不可撤销。</source>
        <translation>A breach is reported to the city credit platform and cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="284"/>
        <source>确认申请人已履行承诺（含承诺补交的全部材料）？</source>
        <translation>Confirm the applicant has kept the commitment (all promised materials handed in)?</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="290"/>
        <source>违约事实（必填）：如“逾期未补交营业执照副本”</source>
        <translation>Facts of the breach (required), e.g. “business licence copy not handed in on time”</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="290"/>
        <source>备注（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="292"/>
        <source>违约事实(&amp;N)：</source>
        <translation>Breach facts (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="292"/>
        <source>备注(&amp;N)：</source>
        <translation>Note (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="296"/>
        <source>确认违约</source>
        <translation>Confirm breach</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="296"/>
        <source>确认已履约</source>
        <translation>Confirm fulfilled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="557"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="297"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="401"/>
        <source>&lt;h2&gt;承诺跟进与复核&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Commitments and rechecks&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="404"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="417"/>
        <source>承诺到期</source>
        <translation>Commitments due</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="418"/>
        <source>监管提醒</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="419"/>
        <source>复核清单</source>
        <translation>Rechecks</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="420"/>
        <source>结论调整待复核</source>
        <translation>Outcome changes to review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="448"/>
        <source>即将到期：{0} 个工作日内（按国务院节假日安排，调休上班日计入）</source>
        <translation>Due soon: within {0} working days (State Council holiday calendar, make-up days count)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="451"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="489"/>
        <source>承诺编号</source>
        <translation>Commitment no.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="451"/>
        <source>签署人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="451"/>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="451"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="460"/>
        <source>登记补交(&amp;R)…</source>
        <translation>Handed in (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="462"/>
        <source>申请人已补交一项承诺的材料</source>
        <translation>The applicant has handed in a promised material</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="463"/>
        <source>标记已履约(&amp;F)</source>
        <translation>Mark &amp;fulfilled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="465"/>
        <source>标记违约(&amp;B)…</source>
        <translation>Mark &amp;breached…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="489"/>
        <source>提醒时间</source>
        <translation>Alerted at</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="489"/>
        <source>新增记录类别</source>
        <translation>New record category</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="489"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="496"/>
        <source>确认已处理(&amp;A)</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="514"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="545"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="296"/>
        <source>核查时间</source>
        <translation>Reviewed at</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="514"/>
        <source>原结论 → 新结论</source>
        <translation>Was → now</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="514"/>
        <source>新增有效记录</source>
        <translation>New records in force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="527"/>
        <source>确认已阅(&amp;A)</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="545"/>
        <source>系统结论 → 拟采用</source>
        <translation>Computed → proposed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="545"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="546"/>
        <source>批准调整(&amp;P)</source>
        <translation>A&amp;pprove</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="548"/>
        <source>驳回(&amp;J)</source>
        <translation>Re&amp;ject</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="580"/>
        <source>没有待复核的结论调整。</source>
        <translation>No outcome changes to review.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="599"/>
        <source>审批意见（可选）：</source>
        <translation>Comment (optional):</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="599"/>
        <source>驳回理由（必填，至少 4 个字）：</source>
        <translation>Reason for rejecting (required, at least 4 characters):</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="600"/>
        <source>批准调整</source>
        <translation>Approve change</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="600"/>
        <source>驳回调整</source>
        <translation>Reject change</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="621"/>
        <source>已批准：{0} 的结论调整</source>
        <translation>Approved: outcome change for {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="621"/>
        <source>已驳回：{0} 的结论调整</source>
        <translation>Rejected: outcome change for {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="628"/>
        <source>审批失败：{0}</source>
        <translation>Approval failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="780"/>
        <source>读取跟进数据失败：{0}</source>
        <translation>Could not read follow-up data: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="786"/>
        <source>全部经办人的承诺</source>
        <translation>All officers&apos; commitments</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="786"/>
        <source>{0} 经办的承诺</source>
        <translation>Commitments taken by {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="787"/>
        <source>&#x3000;·&#x3000;仅查看（标记与确认需科室负责人）</source>
        <translation> · view only (marking and acknowledging need a supervisor)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="848"/>
        <source>承诺到期 ({0})</source>
        <translation>Due ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="849"/>
        <source> · 已逾期 ({0})</source>
        <translation> · overdue ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="867"/>
        <source>近 {0} 个工作日内没有到期的承诺</source>
        <translation>No commitments due in the next {0} working days</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="867"/>
        <source>没有已逾期的承诺</source>
        <translation>No overdue commitments</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="868"/>
        <source>没有履行中的承诺</source>
        <translation>No commitments in force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="868"/>
        <source>还没有签署过信用承诺</source>
        <translation>No credit commitments signed yet</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="876"/>
        <source>监管提醒 ({0})</source>
        <translation>Alerts ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="893"/>
        <source>没有待处理的监管提醒：同步或导入数据后，履行承诺期间出现的新失信记录会列在这里</source>
        <translation>No open alerts: after a sync or import, new adverse records of applicants under a commitment are listed here</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="900"/>
        <source>复核清单 ({0})</source>
        <translation>Rechecks ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="909"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="1071"/>
        <location filename="../../creditdesk/ui/profile_html.py" line="72"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="369"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="914"/>
        <source>没有待复核的核查：离线或过期数据下作出的核查，在新数据下结论变化时列在这里</source>
        <translation>No rechecks: a review made offline or on stale data is listed here when new data changes its outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="948"/>
        <source>&lt;span style=&apos;color:#6b6b6b&apos;&gt;选择一条承诺查看承诺补交的材料&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#6b6b6b&apos;&gt;Select a commitment to see the materials to hand in&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="951"/>
        <source>签署于 {0}&#x3000;状态：{1}</source>
        <translation>signed {0}  Status: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="957"/>
        <source>{0} 个工作日内，</source>
        <translation>within {0} working days, </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="958"/>
        <source>已补交（{0}）</source>
        <translation>Handed in ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="959"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="960"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="358"/>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="959"/>
        <source>待补交</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="961"/>
        <source>（节假日安排未收录，按周一至周五估算）</source>
        <translation> (holiday calendar missing: estimated on Mon–Fri)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="962"/>
        <source>{0}{1} 前{2}</source>
        <translation>{0}by {1}{2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="964"/>
        <source>承诺补交：&lt;br&gt;</source>
        <translation>To hand in:&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="966"/>
        <source>本承诺没有约定补交材料</source>
        <translation>No materials to hand in under this commitment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="985"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="309"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="985"/>
        <source>数据已过期</source>
        <translation>stale data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="987"/>
        <source>核查时（{0}，数据序号 {1}，{2}）</source>
        <translation>At the review ({0}, data seq {1}, {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="989"/>
        <source>核查码 {0}&#x3000;经办人 {1}</source>
        <translation>Code {0}  Officer {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="990"/>
        <source>&#x3000;经办人采用：{0}</source>
        <translation>  Officer adopted: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="992"/>
        <source>现在的数据（数据序号 {0}，复核于 {1}）</source>
        <translation>Data now (data seq {0}, rechecked {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1003"/>
        <source>&lt;b&gt;记录&lt;/b&gt;</source>
        <translation>&lt;b&gt;Records&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1005"/>
        <source>&lt;p style=&apos;color:#6b6b6b&apos;&gt;当时本地数据中没有该主体的记录&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#6b6b6b&apos;&gt;No records of this subject in the local data then&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1013"/>
        <source> &lt;b style=&apos;color:#b3261e&apos;&gt;［新增］&lt;/b&gt;</source>
        <translation> &lt;b style=&apos;color:#b3261e&apos;&gt;[new]&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1014"/>
        <source>{0}：{1}（{2}）</source>
        <translation>{0}: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1019"/>
        <source>&lt;b&gt;措施&lt;/b&gt;&lt;ul&gt;</source>
        <translation>&lt;b&gt;Measures&lt;/b&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1048"/>
        <source>{0}（{1} 前）</source>
        <translation>{0} (by {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1049"/>
        <source>登记补交</source>
        <translation>Handed in</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1049"/>
        <source>{0} 申请人已补交：</source>
        <translation>{0}: the applicant has handed in:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1070"/>
        <source>已登记“{0}”已补交；</source>
        <translation>Recorded “{0}” as handed in; </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1071"/>
        <source>尚待补交：{0}</source>
        <translation>still open: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1071"/>
        <source>全部材料已补交，可标记承诺已履约</source>
        <translation>all materials in: the commitment can be marked fulfilled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1088"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1094"/>
        <source>已将承诺 {0} 标记为{1}，已列入待上报，下次同步时报送平台</source>
        <translation>Commitment {0} marked {1}; queued for the platform at the next sync</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1102"/>
        <source>未能标记：{0}</source>
        <translation>Could not mark: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1112"/>
        <source>已确认该监管提醒</source>
        <translation>Alert acknowledged</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1120"/>
        <source>已确认阅知该复核结果</source>
        <translation>Recheck acknowledged</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="1134"/>
        <source>未能确认：{0}</source>
        <translation>Could not acknowledge: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="125"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="125"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="125"/>
        <source>未生效</source>
        <translation>Not yet in force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="147"/>
        <source>在 {0} 有效：不良 {1} 条 · 守信 {2} 条 · 全部记录 {3} 条</source>
        <translation>In force on {0}: {1} adverse · {2} positive · {3} records in all</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="298"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="41"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="299"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="42"/>
        <source>最近登录</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="308"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="362"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="310"/>
        <source>登录锁定至 {0}</source>
        <translation>Locked until {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="311"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="43"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="299"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="451"/>
        <location filename="../../creditdesk/ui/objections_page.py" line="52"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="44"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="45"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="374"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="51"/>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="53"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="207"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="366"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="298"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="45"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="299"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="46"/>
        <source>科室/单位</source>
        <translation>Section/unit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="47"/>
        <source>科室负责人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="48"/>
        <source>系统管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="451"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="489"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="514"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="545"/>
        <location filename="../../creditdesk/ui/objections_page.py" line="51"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="49"/>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="298"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="50"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="51"/>
        <source>法人</source>
        <translation>Legal person</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="52"/>
        <source>自然人</source>
        <translation>Natural person</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="68"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="53"/>
        <source>该日期没有核查记录</source>
        <translation>No reviews on this day</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="451"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="489"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="514"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="545"/>
        <location filename="../../creditdesk/ui/objections_page.py" line="50"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="54"/>
        <source>主体</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="50"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="238"/>
        <source>信用记录</source>
        <translation>Credit record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="51"/>
        <source>异议理由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="51"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="52"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="55"/>
        <source>状态说明</source>
        <translation>Status note</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="50"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="56"/>
        <source>登记时间</source>
        <translation>Filed at</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="57"/>
        <source>不计入</source>
        <translation>not counted</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="58"/>
        <source>严重失信主体名单（黑名单）</source>
        <translation>Serious dishonesty list (black list)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="451"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="514"/>
        <location filename="../../creditdesk/ui/followup_page.py" line="545"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="59"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="60"/>
        <source>信用评价等级</source>
        <translation>Credit rating</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="61"/>
        <source>公示期</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="62"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="63"/>
        <source>决定日期</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="64"/>
        <source>列入失信黑名单</source>
        <translation>On a dishonesty black list</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="65"/>
        <source>失信被执行人</source>
        <translation>Dishonest judgment debtor</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="66"/>
        <source>存续</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="67"/>
        <source>守信激励对象 / 红名单 / 诚信典型</source>
        <translation>Trustworthy / red list / model of integrity</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="79"/>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="41"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="84"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="68"/>
        <source>已信用修复</source>
        <translation>Credit repaired</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="69"/>
        <source>已公示的信用报告</source>
        <translation>Published credit reports</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="80"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="86"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="70"/>
        <source>已过公示期</source>
        <translation>Past publication period</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="26"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="71"/>
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="72"/>
        <source>报告编号 / 出具机构</source>
        <translation>Report no. / agency</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="73"/>
        <source>有效 {0} / 共 {1}</source>
        <translation>{0} in force / {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="74"/>
        <source>有效期</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="75"/>
        <source>有效记录</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/profile_html.py" line="25"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="76"/>
        <source>省级</source>
        <translation>Provincial</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="77"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="78"/>
        <source>行政处罚</source>
        <translation>Administrative penalty</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="79"/>
        <source>行政许可</source>
        <translation>Administrative licence</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="80"/>
        <source>计入</source>
        <translation>counted</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="81"/>
        <source>从严</source>
        <translation>Strict</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="55"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="82"/>
        <source>半年</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="54"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="83"/>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="74"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="84"/>
        <source>异议</source>
        <translation>Objections</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="72"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="85"/>
        <source>承诺履约</source>
        <translation>Commitments kept</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="57"/>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="60"/>
        <source>上半年</source>
        <translation>First half</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="60"/>
        <source>下半年</source>
        <translation>Second half</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="71"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="86"/>
        <source>承诺签署</source>
        <translation>Commitments signed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="73"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="87"/>
        <source>承诺违约</source>
        <translation>Commitments broken</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="54"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="88"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="65"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="89"/>
        <source>核查总数</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="75"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="90"/>
        <source>核验信用报告</source>
        <translation>Reports verified</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="91"/>
        <source>激励</source>
        <translation>Incentive</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="92"/>
        <source>禁止</source>
        <translation>Prohibited</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="70"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="93"/>
        <source>离线占比</source>
        <translation>Offline share</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="58"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="94"/>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="59"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="95"/>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="58"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="96"/>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="59"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="97"/>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="98"/>
        <source>从严审核</source>
        <translation>Strict review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="99"/>
        <source>依规限制（不予办理）</source>
        <translation>Restricted (not handled)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="79"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="100"/>
        <source>信用承诺</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="80"/>
        <source>信用审查（由信用中心办理）</source>
        <translation>Credit review (by the credit centre)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="78"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="101"/>
        <source>信用报告</source>
        <translation>Credit report</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="33"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="102"/>
        <source>信用报告已超过有效期</source>
        <translation>The credit report has expired</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="89"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="103"/>
        <source>委托代理人</source>
        <translation>Authorised agent</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="104"/>
        <source>守信激励</source>
        <translation>Incentive</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="32"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="105"/>
        <source>平台上没有该编号的信用报告</source>
        <translation>No credit report with this number on the platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="34"/>
        <source>信用报告尚未生效</source>
        <translation>The credit report is not yet valid</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="35"/>
        <source>信用报告已撤回或作废</source>
        <translation>The credit report was withdrawn or annulled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="36"/>
        <source>信用报告不是该申请人的</source>
        <translation>The credit report is not the applicant&apos;s</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="37"/>
        <source>出具机构不在平台备案名单中</source>
        <translation>The issuing agency is not on the platform&apos;s list of filed agencies</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="38"/>
        <source>出具机构备案已失效或备案层级不足</source>
        <translation>The issuing agency&apos;s filing has lapsed or is below the required level</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="39"/>
        <source>信用报告未在平台公示</source>
        <translation>The credit report has not been published on the platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="40"/>
        <source>出具机构不在本地政策认可的信用服务机构范围内</source>
        <translation>The issuing agency is not among the credit service agencies the local policy accepts</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="106"/>
        <source>正常办理</source>
        <translation>Handled normally</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="88"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="107"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="108"/>
        <source>结论</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="109"/>
        <source>记录核查</source>
        <translation>Record check</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="33"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="110"/>
        <source>&lt;b&gt;演示模式&lt;/b&gt;：可用以下演示账户登录，密码均为 demo&lt;table style=&apos;margin-top:4px&apos;&gt;&lt;tr&gt;&lt;td style=&apos;padding-right:14px&apos;&gt;demo-officer&lt;/td&gt;&lt;td&gt;经办人&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td style=&apos;padding-right:14px&apos;&gt;demo-supervisor&lt;/td&gt;&lt;td&gt;科室负责人&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td style=&apos;padding-right:14px&apos;&gt;demo-admin&lt;/td&gt;&lt;td&gt;系统管理员&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;b&gt;Demo mode&lt;/b&gt;: sign in with one of these demo accounts, password demo&lt;table style=&apos;margin-top:4px&apos;&gt;&lt;tr&gt;&lt;td style=&apos;padding-right:14px&apos;&gt;demo-officer&lt;/td&gt;&lt;td&gt;officer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td style=&apos;padding-right:14px&apos;&gt;demo-supervisor&lt;/td&gt;&lt;td&gt;supervisor&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td style=&apos;padding-right:14px&apos;&gt;demo-admin&lt;/td&gt;&lt;td&gt;administrator&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="111"/>
        <source>不良等级</source>
        <translation>adverse grade</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="112"/>
        <source>信用已修复或记录已撤销，平台尚未更新</source>
        <translation>Credit repaired or record revoked, platform not yet updated</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="113"/>
        <source>平台数据有误（已向信用中心核实）</source>
        <translation>Platform data wrong (checked with the credit centre)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="114"/>
        <source>异议已受理并认定成立</source>
        <translation>Objection accepted and upheld</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="115"/>
        <source>正在核查</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="116"/>
        <source>法律法规或上级文件另有规定（写明文号）</source>
        <translation>Another law or higher document rules otherwise (give its number)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="117"/>
        <source>确认无措施规定的记录</source>
        <translation>Acknowledge records without a measure</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="118"/>
        <source>结论比系统计算结果宽松：请选择调整理由类别</source>
        <translation>Milder than computed: choose a reason category</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="119"/>
        <source>记录不属于该申请人（同名或代码错误）</source>
        <translation>The record is not the applicant&apos;s (same name or wrong code)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="120"/>
        <source>请选择或采用结论</source>
        <translation>Choose or adopt the outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="122"/>
        <source>平台暂无该主体的信用记录</source>
        <translation>No credit records of this subject on the platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="123"/>
        <source>平台未公示该主体的任何信用记录。</source>
        <translation>The platform publishes no credit records of this subject.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="124"/>
        <source>有 {0} 条有效不良记录</source>
        <translation>{0} adverse record(s) in force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="125"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="133"/>
        <source>重大税收违法失信主体</source>
        <translation>Major tax violation list</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="134"/>
        <source>政府采购严重违法失信行为记录</source>
        <translation>Serious procurement violation record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="135"/>
        <source>信用承诺违约</source>
        <translation>Breached credit commitment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="138"/>
        <source>尚未到公示起始日</source>
        <translation>Before its publication date</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="140"/>
        <source>非法人组织</source>
        <translation>Unincorporated organisation</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="141"/>
        <source>个体工商户</source>
        <translation>Individual business</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="143"/>
        <source>注销</source>
        <translation>Deregistered</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="144"/>
        <source>吊销</source>
        <translation>Licence revoked</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="148"/>
        <source>政府采购</source>
        <translation>Government procurement</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="149"/>
        <source>招标投标</source>
        <translation>Tendering and bidding</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="150"/>
        <source>土地使用权出让</source>
        <translation>Land use right transfer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="151"/>
        <source>国有产权交易</source>
        <translation>State property transaction</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="152"/>
        <source>财政资金扶持</source>
        <translation>Fiscal support</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="153"/>
        <source>税收优惠</source>
        <translation>Tax incentive</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="154"/>
        <source>评优评先与评级</source>
        <translation>Awards and ratings</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="155"/>
        <source>资质审核认定</source>
        <translation>Qualification approval</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="156"/>
        <source>公务员与事业单位人员招录管理</source>
        <translation>Civil service and public institution hiring</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="157"/>
        <source>行政审批、许可与市场准入</source>
        <translation>Administrative approval, licensing and market access</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="158"/>
        <source>融资担保与金融监管</source>
        <translation>Financing guarantees and financial supervision</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="160"/>
        <source>查询信用记录</source>
        <translation>Check credit records</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="161"/>
        <source>提供信用报告</source>
        <translation>Provide a credit report</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="162"/>
        <source>签署信用承诺</source>
        <translation>Sign a credit commitment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="163"/>
        <source>信用审查（信用中心出具审查报告）</source>
        <translation>Credit review (report by the credit centre)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="165"/>
        <source>授权委托</source>
        <translation>Authorisation</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="167"/>
        <source>待复核</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="168"/>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="169"/>
        <source>已驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="171"/>
        <source>查看其他经办人的核查记录</source>
        <translation>View other officers&apos; reviews</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="172"/>
        <source>导出含个人信息的数据</source>
        <translation>Export personal data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="173"/>
        <source>处理承诺履约、提醒与复核</source>
        <translation>Handle commitments, alerts and rechecks</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="174"/>
        <source>管理账户</source>
        <translation>Manage accounts</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="175"/>
        <source>修改设置</source>
        <translation>Change settings</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="176"/>
        <source>清理历史数据</source>
        <translation>Purge old data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="177"/>
        <source>办理核查</source>
        <translation>Carry out reviews</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="178"/>
        <source>同步或导入数据</source>
        <translation>Sync or import data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="179"/>
        <source>连接平台或保存平台令牌</source>
        <translation>Connect to the platform or save its token</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="180"/>
        <source>信任平台签名密钥</source>
        <translation>Trust platform signing keys</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="181"/>
        <source>写入演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="183"/>
        <source>查询</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="184"/>
        <source>查看信用档案</source>
        <translation>View credit profile</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="185"/>
        <source>核查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="186"/>
        <source>完成核查</source>
        <translation>Review saved</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="187"/>
        <source>更正核查</source>
        <translation>Review corrected</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="188"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="189"/>
        <source>生成报送材料</source>
        <translation>Usage report made</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="190"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="191"/>
        <source>登录失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="192"/>
        <source>退出</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="193"/>
        <source>锁屏</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="194"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="195"/>
        <source>创建账户</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="196"/>
        <source>修改账户</source>
        <translation>Change account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="197"/>
        <source>承诺履约标记</source>
        <translation>Commitment marked</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="198"/>
        <source>登记异议</source>
        <translation>Objection filed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="199"/>
        <source>确认提醒</source>
        <translation>Alert acknowledged</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="200"/>
        <source>确认复核</source>
        <translation>Recheck acknowledged</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="201"/>
        <source>导出审计日志</source>
        <translation>Audit trail exported</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="202"/>
        <source>校验审计日志</source>
        <translation>Audit trail verified</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="203"/>
        <source>核验核查码</source>
        <translation>Code verified</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="204"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="205"/>
        <source>导入离线数据包</source>
        <translation>Bundle imported</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="206"/>
        <source>查看审计日志</source>
        <translation>Audit trail viewed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="207"/>
        <source>越权操作被拒绝</source>
        <translation>Action denied</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="208"/>
        <source>备份数据</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="209"/>
        <source>强制使用较旧数据</source>
        <translation>Older data forced</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="210"/>
        <source>批准结论调整</source>
        <translation>Outcome change approved</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="211"/>
        <source>驳回结论调整</source>
        <translation>Outcome change rejected</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="212"/>
        <source>申请信用审查</source>
        <translation>Credit review requested</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="213"/>
        <source>记录信用审查结果</source>
        <translation>Credit review result recorded</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="214"/>
        <source>连接平台</source>
        <translation>Platform connected</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="215"/>
        <source>保存或删除平台令牌</source>
        <translation>Platform token saved or removed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="216"/>
        <source>固定平台签名密钥</source>
        <translation>Platform keys pinned</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="217"/>
        <source>审计链头锚定</source>
        <translation>Audit chain anchored</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="219"/>
        <source>待上报</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="220"/>
        <source>已提交平台</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="221"/>
        <source>平台已受理</source>
        <translation>Accepted by platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="222"/>
        <source>平台退回</source>
        <translation>Returned by platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="223"/>
        <source>记录已变更</source>
        <translation>Record changed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="224"/>
        <source>异议成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="225"/>
        <source>异议不成立</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="227"/>
        <source>履行中</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="228"/>
        <source>已履约</source>
        <translation>Fulfilled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="229"/>
        <source>已违约</source>
        <translation>Breached</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="231"/>
        <source>已申请，待反馈</source>
        <translation>Requested, awaiting reply</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="232"/>
        <source>已收到审查报告</source>
        <translation>Review report received</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="234"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="235"/>
        <source>仅离线</source>
        <translation>Offline only</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="236"/>
        <source>仅在线</source>
        <translation>Online only</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="239"/>
        <source>信用服务机构</source>
        <translation>Credit agency</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="240"/>
        <source>政策档案</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="242"/>
        <source>平台同步</source>
        <translation>Platform sync</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="243"/>
        <source>离线数据包</source>
        <translation>Offline bundle</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="244"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="246"/>
        <source>核查记录</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="247"/>
        <source>承诺履约状态</source>
        <translation>Commitment status</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="248"/>
        <source>使用情况报送</source>
        <translation>Usage report</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="251"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="254"/>
        <source>行政区划代码</source>
        <translation>Region code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="256"/>
        <source>脱敏身份证号</source>
        <translation>Masked ID number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="257"/>
        <source>身份证号摘要</source>
        <translation>ID number digest</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="258"/>
        <source>更新时间</source>
        <translation>Updated at</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="259"/>
        <source>主体编号</source>
        <translation>Subject ID</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="260"/>
        <source>记录类别</source>
        <translation>Record category</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="261"/>
        <source>记录名称</source>
        <translation>Record title</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="262"/>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="263"/>
        <source>决定机关</source>
        <translation>Authority</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="264"/>
        <source>决定机关代码</source>
        <translation>Authority code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="265"/>
        <source>公示起始日</source>
        <translation>Published from</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="266"/>
        <source>公示截止日</source>
        <translation>Published until</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="267"/>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="268"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="269"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="270"/>
        <source>评价体系</source>
        <translation>Rating scheme</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="271"/>
        <source>备案编号</source>
        <translation>Filing no.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="272"/>
        <source>备案机关</source>
        <translation>Filing authority</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="273"/>
        <source>备案层级</source>
        <translation>Filing level</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="274"/>
        <source>备案日期</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="275"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="276"/>
        <source>出具机构</source>
        <translation>Issuing agency</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="277"/>
        <source>出具日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="278"/>
        <source>公示日期</source>
        <translation>Publicised on</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="279"/>
        <source>报告编号</source>
        <translation>Report no.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="280"/>
        <source>档案编号</source>
        <translation>Profile ID</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="281"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="282"/>
        <source>生效日期</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="283"/>
        <source>档案内容</source>
        <translation>Profile document</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="284"/>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="285"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="286"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="288"/>
        <source>待提交</source>
        <translation>To submit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="289"/>
        <source>平台不予受理</source>
        <translation>Refused by platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="291"/>
        <source>履约中</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="292"/>
        <source>违约</source>
        <translation>Breached</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="294"/>
        <source>债券发行</source>
        <translation>Bond issuance</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="297"/>
        <source>经办人账号</source>
        <translation>Officer login</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="298"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="299"/>
        <source>事项代码</source>
        <translation>Matter code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="300"/>
        <source>主体名称</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="301"/>
        <source>统一社会信用代码/证件号</source>
        <translation>Code / ID number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="302"/>
        <source>系统结论</source>
        <translation>Computed outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="303"/>
        <source>最终结论</source>
        <translation>Final outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="304"/>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="305"/>
        <source>偏离理由</source>
        <translation>Reason for departing</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="306"/>
        <source>审批</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="307"/>
        <source>承诺书编号</source>
        <translation>Commitment no.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="308"/>
        <source>信用核查码</source>
        <translation>Verification code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="310"/>
        <source>数据截至</source>
        <translation>Data as of</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="314"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="315"/>
        <source>命中</source>
        <translation>Hits</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="316"/>
        <source>档案</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="317"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="318"/>
        <source>找到</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="319"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="320"/>
        <source>途径</source>
        <translation>Via</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="321"/>
        <source>连续失败</source>
        <translation>Failures in a row</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="322"/>
        <source>锁定分钟</source>
        <translation>Locked (min)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="323"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="324"/>
        <source>原</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="325"/>
        <source>新</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="326"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="327"/>
        <source>首个账户</source>
        <translation>First account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="328"/>
        <source>演示</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="329"/>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="330"/>
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="331"/>
        <source>止</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="332"/>
        <source>完整</source>
        <translation>Intact</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="333"/>
        <source>条数</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="334"/>
        <source>首个异常</source>
        <translation>First broken</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="335"/>
        <source>之前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="336"/>
        <source>承诺</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="337"/>
        <source>保留</source>
        <translation>Kept</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="338"/>
        <source>权限</source>
        <translation>Permission</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="339"/>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="340"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="341"/>
        <source>条数上限</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="342"/>
        <source>数据过期</source>
        <translation>Data stale</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="343"/>
        <source>平台有此主体</source>
        <translation>Known to platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="344"/>
        <source>采用结论</source>
        <translation>Adopted outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="345"/>
        <source>申请结论</source>
        <translation>Proposed outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="346"/>
        <source>结论调整</source>
        <translation>Outcome change</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="347"/>
        <source>调整理由</source>
        <translation>Reason category</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="348"/>
        <source>当场批准</source>
        <translation>Approved on the spot</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="349"/>
        <source>申请人账户</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="350"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="351"/>
        <source>已确认的未规定措施记录</source>
        <translation>Acknowledged unruled records</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="352"/>
        <source>确认人</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="312"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="353"/>
        <source>信用审查</source>
        <translation>Credit review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="354"/>
        <source>审查申请</source>
        <translation>Review request</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="355"/>
        <source>反馈期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="356"/>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="357"/>
        <source>载有不良信息</source>
        <translation>Adverse information</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="359"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="360"/>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="361"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="363"/>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="364"/>
        <source>审计日志页面</source>
        <translation>Audit page</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="365"/>
        <source>命令行</source>
        <translation>Command line</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="367"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="368"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="370"/>
        <source>{0} 等 {1} 个</source>
        <translation>{0} and others ({1} in all)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="371"/>
        <source>{0} 个（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="372"/>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="373"/>
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="53"/>
        <location filename="../../creditdesk/ui/core_text.py" line="650"/>
        <source>（未署名）</source>
        <translation>(unattributed)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="292"/>
        <location filename="../../creditdesk/ui/audit_page.py" line="343"/>
        <location filename="../../creditdesk/ui/core_text.py" line="88"/>
        <location filename="../../creditdesk/ui/idle_lock.py" line="289"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="58"/>
        <location filename="../../creditdesk/ui/core_text.py" line="529"/>
        <source>（平台无此主体）</source>
        <translation>(not on the platform)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="59"/>
        <location filename="../../creditdesk/ui/core_text.py" line="768"/>
        <location filename="../../creditdesk/ui/vocabulary.py" line="375"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="29"/>
        <source>第{0}位字符“{1}”不合法：{2}</source>
        <translation>Character {0} (“{1}”) is not allowed: {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="30"/>
        <source>校验码错误：第18位应为“{0}”，输入为“{1}”</source>
        <translation>Wrong check character: the 18th should be “{0}”, not “{1}”</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="31"/>
        <source>统一社会信用代码应为18位，实际为{0}位</source>
        <translation>A unified social credit code has 18 characters, not {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="32"/>
        <source>居民身份证号码应为18位，实际为{0}位</source>
        <translation>An ID number has 18 characters, not {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="33"/>
        <source>应输入18位统一社会信用代码或18位居民身份证号码，实际为{0}位</source>
        <translation>Enter an 18-character credit code or ID number ({0} entered)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="34"/>
        <source>地址码前两位“{0}”不是有效的省级行政区划代码</source>
        <translation>The first two digits “{0}” are no province code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="35"/>
        <source>出生日期“{0}”不是有效日期</source>
        <translation>Birth date “{0}” is not a date</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="36"/>
        <source>出生日期“{0}”早于1900年1月1日</source>
        <translation>Birth date “{0}” is before 1 January 1900</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="37"/>
        <source>出生日期“{0}”晚于今天</source>
        <translation>Birth date “{0}” is after today</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="38"/>
        <source>登记管理部门码应为{0}之一</source>
        <translation>The registering department code must be one of {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="39"/>
        <source>登记管理部门码“{0}”（{1}）的机构类别码应为{2}之一</source>
        <translation>Under department code “{0}” ({1}) the category code must be one of {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="41"/>
        <source>正在输入代码：已输入 {0} 位，共 18 位</source>
        <translation>Typing a code: {0} of 18 characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="43"/>
        <source>有 {0} 条有效不良记录无措施规定：请确认已阅</source>
        <translation>{0} adverse record(s) in force with no measure: acknowledge them</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="44"/>
        <source>结论比系统计算结果宽松：请写明理由（至少 10 个字，现 {0} 个）</source>
        <translation>Milder than computed: give a reason (at least 10 characters, {0} so far)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="46"/>
        <source>{0}年第一季度</source>
        <translation>Q1 {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="47"/>
        <source>{0}年第二季度</source>
        <translation>Q2 {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="48"/>
        <source>{0}年第三季度</source>
        <translation>Q3 {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="49"/>
        <source>{0}年第四季度</source>
        <translation>Q4 {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="50"/>
        <source>{0}年{1}月{2}日前</source>
        <translation>by {0}-{1}-{2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="52"/>
        <source>缺少必填字段 {0}</source>
        <translation>Required field missing: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="54"/>
        <source>{0} 批准</source>
        <translation>approved by {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="55"/>
        <source>{0} 驳回</source>
        <translation>rejected by {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="56"/>
        <source>更正 v{0}</source>
        <translation>corrected v{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="58"/>
        <source>本机数据库文件 {0}</source>
        <translation>Local database file {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="60"/>
        <source>结束日期 {0} 早于开始日期 {1}</source>
        <translation>End date {0} is before start date {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="61"/>
        <source>结论应为 {0} 之一，实际为 {1}</source>
        <translation>The conclusion must be one of {0}, not {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="62"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="63"/>
        <source>（待复核：拟{0}）</source>
        <translation> (awaiting review: proposed {0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="64"/>
        <source>经办人：{0}</source>
        <translation>Officer: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="65"/>
        <source>事项：{0}</source>
        <translation>Matter: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="66"/>
        <source>结论：{0}</source>
        <translation>Conclusion: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="67"/>
        <source>不支持的导出格式 {0}（可用：{1}）</source>
        <translation>Export format {0} is not supported (available: {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="68"/>
        <source>不支持的导出格式 {0}</source>
        <translation>Export format {0} is not supported</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="69"/>
        <source>每日核查台账 — {0} — {1}</source>
        <translation>Daily check ledger — {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="70"/>
        <source>生成于 {0} · {1}</source>
        <translation>Generated {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="72"/>
        <source>月份应为 1–12，实际为 {0}：{1}</source>
        <translation>The month must be 1–12, not {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="73"/>
        <source>季度应为 Q1–Q4，实际为 Q{0}：{1}</source>
        <translation>The quarter must be Q1–Q4, not Q{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="74"/>
        <source>半年应为 H1（上半年）或 H2（下半年），实际为 H{0}：{1}</source>
        <translation>The half-year must be H1 (first half) or H2 (second half), not H{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="75"/>
        <source>期间类型应为 month/quarter/half，实际为 {0}</source>
        <translation>The period type must be month, quarter or half, not {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="76"/>
        <source>无法识别的期间“{0}”：{1}</source>
        <translation>Unrecognised period “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="77"/>
        <source>年份超出范围：{0}</source>
        <translation>Year out of range: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="78"/>
        <source>{0}年{1}月</source>
        <translation>{1}/{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="79"/>
        <source>{0}年第{1}季度</source>
        <translation>Q{1} {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="80"/>
        <source>{0}年{1}半年</source>
        <translation>{0}, {1} half</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="81"/>
        <source>信用核查使用情况报送 — {0} — {1}</source>
        <translation>Credit check usage report — {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="82"/>
        <source>{0}（纸质 {1}）</source>
        <translation>{0} (on paper {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="83"/>
        <source>下次报送：{0}，{1}{2}报{3}。{4}</source>
        <translation>Next report: {0}, {1}{2} to {3}. {4}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="85"/>
        <source>分卷 {0} 有 {1} 行，清单记载 {2} 条；写入的变更已全部撤销</source>
        <translation>Part {0} has {1} lines where the manifest lists {2}; every change written has been undone</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="86"/>
        <source>分卷 {0} 的 SHA-256 与清单不符：内容被篡改或损坏，写入的变更已全部撤销</source>
        <translation>The SHA-256 of part {0} does not match the manifest: the content was tampered with or damaged; every change written has been undone</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="89"/>
        <source>{0}、{1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="90"/>
        <source>{0}，{1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="93"/>
        <source>密码至少 {0} 位</source>
        <translation>The password needs at least {0} characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="94"/>
        <source>角色须为 {0}（{1}）</source>
        <translation>The role must be {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="95"/>
        <source>用户名 {0} 已存在</source>
        <translation>The user name {0} already exists</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="96"/>
        <source>连续输错密码次数过多，账户已锁定，请 {0} 分钟后再试</source>
        <translation>Too many wrong passwords in a row: the account is locked, try again in {0} minutes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="97"/>
        <source>{0}；连续输错 {1} 次，账户已锁定 {2} 分钟</source>
        <translation>{0}; after {1} wrong passwords in a row the account is locked for {2} minutes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="98"/>
        <source>没有账户 {0}</source>
        <translation>There is no account {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="99"/>
        <source>账户 {0} 不存在或已停用</source>
        <translation>The account {0} does not exist or is disabled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="101"/>
        <source>需要登录后才能{0}（使用 --user 或在窗口登录）</source>
        <translation>Sign in first (needed for: {0}; use --user, or sign in in the window)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="102"/>
        <source>{0}无权{1}，需要 {2}</source>
        <translation>{0} may not: {1}; this needs: {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="104"/>
        <source>名单 {0} 超过 {1} 行，未处理任何一行：请分成多个文件</source>
        <translation>The list {0} has more than {1} rows; no row was processed: split it into several files</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="105"/>
        <source>名单 {0} {1}超过 {2} 个字符，不是代码或名称，未处理任何一行：请检查文件内容</source>
        <translation>The list {0}: {1} is longer than {2} characters, not a code or a name; no row was processed: check the file</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="106"/>
        <source>名单 {0} 以 UTF-16 标记开头，但第 {1} 个字节起无法按 UTF-16 解码</source>
        <translation>The list {0} starts with a UTF-16 mark but cannot be decoded as UTF-16 from byte {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="107"/>
        <source>名单 {0} 不是 UTF-8 编码：第 {1} 行（第 {2} 个字节）起无法解码，{3}。请另存为“CSV UTF-8（逗号分隔）”或 XLSX 后重试</source>
        <translation>The list {0} is not UTF-8: it cannot be decoded from row {1} (byte {2}); {3}. Save it as &quot;CSV UTF-8 (Comma delimited)&quot; or XLSX and try again</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="108"/>
        <source>名单 {0} 含有空字符（NUL），不是文本文件：请使用文本、CSV 或 XLSX 文件</source>
        <translation>The list {0} contains NUL characters and is not a text file: use a text, CSV or XLSX file</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="109"/>
        <source>无法读取名单 {0}：{1}</source>
        <translation>Cannot read the list {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="110"/>
        <source>名单 {0} 有 {1} 字节，超过上限 {2} 字节，未处理任何一行</source>
        <translation>The list {0} has {1} bytes, more than the limit of {2} bytes; no row was processed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="111"/>
        <source>名单 {0} 超过上限 {1} 字节，未处理任何一行</source>
        <translation>The list {0} is over the limit of {1} bytes; no row was processed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="112"/>
        <source>名单 {0} 是 ZIP/XLSX 文件，但扩展名不是 .xlsx：请改名为 .xlsx 后重试</source>
        <translation>The list {0} is a ZIP/XLSX file without the .xlsx extension: rename it to .xlsx and try again</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="113"/>
        <source>名单 {0} 是旧版 Excel（.xls）文件，不支持：请在 Excel 中另存为 .xlsx 或 CSV UTF-8</source>
        <translation>The list {0} is an old Excel (.xls) file, which is not supported: save it in Excel as .xlsx or CSV UTF-8</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="114"/>
        <source>第 {0} 行</source>
        <translation>row {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="115"/>
        <source>{0}第 {1} 行不是 UTF-8 编码，已停止：此前各行已输出结果。请以 UTF-8 编码输入</source>
        <translation>{0}: row {1} is not UTF-8, stopped (the rows before it have their results). Give the input in UTF-8</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="116"/>
        <source>{0}第 {1} 行含有空字符（NUL），已停止：此前各行已输出结果</source>
        <translation>{0}: row {1} contains NUL characters, stopped (the rows before it have their results)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="117"/>
        <source>{0}超过 {1} 行，已停止：此前各行已输出结果</source>
        <translation>{0} has more than {1} rows, stopped (the rows before have their results)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="118"/>
        <source>名单 {0} 不是有效的 CSV：{1}</source>
        <translation>The list {0} is not valid CSV: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="119"/>
        <source>代码列第 {0} 个值</source>
        <translation>value {0} of the code column</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="120"/>
        <source>名单 {0} 不是有效的 XLSX 文件（无法作为 ZIP 打开）：请在 Excel 中重新保存</source>
        <translation>The list {0} is not a valid XLSX file (it cannot be opened as ZIP): save it again in Excel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="121"/>
        <source>名单 {0} 含有 {1} 个部件，不是正常的 XLSX 文件，未处理任何一行</source>
        <translation>The list {0} has {1} parts, not a normal XLSX file; no row was processed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="122"/>
        <source>名单 {0} 解压后有 {1} 字节，超过上限 {2} 字节（约 {3} 行的名单远小于此），未处理任何一行：请只保留代码列，或分成多个文件</source>
        <translation>The list {0} unpacks to {1} bytes, more than the limit of {2} bytes (a list of about {3} rows is far smaller); no row was processed: keep only the code column, or split it into several files</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="123"/>
        <source>名单 {0} 无法作为 XLSX 读取（{1}）：请在 Excel 中重新保存</source>
        <translation>The list {0} cannot be read as XLSX ({1}): save it again in Excel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="124"/>
        <source>名单 {0} 没有工作表</source>
        <translation>The list {0} has no worksheet</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="125"/>
        <source>名单 {0} 已损坏（{1}）：请在 Excel 中重新保存</source>
        <translation>The list {0} is damaged ({1}): save it again in Excel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="126"/>
        <source>不支持旧版 Excel（.xls）文件 {0}：请另存为 .xlsx 或 CSV UTF-8</source>
        <translation>Old Excel (.xls) files are not supported ({0}): save it as .xlsx or CSV UTF-8</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="128"/>
        <source>此数据目录使用 PostgreSQL 数据库，请用 PostgreSQL 自带的工具备份：pg_dump --format=custom --file=creditdesk.dump &quot;$CREDITDESK_DATABASE_URL&quot;（恢复用 pg_restore）；设置文件 {0} 请另行复制。</source>
        <translation>This home uses a PostgreSQL database: back it up with PostgreSQL&apos;s own tool: pg_dump --format=custom --file=creditdesk.dump &quot;$CREDITDESK_DATABASE_URL&quot; (restore with pg_restore); copy the settings file {0} separately.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="129"/>
        <source>备份副本未通过完整性检查（{0}），未写出备份文件</source>
        <translation>The backup copy failed the integrity check ({0}); no backup file was written</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="130"/>
        <source>找不到数据库文件 {0}</source>
        <translation>The database file {0} is not found</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="131"/>
        <source>目标文件夹 {0} 不存在</source>
        <translation>The folder {0} does not exist</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="132"/>
        <source>{0} 不是信用核查窗口助手的备份文件（{1}）</source>
        <translation>{0} is not a CreditDesk backup file ({1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="133"/>
        <source>{0} 不是完整的备份文件：缺少 {1}</source>
        <translation>{0} is not a complete backup file: {1} is missing</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="134"/>
        <source>{0} 的 manifest.json 过大</source>
        <translation>The manifest.json of {0} is too large</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="135"/>
        <source>{0} 的 manifest.json 无法读取：{1}</source>
        <translation>The manifest.json of {0} cannot be read: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="136"/>
        <source>{0} 不是信用核查窗口助手的备份文件</source>
        <translation>{0} is not a CreditDesk backup file</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="137"/>
        <source>备份文件格式版本 {0} 不受本程序支持（支持 {1}），请用生成它的版本恢复</source>
        <translation>Backup format version {0} is not supported by this program (it supports {1}): restore it with the release that made it</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="138"/>
        <source>{0} 中的文件大小超出限制</source>
        <translation>A file in {0} is larger than allowed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="139"/>
        <source>找不到备份文件 {0}</source>
        <translation>The backup file {0} is not found</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="140"/>
        <source>数据目录 {0} 已有数据或设置：恢复只写入新的或空的数据目录，请用 --home 指定一个新文件夹（现有数据不会被覆盖）</source>
        <translation>The home {0} already has data or settings: a restore only writes into a new or empty home; name a new folder with --home (existing data is never overwritten)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="141"/>
        <source>无法恢复：{0}</source>
        <translation>Cannot restore: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="142"/>
        <source>备份中的数据库未通过完整性检查（{0}），未恢复</source>
        <translation>The database in the backup failed the integrity check ({0}); nothing was restored</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="143"/>
        <source>备份中的设置文件无法读取：{0}</source>
        <translation>The settings file in the backup cannot be read: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="145"/>
        <source>{0}；如为旧营业执照注册号，请改用18位统一社会信用代码</source>
        <translation>{0}; if this is an old business licence registration number, use the 18-character unified social credit code instead</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="147"/>
        <source>平台服务是否在运行、地址和端口是否正确（{0}）、防火墙是否放行</source>
        <translation>that the platform service is running, that its address and port are right ({0}) and that the firewall lets it through</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="148"/>
        <source>无法解析主机名 {0}</source>
        <translation>cannot resolve the host name {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="149"/>
        <source>连接失败：{0}</source>
        <translation>connection failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="150"/>
        <source>平台地址（{0}）、网络连接与防火墙</source>
        <translation>the platform address ({0}), the network connection and the firewall</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="151"/>
        <source>无法连接平台（{0}）。请检查：{1}。本机数据照常可用</source>
        <translation>Cannot connect to the platform ({0}). Please check {1}. The local data stays usable</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="152"/>
        <source>平台地址无效：{0}</source>
        <translation>Invalid platform address: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="153"/>
        <source>平台 meta 缺少字段 {0}</source>
        <translation>The platform&apos;s meta lacks the field {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="154"/>
        <source>平台连续 {0} 页声称还有更多变更（has_more），同步位置却停在 {1} 未推进：本次同步已停止，已写入的数据保留；请联系平台管理员</source>
        <translation>For {0} pages in a row the platform said more changes follow (has_more) while the position stayed at {1}: this sync stopped, the data written is kept; contact the platform administrator</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="155"/>
        <source>一次最多提交 {0} 项</source>
        <translation>At most {0} items per submission</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="156"/>
        <source>平台响应过慢：一次请求 {0} 秒内未完成（{1} {2}），本次同步已停止，下次从中断处继续</source>
        <translation>The platform is too slow: a request did not finish within {0} s ({1} {2}); this sync stopped and the next one continues from here</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="157"/>
        <source>与平台的连接中断（{0}）</source>
        <translation>the connection to the platform broke ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="158"/>
        <source>平台地址返回了重定向（HTTP {0}{1}），客户端不跟随重定向：请管理员核对平台地址（creditdesk platform connect）</source>
        <translation>The platform address answered with a redirect (HTTP {0}{1}), which the client does not follow: the administrator checks the address (creditdesk platform connect)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="159"/>
        <source>平台出错（HTTP {0}{1}），请稍后再试或联系平台管理员</source>
        <translation>Platform error (HTTP {0}{1}): try again later or contact the platform administrator</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="160"/>
        <source>{0}：{1} 秒后重试（第 {2}/{3} 次）</source>
        <translation>{0}: retrying in {1} s (attempt {2}/{3})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="161"/>
        <source>平台暂时无法访问：{0}</source>
        <translation>The platform cannot be reached for now: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="162"/>
        <source>平台声明的响应长度 {0} 字节</source>
        <translation>a declared response length of {0} bytes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="163"/>
        <source>平台使用了未请求的压缩方式：{0}</source>
        <translation>The platform used a compression that was not asked for: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="164"/>
        <source>已收到 {0} 字节仍未结束</source>
        <translation>{0} bytes received and not finished</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="165"/>
        <source>解压后超过 {0} 字节</source>
        <translation>more than {0} bytes unpacked</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="166"/>
        <source>平台的响应过大（{0}；上限：传输 {1} 字节，解压后 {2} 字节），本次同步已停止；请联系平台管理员</source>
        <translation>The platform&apos;s response is too large ({0}; limits: {1} bytes on the wire, {2} bytes unpacked); this sync stopped: contact the platform administrator</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="167"/>
        <source>平台拒绝了访问令牌（令牌缺失、错误或已吊销），请管理员重新录入令牌{0}</source>
        <translation>The platform refused the access token (missing, wrong or revoked): the administrator enters it again{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="168"/>
        <source>平台不允许本工作站执行此操作{0}</source>
        <translation>The platform does not allow this workstation to do this{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="169"/>
        <source>平台没有这个地址或实体{0}</source>
        <translation>The platform has no such address or entity{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="170"/>
        <source>本地同步位置已早于平台保留的范围，需要完整重新同步{0}</source>
        <translation>The local sync position is older than the platform keeps: a full sync is needed{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="171"/>
        <source>请求过大{0}</source>
        <translation>Request too large{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="172"/>
        <source>平台认为请求无效（HTTP {0}）{1}</source>
        <translation>The platform found the request invalid (HTTP {0}){1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="173"/>
        <source>变更缺少整数 seq：{0}</source>
        <translation>A change lacks an integer seq: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="174"/>
        <source>变更页的 seq 未严格递增（{0} 之后为 {1}）</source>
        <translation>The change page&apos;s seq does not strictly increase ({1} after {0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="175"/>
        <source>变更页的 next={0} 与最后一条变更的 seq={1} 不一致</source>
        <translation>The change page&apos;s next={0} does not match the last change&apos;s seq={1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="176"/>
        <source>未知的提交结果状态：{0}</source>
        <translation>Unknown submission result status: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="178"/>
        <source>系统凭据库不可用（{0}）；无人值守运行时可设置环境变量 {1}</source>
        <translation>The system keyring is unavailable ({0}); for unattended runs set the environment variable {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="179"/>
        <source>本机没有可用的系统凭据库，平台令牌无处安全保存；未作任何更改。无人值守或无凭据库的电脑请设置环境变量 {0}=令牌 后再运行。</source>
        <translation>This computer has no usable system keyring, so the platform token cannot be kept safely; nothing was changed. On unattended computers or ones without a keyring, set the environment variable {0}=TOKEN and run again.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="180"/>
        <source>无法写入系统凭据库（{0}）；可改用环境变量 {1}</source>
        <translation>Cannot write to the system keyring ({0}); the environment variable {1} can be used instead</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="182"/>
        <source>公钥应以 “b64:” 开头，后接标准 base64 编码，实际为 {0}…</source>
        <translation>The public key should start with “b64:” followed by standard base64; it is {0}…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="183"/>
        <source>Ed25519 公钥应为 32 字节，实际为 {0} 字节</source>
        <translation>An Ed25519 public key is 32 bytes; this one is {0} bytes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="184"/>
        <source>{0}不能为空</source>
        <translation>{0} must not be empty</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="185"/>
        <source>{0} {1} 无效：应为 1–{2} 个字符，首尾不能有空白，不能含控制字符</source>
        <translation>{0} {1} is invalid: 1–{2} characters, no blanks at either end, no control characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="186"/>
        <source>不支持的签名算法 {0}（只支持 ed25519）</source>
        <translation>Unsupported signature algorithm {0} (only ed25519)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="187"/>
        <source>平台 {0} 公布的签名密钥 {1} 无效，已忽略：{2}</source>
        <translation>The signing key {1} published by platform {0} is invalid and was ignored: {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="188"/>
        <source>平台 {0} 的签名密钥 {1}（指纹 {2}）仍待管理员确认，确认前不信任：creditdesk platform trust --platform-id {3} --key-id {4} --public-key {5} --confirm</source>
        <translation>Platform {0}&apos;s signing key {1} (fingerprint {2}) awaits the administrator&apos;s confirmation and is not trusted until then: creditdesk platform trust --platform-id {3} --key-id {4} --public-key {5} --confirm</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="189"/>
        <source>平台 {0} 又公布了已停用的签名密钥 {1}（指纹 {2}），不予信任</source>
        <translation>Platform {0} published the retired signing key {1} (fingerprint {2}) again: not trusted</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="190"/>
        <source>首次连接平台 {0}：已固定签名密钥 {1}（指纹 {2}）</source>
        <translation>First connection to platform {0}: signing key {1} pinned (fingerprint {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="191"/>
        <source>警告：平台 {0} 的签名密钥 {1} 已变更！已信任的指纹 {2}，平台现在公布的指纹 {3}。新密钥在管理员核实并确认前不被信任，用它签名的离线数据包将被拒绝。核实后确认：{4}</source>
        <translation>Warning: platform {0}&apos;s signing key {1} has changed! Trusted fingerprint {2}, now published {3}. The new key is not trusted until the administrator verifies and confirms it; offline bundles signed with it are refused. After verifying, confirm with: {4}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="192"/>
        <source>警告：平台 {0} 公布了新的签名密钥 {1}（指纹 {2}）。在管理员核实并确认前不被信任。核实后确认：{3}</source>
        <translation>Warning: platform {0} published a new signing key {1} (fingerprint {2}). It is not trusted until the administrator verifies and confirms it. After verifying, confirm with: {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="193"/>
        <source>平台 {0} 的签名密钥 {1}（指纹 {2}）已受信任，无需变更</source>
        <translation>Platform {0}&apos;s signing key {1} (fingerprint {2}) is already trusted: nothing to change</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="194"/>
        <source>平台 {0} 的签名密钥 {1} 已信任另一个公钥（指纹 {2}）。替换为指纹 {3} 的新公钥前，请与市信用办核实指纹，然后加 --confirm（confirm=True）确认；旧公钥将停用</source>
        <translation>Platform {0}&apos;s signing key {1} already trusts another public key (fingerprint {2}). Before replacing it with the key of fingerprint {3}, verify the fingerprint with the city credit office, then confirm with --confirm (confirm=True); the old key will be retired</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="195"/>
        <source>管理员已将平台 {0} 的签名密钥 {1} 替换为指纹 {2} 的公钥；旧公钥（指纹 {3}）已停用</source>
        <translation>The administrator replaced platform {0}&apos;s signing key {1} with the key of fingerprint {2}; the old key (fingerprint {3}) is retired</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="196"/>
        <source>管理员已信任平台 {0} 的签名密钥 {1}（指纹 {2}）</source>
        <translation>The administrator trusted platform {0}&apos;s signing key {1} (fingerprint {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="198"/>
        <source>平台数据只到序号 {0}，本机已到 {1}（同一数据版本 {2}）：平台可能从较早的备份恢复</source>
        <translation>the platform&apos;s data reaches only seq {0} while this computer is at {1} (same data epoch {2}): the platform may have been restored from an older backup</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="199"/>
        <source>平台时间 {0} 早于本机数据的截至时间 {1}</source>
        <translation>the platform&apos;s time {0} is before the local data&apos;s as-of time {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="200"/>
        <source>平台提供的数据比本机的旧，未同步（防止回滚）：{0}。请核实平台；确需回到旧数据时，由管理员以 --allow-older 强制执行（记入审计）</source>
        <translation>The platform&apos;s data is older than this computer&apos;s; not synced (no rollback): {0}. Check the platform; to go back to older data on purpose, the administrator forces it with --allow-older (audited)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="202"/>
        <source>{0}完成：应用 {1} 条变更，拒收 {2} 条，清除 {3} 条，位置 seq {4}（{5}），用时 {6} 秒</source>
        <translation>{0} done: {1} changes applied, {2} refused, {3} cleared, position seq {4} ({5}), {6} s</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="203"/>
        <source>上报：送达 {0}，被拒 {1}，待送 {2}{3}</source>
        <translation>Submissions: {0} delivered, {1} refused, {2} pending{3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="204"/>
        <source>已按管理员要求同步较旧的数据：{0}</source>
        <translation>Older data synced at the administrator&apos;s request: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="205"/>
        <source>已按管理员要求导入较旧的数据：{0}</source>
        <translation>Older data imported at the administrator&apos;s request: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="206"/>
        <source>正在同步：已到序号 {0}（平台最新 {1}）</source>
        <translation>Syncing: at seq {0} (platform latest {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="208"/>
        <source>新增监管提醒 {0} 条</source>
        <translation>{0} new supervision alerts</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="209"/>
        <source>复核 {0} 条离线/过期数据核查，其中 {1} 条结论变化</source>
        <translation>{0} offline/stale reviews re-checked, {1} with a changed outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="210"/>
        <source>state 应为 {0} 之一</source>
        <translation>state must be one of {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="211"/>
        <source>没有编号为 {0} 的信用承诺</source>
        <translation>There is no credit commitment numbered {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="212"/>
        <source>编号 {0} 对应多个单位的承诺（{1}），请使用承诺 id</source>
        <translation>The number {0} belongs to commitments of several units ({1}): use the commitment id</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="213"/>
        <source>标记只能是 {0}（已履约/违约），实际为 {1}</source>
        <translation>The mark must be {0} (fulfilled/breached), not {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="214"/>
        <source>（{0} 于 {1}）</source>
        <translation> ({0} on {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="215"/>
        <source>承诺 {0} 已标记为{1}{2}，不能再标记为{3}</source>
        <translation>Commitment {0} is already marked {1}{2} and cannot be marked {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="216"/>
        <source>承诺 {0} 刚被其他窗口标记，请刷新后再看</source>
        <translation>Commitment {0} was just marked at another window: refresh and look again</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="217"/>
        <source>承诺 {0} 没有第 {1} 项补交材料</source>
        <translation>Commitment {0} has no material item {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="218"/>
        <source>承诺 {0} 已标记为{1}</source>
        <translation>Commitment {0} is already marked {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="219"/>
        <source>“{0}”已于 {1} 登记补交</source>
        <translation>“{0}” was recorded as supplied on {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="220"/>
        <source>没有编号为 {0} 的监管提醒</source>
        <translation>There is no supervision alert numbered {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="221"/>
        <source>该提醒已由 {0} 于 {1} 确认</source>
        <translation>This alert was acknowledged by {0} on {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="222"/>
        <source>{0}（{1}）在信用承诺 {2} 履行期间新增{3}记录：{4}{5}，请核实是否违背承诺</source>
        <translation>{0} ({1}) has a new record during credit commitment {2} — {3}: {4}{5}; check whether the commitment is breached</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="224"/>
        <source>增量数据包（序号 {0} 之后）</source>
        <translation>incremental bundle (after seq {0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="225"/>
        <source>{0} {1} 中没有新变更：本机数据已到序号 {2}（数据包到 {3}），未作任何改动</source>
        <translation>{0} {1} holds no new changes: the local data is at seq {2} (the bundle reaches {3}); nothing was changed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="226"/>
        <source>已导入{0} {1}（平台 {2}，数据版本 {3}，截至 {4}）：写入 {5} 条、删除 {6} 条，拒收 {7} 条，跳过本机已有 {8} 条{9}；数据位置 seq {10} → {11}</source>
        <translation>Imported the {0} {1} (platform {2}, data epoch {3}, as of {4}): {5} written, {6} deleted, {7} refused, {8} already here skipped{9}; data position seq {10} → {11}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="227"/>
        <source>，清除全量数据包中没有的 {0} 条</source>
        <translation>, {0} not in the full bundle cleared</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="228"/>
        <source>分卷 {0} 第 {1} 行超过 {2}</source>
        <translation>part {0}, line {1} is over {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="229"/>
        <source>分卷 {0} 在校验之后发生了变化（SHA-256 不符），已全部撤销</source>
        <translation>Part {0} changed after it was verified (SHA-256 differs): everything was undone</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="230"/>
        <source>分卷 {0} 在校验之后发生了变化（行数不符），已全部撤销</source>
        <translation>Part {0} changed after it was verified (line count differs): everything was undone</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="231"/>
        <source>分卷 {0} 第 {1} 行</source>
        <translation>part {0}, line {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="232"/>
        <source>{0}超过 {1}</source>
        <translation>{0} is over {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="233"/>
        <source>{0}不是有效的 JSON</source>
        <translation>{0} is not valid JSON</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="234"/>
        <source>{0}不是 JSON 对象</source>
        <translation>{0} is not a JSON object</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="235"/>
        <source>{0}的 seq 应为整数，实际为 {1}</source>
        <translation>the seq of {0} should be an integer, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="236"/>
        <source>{0}的 seq {1} 没有严格递增（前一条为 {2}）</source>
        <translation>the seq {1} of {0} does not strictly increase (the one before is {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="237"/>
        <source>{0}的 seq {1} 超出清单的 next {2}</source>
        <translation>the seq {1} of {0} is beyond the manifest&apos;s next {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="239"/>
        <source>条目名称 {0} 含控制字符</source>
        <translation>the entry name {0} contains control characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="240"/>
        <source>条目名称 {0} 含反斜杠</source>
        <translation>the entry name {0} contains a backslash</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="241"/>
        <source>条目 {0} 是绝对路径</source>
        <translation>the entry {0} is an absolute path</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="242"/>
        <source>条目 {0} 试图跳出目录（路径穿越）</source>
        <translation>the entry {0} tries to leave the folder (path traversal)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="243"/>
        <source>条目 {0} 是符号链接</source>
        <translation>the entry {0} is a symbolic link</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="244"/>
        <source>找不到数据包文件，或它不是一个文件：{0}</source>
        <translation>The bundle file is not found, or is not a file: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="245"/>
        <source>压缩包有 {0} 个条目，超过上限 {1}</source>
        <translation>The archive has {0} entries, more than the limit of {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="246"/>
        <source>压缩包目录有 {0}，超过上限 {1}</source>
        <translation>The archive&apos;s directory is {0}, more than the limit of {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="247"/>
        <source>不是有效的 ZIP 压缩包，或已损坏（{0}）</source>
        <translation>Not a valid ZIP archive, or damaged ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="248"/>
        <source>压缩包含不安全的条目：{0}</source>
        <translation>The archive holds an unsafe entry: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="249"/>
        <source>压缩包含重名条目 {0}</source>
        <translation>The archive holds the entry {0} twice</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="250"/>
        <source>条目 {0} 已加密，无法校验</source>
        <translation>The entry {0} is encrypted and cannot be verified</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="251"/>
        <source>条目 {0} 的压缩方式（{1}）不受支持：只接受不压缩或 deflate</source>
        <translation>The compression of entry {0} ({1}) is not supported: only stored or deflate</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="252"/>
        <source>条目 {0} 与另一个条目共用同一段数据</source>
        <translation>The entry {0} shares its data with another entry</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="253"/>
        <source>条目 {0} 解压后 {1}，超过单个分卷上限 {2}</source>
        <translation>The entry {0} unpacks to {1}, more than the limit of {2} for one part</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="254"/>
        <source>条目 {0} 压缩比异常（{1} 解压为 {2}，超过 {3} 倍），疑似压缩炸弹</source>
        <translation>The entry {0} has an abnormal compression ratio ({1} unpacks to {2}, more than {3} times): a suspected zip bomb</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="255"/>
        <source>压缩包解压后超过总大小上限 {0}</source>
        <translation>The archive unpacks to more than the total limit of {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="256"/>
        <source>条目 {0} 已损坏，无法读取（{1}）</source>
        <translation>The entry {0} is damaged and cannot be read ({1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="257"/>
        <source>本地文件头的名称 {0} 与目录记载的不一致</source>
        <translation>the local file header name {0} differs from the directory</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="258"/>
        <source>条目 {0} 解压后超过上限 {1}</source>
        <translation>The entry {0} unpacks to more than the limit of {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="259"/>
        <source>不支持的压缩方式 {0}</source>
        <translation>unsupported compression {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="260"/>
        <source>压缩数据不完整：解压得到 {0} 字节，压缩包记载为 {1} 字节</source>
        <translation>incomplete compressed data: {0} bytes unpacked, the archive records {1} bytes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="262"/>
        <source>离线数据包未导入（{0}检查未通过，{1}）：{2}</source>
        <translation>Offline bundle not imported (the {0} check failed, {1}): {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="263"/>
        <source>{0} 字节</source>
        <translation>{0} bytes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="265"/>
        <source>重复的字段 {0}</source>
        <translation>duplicate field {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="266"/>
        <source>不允许的数值 {0}</source>
        <translation>value not allowed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="267"/>
        <source>manifest.json 不是有效的 JSON（{0}）</source>
        <translation>manifest.json is not valid JSON ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="268"/>
        <source>manifest.json 缺少字段 {0}</source>
        <translation>manifest.json lacks the field {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="269"/>
        <source>manifest.json 的 {0} 应为不超过 {1} 个字符的非空字符串，实际为 {2}</source>
        <translation>the {0} of manifest.json should be a non-empty string of at most {1} characters, it is {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="270"/>
        <source>manifest.json 的 {0} 应为非负整数，实际为 {1}</source>
        <translation>the {0} of manifest.json should be a non-negative integer, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="271"/>
        <source>数据包制作于 {0}（平台 {1}，数据版本 {2}），早于本机数据的截至时间 {3}（数据版本 {4}）：导入会让本机数据回到更早的状态</source>
        <translation>The bundle was made on {0} (platform {1}, data epoch {2}), before the local data&apos;s as-of time {3} (data epoch {4}): importing it would take the local data back to an older state</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="272"/>
        <source>{0}。确需导入时，由管理员加 --allow-older 强制导入（记入审计）</source>
        <translation>{0}. To import it on purpose, the administrator forces it with --allow-older (audited)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="273"/>
        <source>这是从序号 {0} 之后开始的增量数据包，而本机还没有任何平台数据：请先导入全量数据包（after = 0）</source>
        <translation>This is an incremental bundle starting after seq {0}, and this computer has no platform data yet: import a full bundle first (after = 0)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="274"/>
        <source>增量数据包属于平台 {0} 的数据版本 {1}，本机数据属于 {2} 的数据版本 {3}：两者的序号互不相干。请导入新的全量数据包（after = 0）</source>
        <translation>The incremental bundle belongs to platform {0}&apos;s data epoch {1}, the local data to {2}&apos;s data epoch {3}: their seqs are unrelated. Import a new full bundle (after = 0)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="275"/>
        <source>数据包从序号 {0} 之后开始，本机只到 {1}：缺少序号 {2}–{3} 的变更。请先导入更早的数据包，或联网同步，或导入全量数据包</source>
        <translation>The bundle starts after seq {0} and this computer is only at {1}: the changes {2}–{3} are missing. Import the earlier bundle first, sync online, or import a full bundle</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="276"/>
        <source>manifest.json 超过 {0}</source>
        <translation>manifest.json is over {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="277"/>
        <source>manifest.sig 应为 {0} 字节的 Ed25519 签名，实际为 {1} 字节</source>
        <translation>manifest.sig should be an Ed25519 signature of {0} bytes, it has {1} bytes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="278"/>
        <source>本机没有平台 {0} 的任何受信任签名密钥。联网连接过该平台的安装会自动固定密钥；从未联网的安装请由管理员向市信用办核实后执行：creditdesk platform trust --platform-id {1} --key-id {2} --public-key b64:…</source>
        <translation>This computer trusts no signing key of platform {0}. An installation that has connected to the platform pins its key by itself; on one that never did, the administrator verifies the key with the city credit office and runs: creditdesk platform trust --platform-id {1} --key-id {2} --public-key b64:…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="279"/>
        <source>该密钥已由平台公布（指纹 {0}），正等待管理员确认：creditdesk platform trust --platform-id {1} --key-id {2} --public-key {3}</source>
        <translation>The platform has published this key (fingerprint {0}); it awaits the administrator&apos;s confirmation: creditdesk platform trust --platform-id {1} --key-id {2} --public-key {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="280"/>
        <source>请管理员向市信用办核实后执行 creditdesk platform trust --platform-id {0} --key-id {1} --public-key b64:…</source>
        <translation>The administrator verifies it with the city credit office and runs creditdesk platform trust --platform-id {0} --key-id {1} --public-key b64:…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="281"/>
        <source>数据包由平台 {0} 的密钥 {1} 签名，本机不信任该密钥。{2}</source>
        <translation>The bundle is signed with platform {0}&apos;s key {1}, which this computer does not trust. {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="282"/>
        <source>manifest.sig 不是平台 {0} 密钥 {1} 对 manifest.json 的有效签名：数据包被篡改或损坏</source>
        <translation>manifest.sig is not a valid signature of manifest.json by platform {0}&apos;s key {1}: the bundle was tampered with or damaged</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="283"/>
        <source>数据包由平台 {0} 密钥 {1} 的新公钥（指纹 {2}）签名，该公钥与本机信任的不同，正等待管理员核实确认：creditdesk platform trust --platform-id {3} --key-id {4} --public-key {5} --confirm</source>
        <translation>The bundle is signed with a new public key (fingerprint {2}) of platform {0}&apos;s key {1}, different from the one trusted here; it awaits the administrator&apos;s check and confirmation: creditdesk platform trust --platform-id {3} --key-id {4} --public-key {5} --confirm</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="284"/>
        <source>不支持的数据包格式 {0}（应为 {1}）</source>
        <translation>Unsupported bundle format {0} (should be {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="285"/>
        <source>manifest.json 的 created_at 不是 ISO 8601 时间：{0}</source>
        <translation>the created_at of manifest.json is not an ISO 8601 time: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="286"/>
        <source>manifest.json 的 next（{0}）小于 after（{1}）</source>
        <translation>the next ({0}) of manifest.json is less than its after ({1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="287"/>
        <source>parts 第 {0} 项不是对象</source>
        <translation>item {0} of parts is not an object</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="288"/>
        <source>parts 第 {0} 项的 name 无效：{1}</source>
        <translation>the name of item {0} of parts is invalid: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="289"/>
        <source>parts 第 {0} 项的 name {1} 重复或与清单文件同名</source>
        <translation>the name {1} of item {0} of parts is repeated or the name of a manifest file</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="290"/>
        <source>分卷 {0} 的 sha256 应为 64 位十六进制，实际为 {1}</source>
        <translation>the sha256 of part {0} should be 64 hexadecimal characters, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="291"/>
        <source>分卷 {0} 的 count 应为非负整数，实际为 {1}</source>
        <translation>the count of part {0} should be a non-negative integer, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="292"/>
        <source>清单列出的分卷 {0} 不在压缩包中</source>
        <translation>the part {0} the manifest lists is not in the archive</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="293"/>
        <source>清单中的变更条数 {0} 多于序号区间 ({1}, {2}] 所能容纳的</source>
        <translation>the manifest counts {0} changes, more than the seq range ({1}, {2}] can hold</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="294"/>
        <source>压缩包含清单未列出的文件 {0}（只允许 manifest.json、manifest.sig 和所列分卷）</source>
        <translation>The archive holds a file the manifest does not list: {0} (only manifest.json, manifest.sig and the listed parts are allowed)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="295"/>
        <source>分卷 {0} 的 SHA-256 与清单不符：内容被篡改或损坏</source>
        <translation>The SHA-256 of part {0} does not match the manifest: tampered with or damaged</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="296"/>
        <source>分卷 {0} 有 {1} 行，清单记载 {2} 条</source>
        <translation>Part {0} has {1} lines, the manifest records {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="298"/>
        <source>要更正的核查记录不存在：{0}</source>
        <translation>The review to correct does not exist: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="299"/>
        <source>该结论调整已{0}</source>
        <translation>This outcome change is already {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="300"/>
        <source>核查记录缺少 {0}</source>
        <translation>The review lacks {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="301"/>
        <source>{0} 应为 {1} 之一，实际为 {2}</source>
        <translation>{0} must be one of {1}, not {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="302"/>
        <source>结论比系统计算结果宽松：须选择调整理由类别（{0}）</source>
        <translation>The outcome is milder than the computed one: choose a reason category ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="303"/>
        <source>结论比系统计算结果宽松：理由至少 {0} 个字</source>
        <translation>The outcome is milder than the computed one: the reason needs at least {0} characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="304"/>
        <source>签署人身份应为 {0} 之一，实际为 {1}</source>
        <translation>The signer&apos;s capacity must be one of {0}, not {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="305"/>
        <source>有 {0} 条有效不良记录本市档案未规定措施：须经办人确认已阅后才能保存</source>
        <translation>{0} adverse records in force have no measure in the city&apos;s profile: the officer acknowledges them before saving</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="306"/>
        <source>{0} 于 {1} 确认阅知 {2} 条本市档案未规定措施的有效不良记录：{3}</source>
        <translation>{0} acknowledged on {1} {2} adverse records in force without a measure in the city&apos;s profile: {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="307"/>
        <source>审查报告 {0}，{1} 收到{2}，有效期至 {3}（申请编号 {4}）</source>
        <translation>Review report {0}, received {1}{2}, valid until {3} (request no. {4})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="308"/>
        <source>已于 {0} 申请，信用中心应于 {1} 前反馈，尚未收到审查报告（申请编号 {2}）</source>
        <translation>Requested on {0}; the credit centre answers by {1}; no report received yet (request no. {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="310"/>
        <source>结论比系统计算结果宽松：请写明理由（至少 {0} 个字，现 {1} 个）</source>
        <translation>Milder than computed: give a reason (at least {0} characters, {1} so far)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="311"/>
        <source>本档案没有该办理事项：{0}</source>
        <translation>This profile has no such matter: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="313"/>
        <source>异议理由至少 {0} 个字（写明哪一点有误、依据是什么）</source>
        <translation>The objection needs at least {0} characters (what is wrong and on what grounds)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="314"/>
        <source>异议理由最多 {0} 个字</source>
        <translation>The objection may have at most {0} characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="315"/>
        <source>本地数据中没有信用记录 {0}（请先同步，或核对记录编号）</source>
        <translation>The local data has no credit record {0} (sync first, or check the record number)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="316"/>
        <source>信用记录 {0} 不属于主体 {1}</source>
        <translation>Credit record {0} does not belong to subject {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="317"/>
        <source>没有编号为 {0} 的核查记录</source>
        <translation>There is no review numbered {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="318"/>
        <source>处理结果应为 {0}（异议成立 / 异议不成立）之一，实际为 {1}</source>
        <translation>The result must be one of {0} (upheld / not upheld), not {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="319"/>
        <source>没有编号为 {0} 的异议</source>
        <translation>There is no objection numbered {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="320"/>
        <source>平台数据显示该记录{0}{1}</source>
        <translation>The platform data shows this record {0}{1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="321"/>
        <source>平台已更新该记录（{0}），请核对内容</source>
        <translation>The platform updated this record ({0}): check its content</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="323"/>
        <source>{0}档案未规定信用审查（无 credit_review 一节），无法申请</source>
        <translation>The {0} profile has no credit review (no credit_review section): it cannot be requested</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="324"/>
        <source>{0}档案没有事项 {1}</source>
        <translation>The {0} profile has no matter {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="325"/>
        <source>{0}档案未规定信用审查</source>
        <translation>The {0} profile has no credit review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="326"/>
        <source>审查结论摘要不能超过 {0} 字，实际 {1} 字</source>
        <translation>The review&apos;s summary may have at most {0} characters, it has {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="327"/>
        <source>收到日期 {0} 晚于今天</source>
        <translation>The date received {0} is after today</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="328"/>
        <source>审查申请 {0} 已于 {1} 记录结果（{2}）</source>
        <translation>The review request {0} has its result recorded on {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="329"/>
        <source>收到日期 {0} 早于申请日期 {1}</source>
        <translation>The date received {0} is before the request date {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="330"/>
        <source>没有编号为 {0} 的信用审查申请</source>
        <translation>There is no credit review request numbered {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="332"/>
        <source>{0}：找不到档案 {1} 第 {2} 版</source>
        <translation>{0}: profile {1} version {2} not found</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="333"/>
        <source>没有编号为 {0} 的复核记录</source>
        <translation>There is no re-check numbered {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="334"/>
        <source>该复核记录已由 {0} 于 {1} 确认</source>
        <translation>This re-check was acknowledged by {0} on {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="336"/>
        <source>字段 {0} 应为非空字符串，实际为 {1}</source>
        <translation>The field {0} should be a non-empty string, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="337"/>
        <source>字段 {0} 应为字符串或 null，实际为 {1}</source>
        <translation>The field {0} should be a string or null, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="338"/>
        <source>字段 {0} 应为日期 YYYY-MM-DD，实际为 {1}</source>
        <translation>The field {0} should be a date YYYY-MM-DD, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="339"/>
        <source>字段 {0} 不是有效日期：{1}</source>
        <translation>The field {0} is not a valid date: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="340"/>
        <source>字段 {0} 应为数字或 null，实际为 {1}</source>
        <translation>The field {0} should be a number or null, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="341"/>
        <source>字段 {0} 应为整数，实际为 {1}</source>
        <translation>The field {0} should be an integer, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="342"/>
        <source>字段 {0} 的值 {1} 不在允许范围 {2} 内</source>
        <translation>The value {1} of field {0} is not among the allowed {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="343"/>
        <source>字段 {0} 应为字符串列表，实际为 {1}</source>
        <translation>The field {0} should be a list of strings, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="344"/>
        <source>字段 {0} 应为对象，实际为 {1}</source>
        <translation>The field {0} should be an object, it is {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="345"/>
        <source>实体 id 无效：{0}</source>
        <translation>Invalid entity id: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="346"/>
        <source>非自然人主体的 uscc 应为18位统一社会信用代码，实际为 {0}</source>
        <translation>The uscc of a subject that is not a person should be an 18-character credit code, it is {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="347"/>
        <source>report_no {0} 与实体 id {1} 不一致</source>
        <translation>report_no {0} does not match the entity id {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="349"/>
        <source>字段 {0} 超过 {1} 个字符（实际 {2}），不是有效的值</source>
        <translation>The field {0} is longer than {1} characters ({2}): not a valid value</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="350"/>
        <source>字段 {0} 含有控制字符：{1}</source>
        <translation>The field {0} contains control characters: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="351"/>
        <source>字段 {0} 只含控制字符</source>
        <translation>The field {0} holds only control characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="352"/>
        <source>{0}；其余内容已照常应用</source>
        <translation>{0}; the rest was applied as usual</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="353"/>
        <source>字段 {0} {1}（{2} {3}{4}）</source>
        <translation>field {0} {1} ({2} {3}{4})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="354"/>
        <source>，上限 {0}</source>
        <translation>, limit {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="355"/>
        <source>变更缺少类型 type（或不是字符串）：{0}</source>
        <translation>The change lacks its type (or it is not a string): {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="356"/>
        <source>seq 应为整数，实际为 {0}</source>
        <translation>seq should be an integer, it is {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="357"/>
        <source>op 应为 upsert 或 delete，实际为 {0}</source>
        <translation>op should be upsert or delete, it is {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="358"/>
        <source>完整同步第 {0} 轮已被第 {1} 轮取代，未清除任何数据；请重新同步</source>
        <translation>Full sync round {0} was superseded by round {1}; nothing was cleared: sync again</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="360"/>
        <source>“{0}”不是统一社会信用代码、身份证号或主体编号；核查须凭代码，名称请先用查询找到主体</source>
        <translation>“{0}” is not a credit code, an ID number or a subject id; a check needs a code: find a name with the query first</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="362"/>
        <source>{0} {1} 之前完成的核查记录 {2} 条，信用承诺 {3} 份（含签名图像），承诺履约记录 {4} 条，复核 {5} 条，提醒 {6} 条，异议 {7} 条，已上报副本 {8} 条</source>
        <translation>{0}, of what was completed before {1}: {2} reviews, {3} credit commitments (with signature images), {4} commitment events, {5} re-checks, {6} alerts, {7} objections, {8} copies already reported</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="363"/>
        <source>{0} 条尚有内容未上报平台</source>
        <translation>{0} still have content not reported to the platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="364"/>
        <source>{0} 条有内容被平台拒收、待处理</source>
        <translation>{0} have content the platform refused, to be handled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="365"/>
        <source>{0} 条的更正版本仍保留</source>
        <translation>{0} have a correction that is kept</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="366"/>
        <source>保留 {0} 条：{1}</source>
        <translation>Kept {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="367"/>
        <source>已记入审计日志（第 {0} 条）</source>
        <translation>Recorded in the audit log (entry {0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="369"/>
        <source>审计日志无法完整读取（第 {0} 条附近：{1}），疑似被改动</source>
        <translation>The audit log cannot be read in full (near entry {0}: {1}): it may have been altered</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="370"/>
        <source>审计链锚定记录被篡改（第 {0} 条的锚定校验码不符）</source>
        <translation>The audit chain&apos;s anchor was tampered with (the anchor check of entry {0} does not match)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="371"/>
        <source>第 {0} 条与本机锚定的哈希不符：审计链已被整体改写或截断</source>
        <translation>Entry {0} does not match the hash anchored on this computer: the chain was rewritten or truncated</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="372"/>
        <source>第 {0} 条附近的记录无法读取（字段被改动）</source>
        <translation>The entries near {0} cannot be read (fields altered)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="373"/>
        <source>第 {0} 条与第 {1} 条内容相同（重复插入的记录）</source>
        <translation>Entry {0} is the same as entry {1} (inserted twice)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="374"/>
        <source>第 {0} 条与第 {1} 条顺序颠倒（乱序）</source>
        <translation>Entries {0} and {1} are swapped (out of order)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="375"/>
        <source>第 {0} 条是插入的记录（不在链上，下一条跳过了它）</source>
        <translation>Entry {0} was inserted (not on the chain: the next one skips it)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="376"/>
        <source>第 {0} 条在链头之后（末尾被插入的记录）</source>
        <translation>Entry {0} comes after the chain head (inserted at the end)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="377"/>
        <source>第 {0} 条是插入的记录（其后的第 {1} 条接在第 {2} 条之后）</source>
        <translation>Entry {0} was inserted (entry {1} after it follows entry {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="378"/>
        <source>第 {0} 条顺序错乱（它接在第 {1} 条之后，而非第 {2} 条）</source>
        <translation>Entry {0} is out of order (it follows entry {1}, not entry {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="379"/>
        <source>第 {0} 条缺失（已被删除）</source>
        <translation>Entry {0} is missing (deleted)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="380"/>
        <source>第 {0} 条序号重复或乱序（疑似插入）</source>
        <translation>Entry {0} has a repeated or out-of-order number (likely inserted)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="381"/>
        <source>第 {0} 条与前一条不衔接（其前有记录被插入、删除或修改）</source>
        <translation>Entry {0} does not follow from the one before (an entry before it was inserted, deleted or changed)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="382"/>
        <source>第 {0} 条内容被修改（哈希不符）</source>
        <translation>Entry {0} was changed (hash mismatch)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="383"/>
        <source>第 {0} 条起缺失（末尾记录被删除）</source>
        <translation>Missing from entry {0} on (entries at the end deleted)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="384"/>
        <source>第 {0} 条与链头不符（末尾记录被插入或修改）</source>
        <translation>Entry {0} does not match the chain head (entries at the end inserted or changed)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="386"/>
        <source>不支持的格式“{0}”：请用 pdf 或 xlsx（--format，或文件扩展名）</source>
        <translation>Unsupported format “{0}”: use pdf or xlsx (--format, or the file extension)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="388"/>
        <source>策略档案 {0} 在 {1} 没有生效的版本</source>
        <translation>The policy profile {0} has no version in force on {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="389"/>
        <source>未知的策略档案 {0}</source>
        <translation>Unknown policy profile {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="390"/>
        <source>{0}；可用的档案：{1}</source>
        <translation>{0}; available profiles: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="391"/>
        <source>档案 {0} v{1} 没有事项 {2}；可用的事项：{3}</source>
        <translation>Profile {0} v{1} has no matter {2}; available matters: {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="393"/>
        <source>数据库服务器 {0} 上的 {1}</source>
        <translation>{1} on the database server {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="395"/>
        <source>配置文件 {0} 无法读取：{1}</source>
        <translation>The settings file {0} cannot be read: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="396"/>
        <source>配置文件 {0} 中的 {1} 应为 {2} 类型，实际为 {3}</source>
        <translation>In the settings file {0}, {1} should be of type {2}, it is {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="398"/>
        <source>{0}：{1}。国家层和{2}档案对此类记录在本事项中均未规定措施，请阅读档案说明，依法依规判断并确认后再办理。</source>
        <translation>{0}: {1}. Neither the national layer nor the {2} profile sets a measure for such records in this matter: read the profile&apos;s notes, decide by law and regulation and confirm before handling the matter.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="399"/>
        <source>{0}未列明“{1}”事项：按国家层规则和本市一般条款（{2}：“{3}”）办理。</source>
        <translation>{0} does not list the matter “{1}”: handled by the national rules and the city&apos;s general clause ({2}: “{3}”).</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="401"/>
        <source>{0}{1}：同一数据库同一时间只能有一个同步或离线数据包导入。本次未作任何改动，请等它结束后再试</source>
        <translation>{0}{1}: one database takes one sync or offline bundle import at a time. Nothing was changed: try again when it has finished</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="402"/>
        <source>工作站 {0}</source>
        <translation>workstation {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="403"/>
        <source>进程 {0}</source>
        <translation>process {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="404"/>
        <source>自 {0} 起</source>
        <translation>since {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="405"/>
        <source>数据库会话 {0}{1}</source>
        <translation>database session {0}{1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="406"/>
        <source>，来自 {0}</source>
        <translation> from {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="412"/>
        <source>（调整已驳回）</source>
        <translation> (change rejected)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="413"/>
        <source>所在文件夹不存在</source>
        <translation>The folder does not exist</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="414"/>
        <source>本单位</source>
        <translation>this unit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="415"/>
        <source>离线核查</source>
        <translation>Offline check</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="416"/>
        <source>偏离系统结论</source>
        <translation>Departs from the computed conclusion</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="417"/>
        <source>更正记录</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="418"/>
        <source>一</source>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="419"/>
        <source>二</source>
        <translation>2</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="420"/>
        <source>三</source>
        <translation>3</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="421"/>
        <source>四</source>
        <translation>4</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="422"/>
        <source>期间应写作 2026-11（月）、2026-Q3（季度）或 2026-H1（半年）</source>
        <translation>Write the period as 2026-11 (month), 2026-Q3 (quarter) or 2026-H1 (half-year)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="423"/>
        <source>上</source>
        <translation>first</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="424"/>
        <source>下</source>
        <translation>second</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="425"/>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="426"/>
        <source>其中不予采信</source>
        <translation>of which not accepted</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="427"/>
        <source>依据过期数据</source>
        <translation>On out-of-date data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="428"/>
        <source>改变系统结论</source>
        <translation>Changed the computed conclusion</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="429"/>
        <source>更正核查记录</source>
        <translation>Corrected reviews</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="430"/>
        <source>期内标记履约 / 违约</source>
        <translation>Marked fulfilled / breached in the period</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="431"/>
        <source>受理异议</source>
        <translation>Objections received</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="432"/>
        <source>经办人数</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="433"/>
        <source>输入统一社会信用代码、身份证号码或名称</source>
        <translation>Enter a credit code, an ID number or a name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="434"/>
        <source>有效的统一社会信用代码</source>
        <translation>Valid unified social credit code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="435"/>
        <source>有效的居民身份证号码</source>
        <translation>Valid ID number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="436"/>
        <source>名称至少输入 2 个字</source>
        <translation>Enter at least 2 characters of a name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="437"/>
        <source>按名称、曾用名或拼音首字母查找</source>
        <translation>Search by name, former name or pinyin initials</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="438"/>
        <source>请输入统一社会信用代码</source>
        <translation>Enter a unified social credit code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="439"/>
        <source>请输入居民身份证号码</source>
        <translation>Enter an ID number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="440"/>
        <source>请输入统一社会信用代码或居民身份证号码</source>
        <translation>Enter a credit code or an ID number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="441"/>
        <source>15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码</source>
        <translation>15 digits is a first-generation ID number, no longer valid: enter the 18-digit number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="442"/>
        <source>15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码；如为旧营业执照注册号，请改用18位统一社会信用代码</source>
        <translation>15 digits is a first-generation ID number, no longer valid: enter the 18-digit number; for an old business registration number use the 18-character credit code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="443"/>
        <source>统一社会信用代码只能由数字和大写英文字母组成</source>
        <translation>a credit code has only digits and capital letters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="444"/>
        <source>统一社会信用代码不使用 I、O、Z、S、V</source>
        <translation>credit codes do not use I, O, Z, S, V</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="445"/>
        <source>第3～8位为登记管理机关行政区划码，应为数字</source>
        <translation>positions 3–8 are the region code: digits only</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="446"/>
        <source>居民身份证号码第18位应为数字或X</source>
        <translation>the 18th character of an ID number is a digit or X</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="447"/>
        <source>居民身份证号码前17位应为数字</source>
        <translation>the first 17 characters of an ID number are digits</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="448"/>
        <source>居民身份证号码只能由数字和末位的X组成</source>
        <translation>an ID number has only digits and a final X</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="449"/>
        <source>号码只能由数字和大写英文字母组成</source>
        <translation>only digits and capital letters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="450"/>
        <source>文件未规定具体日期</source>
        <translation>no date set by the document</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="451"/>
        <source>已被更正</source>
        <translation>superseded</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="452"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="454"/>
        <location filename="../../creditdesk/ui/core_text.py" line="731"/>
        <source>用户名或密码错误</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="455"/>
        <source>用户名须为 2–64 位小写字母、数字或 . _ -</source>
        <translation>A user name is 2–64 lower-case letters, digits or . _ -</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="456"/>
        <source>密码不能与用户名相同</source>
        <translation>The password must not be the user name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="457"/>
        <source>密码不能为空</source>
        <translation>The password must not be empty</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="458"/>
        <source>第一个账户必须是系统管理员（--role admin）</source>
        <translation>The first account must be an administrator (--role admin)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="459"/>
        <source>账户已停用，请联系系统管理员</source>
        <translation>The account is disabled: ask the administrator</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="460"/>
        <source>不能停用或降级最后一个可用的系统管理员账户</source>
        <translation>The last active administrator account cannot be disabled or demoted</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="462"/>
        <source>看起来是 GBK/GB18030 编码（Excel 的“CSV（逗号分隔）”或记事本的“ANSI”）</source>
        <translation>it looks like GBK/GB18030 (Excel&apos;s &quot;CSV (Comma delimited)&quot; or Notepad&apos;s &quot;ANSI&quot;)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="463"/>
        <source>也不是 GBK/GB18030 编码，可能不是文本文件</source>
        <translation>nor GBK/GB18030; it may not be a text file</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="464"/>
        <source>（标准输入）</source>
        <translation>(standard input)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="466"/>
        <source>备份文件不能写在数据库文件本身上</source>
        <translation>The backup file cannot be written over the database file itself</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="468"/>
        <source>机构编制</source>
        <translation>public-sector establishment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="469"/>
        <source>外交</source>
        <translation>foreign affairs</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="470"/>
        <source>司法行政</source>
        <translation>judicial administration</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="471"/>
        <source>文化</source>
        <translation>culture</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="472"/>
        <source>民政</source>
        <translation>civil affairs</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="473"/>
        <source>旅游</source>
        <translation>tourism</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="474"/>
        <source>宗教</source>
        <translation>religion</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="475"/>
        <source>工会</source>
        <translation>trade unions</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="476"/>
        <source>工商</source>
        <translation>industry and commerce</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="477"/>
        <source>中央军委改革和编制办公室</source>
        <translation>CMC Reform and Establishment Office</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="478"/>
        <source>农业</source>
        <translation>agriculture</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="479"/>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="480"/>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="481"/>
        <source>居民身份证号码应为17位数字加1位数字或X</source>
        <translation>An ID number is 17 digits and a digit or X</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="482"/>
        <source>id_digest 应为64位小写十六进制字符串</source>
        <translation>id_digest must be 64 lower-case hexadecimal characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="484"/>
        <source>连接被拒绝</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="485"/>
        <source>平台地址是否拼写正确、本机的 DNS 设置与网络连接</source>
        <translation>the spelling of the platform address, this computer&apos;s DNS settings and network connection</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="486"/>
        <source>网络不可达</source>
        <translation>network unreachable</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="487"/>
        <source>本机网络连接、网关和代理设置</source>
        <translation>this computer&apos;s network connection, gateway and proxy settings</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="488"/>
        <source>平台地址必须使用 HTTPS（仅本机回环地址允许 HTTP，用于测试与演示）</source>
        <translation>The platform address must use HTTPS (HTTP only on the loopback address, for tests and demos)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="489"/>
        <source>没有平台访问令牌：请管理员运行 creditdesk platform login 录入令牌</source>
        <translation>No platform access token: the administrator enters one with creditdesk platform login</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="490"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="491"/>
        <source>平台响应超时</source>
        <translation>the platform timed out</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="492"/>
        <source>平台返回的内容不是有效的 JSON（可能传输被截断）</source>
        <translation>the platform returned invalid JSON (the transfer may have been cut)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="493"/>
        <source>平台网关超时</source>
        <translation>the platform gateway timed out</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="494"/>
        <source>平台繁忙</source>
        <translation>the platform is busy</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="495"/>
        <source>平台返回的 gzip 数据已损坏</source>
        <translation>The gzip data from the platform is damaged</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="496"/>
        <source>变更页不是 JSON 对象</source>
        <translation>The change page is not a JSON object</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="497"/>
        <source>变更页缺少 changes 列表</source>
        <translation>The change page lacks the changes list</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="498"/>
        <source>变更页的 next、has_more 或 epoch 无效</source>
        <translation>The change page&apos;s next, has_more or epoch is invalid</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="499"/>
        <source>提交结果的数量与提交项不一致</source>
        <translation>The number of submission results does not match the items</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="500"/>
        <source>提交结果与提交项的 uid 不对应</source>
        <translation>The submission results&apos; uids do not match the items</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="502"/>
        <source>令牌为空</source>
        <translation>The token is empty</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="504"/>
        <source>公钥不能为空，应为 b64: 加标准 base64 编码的 32 字节 Ed25519 公钥</source>
        <translation>The public key must not be empty: b64: followed by a 32-byte Ed25519 public key in standard base64</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="505"/>
        <source>公钥 “b64:” 之后不是有效的标准 base64 编码</source>
        <translation>What follows “b64:” in the public key is not valid standard base64</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="506"/>
        <source>不是有效的 Ed25519 公钥</source>
        <translation>Not a valid Ed25519 public key</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="507"/>
        <source>平台标识 platform_id </source>
        <translation>platform id platform_id </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="508"/>
        <source>signing_keys 的条目不是对象</source>
        <translation>An entry of signing_keys is not an object</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="509"/>
        <source>密钥标识 key_id </source>
        <translation>key id key_id </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="511"/>
        <source>尚未连接平台：请管理员运行 creditdesk platform connect URL --client-id ID</source>
        <translation>Not connected to a platform: the administrator runs creditdesk platform connect URL --client-id ID</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="513"/>
        <source>同步已取消；已写入的数据页保留，下次从中断处继续</source>
        <translation>Sync cancelled; the pages written are kept and the next sync continues from here</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="514"/>
        <source>完整同步途中平台再次判定游标过期（410），无法继续；请联系平台管理员，或导入完整离线数据包</source>
        <translation>During a full sync the platform again found the cursor expired (410), so it cannot go on: contact the platform administrator, or import a full offline bundle</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="516"/>
        <source>完整同步</source>
        <translation>Full sync</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="517"/>
        <source>增量同步</source>
        <translation>Incremental sync</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="518"/>
        <source>正在连接平台……</source>
        <translation>Connecting to the platform…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="519"/>
        <source>正在检查新数据带来的提醒和复核……</source>
        <translation>Checking the new data for alerts and re-checks…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="520"/>
        <source>正在上报待送事项……</source>
        <translation>Sending pending submissions…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="521"/>
        <source>正在校验离线数据包……</source>
        <translation>Verifying the offline bundle…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="523"/>
        <source>平台认为该项过大</source>
        <translation>the platform found this item too large</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="524"/>
        <source>平台认为单项过大</source>
        <translation>the platform found an item too large</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="526"/>
        <source>承诺补交的材料名称不能为空</source>
        <translation>The name of the material to be supplied must not be empty</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="527"/>
        <source>补交期限应为 1 至 365 个工作日</source>
        <translation>The deadline is 1 to 365 working days</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="528"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="530"/>
        <source>标记违约须写明违约事实（备注），该信息将报送市公共信用信息系统</source>
        <translation>Marking a breach needs the facts of the breach (note); they are reported to the city public credit information system</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="532"/>
        <source>全量数据包</source>
        <translation>full bundle</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="533"/>
        <source>导入已取消，数据包中的变更一条也没有写入</source>
        <translation>Import cancelled: not one change of the bundle was written</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="535"/>
        <source>条目名称为空</source>
        <translation>an entry has an empty name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="536"/>
        <source>压缩包被截断</source>
        <translation>the archive is truncated</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="537"/>
        <source>本地文件头损坏</source>
        <translation>a local file header is damaged</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="538"/>
        <source>本地文件头标记为加密或不支持的格式</source>
        <translation>a local file header is marked encrypted or of an unsupported format</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="539"/>
        <source>本地文件头与目录记载的压缩方式不一致</source>
        <translation>a local file header and the directory disagree on the compression</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="540"/>
        <source>条目的数据与其他条目或压缩包目录重叠</source>
        <translation>an entry&apos;s data overlaps another entry or the archive&apos;s directory</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="541"/>
        <source>未压缩条目的大小记载不一致</source>
        <translation>the recorded sizes of a stored entry disagree</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="542"/>
        <source>CRC-32 校验不符</source>
        <translation>CRC-32 mismatch</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="543"/>
        <source>deflate 数据无法解压</source>
        <translation>the deflate data cannot be unpacked</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="545"/>
        <source>压缩包完整性</source>
        <translation>archive integrity</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="546"/>
        <source>清单 manifest.json</source>
        <translation>manifest manifest.json</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="547"/>
        <source>签名</source>
        <translation>signature</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="548"/>
        <source>签名密钥</source>
        <translation>signing key</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="549"/>
        <source>平台</source>
        <translation>platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="550"/>
        <source>数据分卷校验和</source>
        <translation>part checksums</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="551"/>
        <source>数据分卷条数</source>
        <translation>part line counts</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="552"/>
        <source>数据分卷齐全</source>
        <translation>all parts present</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="553"/>
        <source>多余或不安全的文件</source>
        <translation>extra or unsafe files</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="554"/>
        <source>序号衔接</source>
        <translation>seq continuity</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="555"/>
        <source>数据版本（epoch）</source>
        <translation>data epoch</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="556"/>
        <source>大小限制</source>
        <translation>size limits</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="558"/>
        <source>变更内容</source>
        <translation>change contents</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="559"/>
        <source>数据新旧（防止回滚）</source>
        <translation>data age (no rollback)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="561"/>
        <source>manifest.json 不是 UTF-8 文本</source>
        <translation>manifest.json is not UTF-8 text</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="562"/>
        <source>manifest.json 应为一个 JSON 对象</source>
        <translation>manifest.json should be one JSON object</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="563"/>
        <source>压缩包中没有 manifest.json</source>
        <translation>The archive has no manifest.json</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="564"/>
        <source>压缩包中没有签名文件 manifest.sig</source>
        <translation>The archive has no signature file manifest.sig</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="565"/>
        <source>manifest.json 的 person_key 应为 “b64:” 加标准 base64</source>
        <translation>the person_key of manifest.json should be “b64:” and standard base64</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="566"/>
        <source>manifest.json 缺少 parts 列表</source>
        <translation>manifest.json lacks the parts list</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="568"/>
        <source>该核查记录已被更正，请更正其最新版本</source>
        <translation>This review has been corrected already: correct its latest version</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="569"/>
        <source>需要科室负责人登录后才能审批结论调整</source>
        <translation>A supervisor must be signed in to approve an outcome change</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="570"/>
        <source>驳回须写明理由（至少 4 个字）</source>
        <translation>A rejection needs a reason (at least 4 characters)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="571"/>
        <source>该核查记录没有待审批的结论调整</source>
        <translation>This review has no outcome change awaiting approval</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="572"/>
        <source>结论调整须由另一人审批：经办人不能审批自己的调整</source>
        <translation>An outcome change is approved by someone else: officers cannot approve their own</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="573"/>
        <source>最终结论与系统结论不一致时，必须填写理由</source>
        <translation>A final outcome that differs from the computed one needs a reason</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="574"/>
        <source>结论调整须由科室负责人审批</source>
        <translation>An outcome change is approved by a supervisor</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="575"/>
        <source>只有比系统计算结果宽松的结论需要审批</source>
        <translation>Only an outcome milder than the computed one needs approval</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="576"/>
        <source>本事项须签署信用承诺书：请记录承诺（手写签名或纸质签署）</source>
        <translation>This matter needs a signed credit commitment: record it (signature pad or signed on paper)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="577"/>
        <source>信用承诺须有手写签名，或注明已在纸质承诺书上签署</source>
        <translation>A credit commitment needs a handwritten signature, or a note that it was signed on paper</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="578"/>
        <source>信用承诺须有签署人姓名和承诺书文本</source>
        <translation>A credit commitment needs the signer&apos;s name and the commitment text</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="579"/>
        <source>委托代理人签署：须写明委托人（法定代表人）和授权委托书</source>
        <translation>Signed by an agent: name the principal (legal representative) and the power of attorney</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="580"/>
        <source>核查记录中不得出现完整身份证号（请使用脱敏号码）</source>
        <translation>A review must not contain a full ID number (use the masked number)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="581"/>
        <source>无法生成不重复的核查码</source>
        <translation>Cannot generate a unique verification code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="582"/>
        <source>，载有不良信息</source>
        <translation>, with adverse information</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="583"/>
        <source>，未发现不良信息</source>
        <translation>, no adverse information found</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="584"/>
        <source>（无编号）</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="586"/>
        <source>结论与系统计算结果不同：请写明理由</source>
        <translation>The outcome differs from the computed one: give a reason</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="587"/>
        <source>只有比系统计算结果宽松的结论需要负责人审批</source>
        <translation>Only an outcome milder than the computed one needs a supervisor&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="588"/>
        <source>请先选择理由类别并写明理由</source>
        <translation>Choose a reason category and write the reason first</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="589"/>
        <source>委托代理人签署：请填写委托人（法定代表人）姓名</source>
        <translation>Signed by an agent: enter the principal&apos;s (legal representative&apos;s) name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="590"/>
        <source>委托代理人签署：请填写授权委托书（编号或日期）</source>
        <translation>Signed by an agent: enter the power of attorney (number or date)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="592"/>
        <source>请选择提出异议的信用记录</source>
        <translation>Choose the credit record the objection is about</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="593"/>
        <source>请填写联系人姓名</source>
        <translation>Enter the contact person&apos;s name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="594"/>
        <source>联系人姓名过长</source>
        <translation>The contact person&apos;s name is too long</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="595"/>
        <source>请填写联系电话</source>
        <translation>Enter a contact phone number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="596"/>
        <source>联系电话应为 11 位手机号或带区号的固定电话（如 0591-87654321）</source>
        <translation>The phone number is an 11-digit mobile number or a landline with its area code (e.g. 0591-87654321)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="597"/>
        <source>异议内容中不得出现完整身份证号（如需注明，请使用脱敏号码）</source>
        <translation>An objection must not contain a full ID number (use the masked number if needed)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="598"/>
        <source>缺少办理单位（请在设置中填写单位名称）</source>
        <translation>No handling unit (enter the unit name in Settings)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="599"/>
        <source>未署名</source>
        <translation>unsigned</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="600"/>
        <source>请写明处理结果的说明（如信用办的答复文号或要点）</source>
        <translation>Describe the result (e.g. the credit office&apos;s reply number or main points)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="601"/>
        <source>说明中不得出现完整身份证号</source>
        <translation>The description must not contain a full ID number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="602"/>
        <source>平台未说明原因</source>
        <translation>the platform gave no reason</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="603"/>
        <source>平台已删除该信用记录</source>
        <translation>The platform deleted this credit record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="605"/>
        <source>须指明申请审查的主体</source>
        <translation>Name the subject of the review request</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="607"/>
        <source>upsert 缺少 data 对象</source>
        <translation>The upsert lacks its data object</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="608"/>
        <source>自然人缺少 id_digest</source>
        <translation>A natural person lacks id_digest</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="609"/>
        <source>自然人的实体 id 应为 P- 加 id_digest</source>
        <translation>A natural person&apos;s entity id should be P- and the id_digest</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="611"/>
        <source>含控制字符，已删除</source>
        <translation>had control characters, removed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="612"/>
        <source>过长，已截断</source>
        <translation>too long, cut</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="613"/>
        <source>过多，只保留前若干个</source>
        <translation>too many, only the first kept</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="614"/>
        <source>长度</source>
        <translation>length</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="615"/>
        <source>个数</source>
        <translation>count</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="616"/>
        <source>已取消；已提交的批次保留</source>
        <translation>Cancelled; the batches committed are kept</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="617"/>
        <source>变更不是 JSON 对象</source>
        <translation>The change is not a JSON object</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="619"/>
        <source>本地数据缺少平台的自然人密钥，暂无法按身份证号核查</source>
        <translation>The local data lacks the platform&apos;s person key: checking by ID number is not possible yet</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="620"/>
        <source>信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="622"/>
        <source>证件号码</source>
        <translation>ID document number</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="623"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="624"/>
        <source>查询内容</source>
        <translation>Query</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="625"/>
        <source>平台已知</source>
        <translation>Known to the platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="626"/>
        <source>核查日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="627"/>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="628"/>
        <source>有效记录数</source>
        <translation>Records in force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="629"/>
        <source>报告可用</source>
        <translation>Report usable</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="630"/>
        <source>报告问题</source>
        <translation>Report problems</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="631"/>
        <source>未规定措施的不良记录</source>
        <translation>Adverse records without a measure</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="632"/>
        <source>档案说明</source>
        <translation>Profile notes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="633"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="634"/>
        <source>核查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="636"/>
        <source>将删除</source>
        <translation>Will delete</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="637"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="638"/>
        <source>（试运行：未删除任何数据）</source>
        <translation> (dry run: nothing deleted)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="640"/>
        <source>审计导出已取消，未写入文件</source>
        <translation>Audit export cancelled; no file written</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="641"/>
        <source>本机的审计链锚定记录被删除（链可能已被整体改写）</source>
        <translation>This computer&apos;s audit chain anchor was deleted (the chain may have been rewritten)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="642"/>
        <source>本机没有这条审计链的锚定密钥（例如数据库是从别处复制来的）：只校验了哈希链本身</source>
        <translation>This computer has no anchor key for this audit chain (e.g. the database was copied from elsewhere): only the hash chain itself was checked</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="643"/>
        <source>序号</source>
        <translation>Seq</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="644"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="645"/>
        <source>操作代码</source>
        <translation>Action code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="646"/>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="647"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="648"/>
        <source>前一条哈希</source>
        <translation>Previous hash</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="649"/>
        <source>本条哈希</source>
        <translation>Hash</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="651"/>
        <source>审计链校验已取消</source>
        <translation>Audit chain check cancelled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="652"/>
        <source>审计链头记录缺失</source>
        <translation>The audit chain head is missing</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="654"/>
        <source>按经办人统计仅向科室负责人和系统管理员显示</source>
        <translation>Figures by officer are shown to supervisors and administrators only</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="655"/>
        <source>该政策文件未规定使用情况的报送期限。</source>
        <translation>The policy sets no deadline for reporting the usage.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="656"/>
        <source>导出已取消，未写入文件</source>
        <translation>Export cancelled; no file written</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="658"/>
        <source>（数据库地址无法识别）</source>
        <translation>(database address not recognised)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="659"/>
        <source>内存数据库（仅供测试）</source>
        <translation>in-memory database (tests only)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="660"/>
        <source>本机</source>
        <translation>this computer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="662"/>
        <source>本市档案未规定措施</source>
        <translation>No measure in the city&apos;s profile</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="664"/>
        <source>本地数据缺少平台的自然人密钥，暂无法按身份证号查找</source>
        <translation>The local data lacks the platform&apos;s person key: looking up by ID number is not possible yet</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="666"/>
        <source>系统凭据库不可用，且未指定本机密钥目录：无法保存本地密钥</source>
        <translation>The system keyring is unavailable and no local key folder is set: the local key cannot be saved</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="668"/>
        <source>另一窗口正在同步</source>
        <translation>Another window is syncing</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="769"/>
        <source>{0}“{1}”（{2}）</source>
        <translation>{0} “{1}” ({2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="771"/>
        <location filename="../../creditdesk/ui/core_text.py" line="772"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/core_text.py" line="774"/>
        <source>本市档案未规定措施：{0}。国家层和{1}档案对此类记录在本事项中均未规定措施，请阅读档案说明，依法依规判断并确认后再办理。</source>
        <translation>No measure in the city profile: {0}. Neither the national layer nor the {1} profile sets a measure for such records in this matter: read the profile notes, judge by law and acknowledge before handling.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/i18n.py" line="29"/>
        <source>跟随系统</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="435"/>
        <source>（未知的政策配置）</source>
        <translation>(unknown policy profile)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="86"/>
        <source>没有名为 {0} 的打印机</source>
        <translation>No printer named {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="98"/>
        <source>无法连接打印机 {0}</source>
        <translation>Cannot reach printer {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="171"/>
        <source>文件已存在：{0}</source>
        <translation>File exists: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/vocabulary.py" line="311"/>
        <source>未规定措施记录的确认</source>
        <translation>Unruled records acknowledged</translation>
    </message>
</context>
<context>
    <name>AccountFormDialog</name>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="99"/>
        <source>创建系统管理员</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="99"/>
        <source>新建账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="105"/>
        <source>&lt;h3&gt;欢迎使用信用核查窗口助手&lt;/h3&gt;&lt;p&gt;首次使用，请先创建&lt;b&gt;系统管理员&lt;/b&gt;账户。之后由管理员为各位经办人、科室负责人创建账户，每次查询和核查都将记录在登录的账户名下。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Welcome to CreditDesk&lt;/h3&gt;&lt;p&gt;First, create the &lt;b&gt;administrator&lt;/b&gt; account. The administrator then creates the accounts of officers and supervisors; every lookup and review is recorded under the signed-in account.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="109"/>
        <source>新建的账户用用户名和密码登录；请把初始密码当面告知本人。</source>
        <translation>The new account signs in with its user name and password; give the first password to its owner in person.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="112"/>
        <source>小写字母、数字或 . _ -，如 zhangsan</source>
        <translation>lower-case letters, digits or . _ -, e.g. zhangsan</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="115"/>
        <source>姓名，如 张三（显示在核查单上）</source>
        <translation>Full name, e.g. 张三 (printed on the slips)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="122"/>
        <source>所属科室或单位（可空）</source>
        <translation>Section or unit (optional)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="123"/>
        <source>至少 {0} 位</source>
        <translation>at least {0} characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="125"/>
        <source>再输入一次</source>
        <translation>once more</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="131"/>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="132"/>
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="135"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="138"/>
        <source>角色(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="139"/>
        <source>科室/单位</source>
        <translation>Section/unit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="140"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="141"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="143"/>
        <source>创建并登录</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="143"/>
        <source>创建账户</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="146"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="146"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="174"/>
        <source>请输入用户名</source>
        <translation>Enter a user name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="177"/>
        <source>请输入姓名</source>
        <translation>Enter a name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="193"/>
        <source>正在创建账户……</source>
        <translation>Creating the account…</translation>
    </message>
</context>
<context>
    <name>AccountsWidget</name>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="338"/>
        <source>新建账户…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="340"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="346"/>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="348"/>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="436"/>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="350"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="360"/>
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="369"/>
        <source>经办人办理查询与核查；科室负责人另可查看全科室台账、处理跟进与导出；系统管理员另可管理账户和修改设置。每项修改都记入审计日志。</source>
        <translation>Officers look up and review; supervisors also see the whole section&apos;s ledger, follow up and export; administrators also manage accounts and settings. Every change goes into the audit trail.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="436"/>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="442"/>
        <source>已创建账户 {0}</source>
        <translation>Account {0} created</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="457"/>
        <source>已重置 {0} 的密码</source>
        <translation>Password of {0} reset</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="471"/>
        <source>{0} 的角色已改为{1}</source>
        <translation>{0} is now {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="478"/>
        <source>已停用 {0}</source>
        <translation>{0} disabled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="478"/>
        <source>已启用 {0}</source>
        <translation>{0} enabled</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="483"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="64"/>
        <source>登记处理结果</source>
        <translation>Record the answer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="70"/>
        <source>异议成立(&amp;U)（平台记录已更正或撤销）</source>
        <translation>&amp;Upheld (the platform corrected or revoked the record)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="71"/>
        <source>异议不成立(&amp;D)（记录维持）</source>
        <translation>&amp;Dismissed (the record stands)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="78"/>
        <source>信用办答复的文号或要点，如：榕信异〔2026〕17号，处罚决定有效</source>
        <translation>The credit office&apos;s reference or gist, e.g. 榕信异〔2026〕17号, penalty stands</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="82"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="83"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="90"/>
        <source>说明(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1359"/>
        <source>负责人现场审批</source>
        <translation>Supervisor&apos;s approval on the spot</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1373"/>
        <source>审批意见（可选）</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1379"/>
        <source>负责人账户：</source>
        <translation>Supervisor account:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1380"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1381"/>
        <source>意见：</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1383"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1384"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1430"/>
        <source>账户或密码不正确</source>
        <translation>Wrong account or password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1416"/>
        <source>{0} 不是科室负责人，不能审批结论调整</source>
        <translation>{0} is not a supervisor and cannot approve the change</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1419"/>
        <source>结论调整须由另一人审批：经办人不能审批自己的调整</source>
        <translation>Another person must approve: an officer cannot approve their own change</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1409"/>
        <source>正在核对负责人账户……</source>
        <translation>Checking the supervisor&apos;s account…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1431"/>
        <source>无法核对负责人账户：{0}</source>
        <translation>Could not check the supervisor&apos;s account: {0}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="99"/>
        <source>按日期(&amp;D)</source>
        <translation>By &amp;date</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="109"/>
        <location filename="../../creditdesk/ui/audit_page.py" line="341"/>
        <source>全部账户</source>
        <translation>All accounts</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="111"/>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="114"/>
        <source>查询(&amp;Q)</source>
        <translation>&amp;Query</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="120"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="123"/>
        <location filename="../../creditdesk/ui/audit_page.py" line="131"/>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="125"/>
        <location filename="../../creditdesk/ui/audit_page.py" line="131"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="131"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="131"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="131"/>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="131"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="151"/>
        <source>校验完整性(&amp;V)</source>
        <translation>&amp;Verify integrity</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="152"/>
        <source>逐条核对哈希链，发现被修改、删除或插入的记录</source>
        <translation>Check the hash chain entry by entry: finds changed, deleted or inserted entries</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="153"/>
        <source>导出 CSV(&amp;E)…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="154"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="160"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="161"/>
        <source>停止正在进行的校验或导出</source>
        <translation>Stop the verification or export under way</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="176"/>
        <source>审计日志</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="245"/>
        <source>把符合所选日期、账户和操作条件的审计日志（含哈希）导出为 CSV；导出本身也记入审计日志</source>
        <translation>Export the entries matching the dates, account and action (with hashes) as CSV; the export is audited too</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="247"/>
        <source>导出审计日志需要以科室负责人或系统管理员账户登录</source>
        <translation>Exporting the audit trail needs a supervisor or administrator</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="249"/>
        <source>{0}无权导出审计日志：需要科室负责人或系统管理员</source>
        <translation>{0} may not export the audit trail: supervisor or administrator needed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="280"/>
        <source>读取审计日志失败：{0}</source>
        <translation>Could not read the audit trail: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="315"/>
        <source>请先登录：审计日志只向登录的账户显示</source>
        <translation>Sign in first: the audit trail is shown to signed-in accounts only</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="317"/>
        <source>没有符合条件的审计记录</source>
        <translation>No audit entries match</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="319"/>
        <source>尚无审计记录：查询、核查、导出、登录和设置修改都会记在这里</source>
        <translation>No audit entries yet: lookups, reviews, exports, sign-ins and settings changes are recorded here</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="321"/>
        <source>审计日志共 {0:,} 条</source>
        <translation>{0:,} audit entries</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="323"/>
        <source>显示符合条件的最近 {0} 条（用日期、账户或操作缩小范围）</source>
        <translation>Showing the latest {0} matches (narrow by date, account or action)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="325"/>
        <source>显示 {0} 条</source>
        <translation>Showing {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="327"/>
        <source>经办人只能查看本人的记录</source>
        <translation>Officers see their own entries only</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="329"/>
        <source>本机尚未建立账户，记录均未署名</source>
        <translation>No accounts on this machine yet: entries are unattributed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="330"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="358"/>
        <source>正在校验……</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="378"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="395"/>
        <source>完整：{0:,} 条记录的哈希链全部相符</source>
        <translation>Intact: the hash chain of {0:,} entries matches</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="398"/>
        <source>审计日志被篡改：{0}（首个异常：第 {1} 条）</source>
        <translation>Audit trail tampered with: {0} (first bad entry: {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="417"/>
        <source>校验未完成：{0}</source>
        <translation>Verification not finished: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="423"/>
        <source>审计日志-{0}.csv</source>
        <translation>audit-trail-{0}.csv</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="424"/>
        <source>导出审计日志</source>
        <translation>Export audit trail</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="424"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="445"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="453"/>
        <source>已导出 {0:,} 条到 {1}</source>
        <translation>Exported {0:,} entries to {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="461"/>
        <source>审计导出已取消，未写入文件</source>
        <translation>Audit export cancelled, no file written</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/audit_page.py" line="463"/>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="72"/>
        <source>批量核查</source>
        <translation>Batch check</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="82"/>
        <source>导入名单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="83"/>
        <source>开始核查</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="84"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="87"/>
        <source>支持 txt（每行一个代码）、CSV、XLSX（代码列）</source>
        <translation>txt (one code a line), CSV or XLSX (a code column)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="90"/>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="95"/>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="95"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="95"/>
        <source>结论</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="95"/>
        <source>有效记录</source>
        <translation>In force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="95"/>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="95"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="103"/>
        <source>事项：</source>
        <translation>Matter:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="122"/>
        <source>导入投标人名单</source>
        <translation>Import the bidder list</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="123"/>
        <source>名单 (*.txt *.csv *.xlsx *.xlsm)</source>
        <translation>Lists (*.txt *.csv *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="128"/>
        <source>正在读取 {0}……</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="132"/>
        <source>{0}：{1} 个代码</source>
        <translation>{0}: {1} codes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="136"/>
        <source>无法读取名单：{0}</source>
        <translation>Cannot read the list: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="148"/>
        <source>正在核查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="160"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="163"/>
        <source>批量核查失败：{0}</source>
        <translation>Batch check failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="190"/>
        <source>已核查 {0} / {1}：</source>
        <translation>Checked {0} / {1}:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="194"/>
        <source>&#x3000;出错 {0}</source>
        <translation>  errors {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/batch_dialog.py" line="196"/>
        <source>&#x3000;（已取消）</source>
        <translation>  (cancelled)</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="87"/>
        <source>输入统一社会信用代码、身份证号码或名称（可用拼音首字母），回车查询</source>
        <translation>Credit code, ID number or name (pinyin initials work), Enter to search</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="145"/>
        <source>批量核查…</source>
        <translation>Batch check…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="147"/>
        <source>导入投标人名单，逐一核查（Ctrl+B）</source>
        <translation>Import a bidder list and check each (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="149"/>
        <source>核验核查码…</source>
        <translation>Verify code…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="151"/>
        <source>输入信用核查码，核对核查单（Ctrl+K）</source>
        <translation>Enter a verification code to check a slip (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="155"/>
        <source>提出异议…</source>
        <translation>Objection…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="157"/>
        <source>申请人对所示信用档案中的记录有异议：登记并上报（Ctrl+E）</source>
        <translation>The applicant disputes a record shown: file and report it (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="319"/>
        <source>正在查找……</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="342"/>
        <source>查询失败：{0}</source>
        <translation>Lookup failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="363"/>
        <source>找到 {0} 个主体</source>
        <translation>{0} subjects found</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="365"/>
        <source>找到 {0} 个主体：↑↓ 选择，回车打开</source>
        <translation>{0} subjects found: ↑↓ to choose, Enter to open</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="370"/>
        <source>平台数据中没有该代码对应的主体</source>
        <translation>No subject with this code in the platform data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="373"/>
        <source>没有找到匹配的主体</source>
        <translation>No matching subject</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="392"/>
        <source>⚠ 不良 {0}</source>
        <translation>⚠ adverse {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="394"/>
        <source>★ 守信 {0}</source>
        <translation>★ positive {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="396"/>
        <source>已注销/吊销</source>
        <translation>Deregistered/revoked</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="398"/>
        <source>曾用名：{0}</source>
        <translation>Formerly: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="400"/>
        <source>拼音匹配</source>
        <translation>pinyin match</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="465"/>
        <source>（平台无此主体）</source>
        <translation>(not on the platform)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="468"/>
        <source>未找到该主体</source>
        <translation>Subject not found</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="469"/>
        <source>平台数据中没有代码 {0} 的主体。数据截至 {1}。该主体按无信用记录处理，请核对代码是否正确。</source>
        <translation>The platform data has no subject with code {0} (data as of {1}). It is treated as having no credit record; please check the code.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="487"/>
        <source>请选择申请人</source>
        <translation>Choose the applicant</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="488"/>
        <source>找到 {0} 个名称相近的主体。用 ↑ ↓ 选中申请人后按回车（或单击），再核对代码。</source>
        <translation>{0} subjects with similar names. Select the applicant with ↑ ↓ and Enter (or a click), then check the code.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="493"/>
        <source>信用核查台</source>
        <translation>Credit check desk</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="494"/>
        <source>逢办必查：办理业务前，先查询申请人的公共信用记录。</source>
        <translation>Check before every matter: look up the applicant&apos;s public credit record first.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="495"/>
        <source>输入 18 位统一社会信用代码或居民身份证号码，校验通过即自动查询</source>
        <translation>Type an 18-character credit code or ID number: it is searched as soon as it is valid</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="496"/>
        <source>输入名称或曾用名的任意 2 个字以上，或拼音首字母（如 fzsx）</source>
        <translation>Or 2+ characters of a name or former name, or pinyin initials (e.g. fzsx)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="497"/>
        <source>↑ ↓ 选择结果，右侧显示信用档案；Esc 清空</source>
        <translation>↑ ↓ choose a result, its profile shows on the right; Esc clears</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="498"/>
        <source>Ctrl+L 随时回到查询框</source>
        <translation>Ctrl+L returns to the query box from anywhere</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/counter_page.py" line="525"/>
        <source>请先查询并选中申请人，再对其信用记录提出异议</source>
        <translation>Look up and select the applicant first, then file an objection</translation>
    </message>
</context>
<context>
    <name>CreditDesk</name>
    <message>
        <location filename="../../creditdesk/ui/main.py" line="60"/>
        <source>信用核查窗口助手</source>
        <translation>CreditDesk</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main.py" line="123"/>
        <source>无法打开数据目录：{0}</source>
        <translation>Cannot open the data folder: {0}</translation>
    </message>
</context>
<context>
    <name>CreditReviewResultDialog</name>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="327"/>
        <source>记录信用审查结果</source>
        <translation>Record the credit review result</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="329"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&#x3000;事项：{1}&lt;br&gt;申请于 {2}，应于 {3} 前反馈</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&#x3000;Matter: {1}&lt;br&gt;Requested on {2}, answer due by {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="343"/>
        <source>未发现不良信息(&amp;C)</source>
        <translation>&amp;Clean: no adverse information</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="345"/>
        <source>报告载有不良信息(&amp;V)</source>
        <translation>Ad&amp;verse information reported</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="347"/>
        <source>报告未说明(&amp;U)</source>
        <translation>&amp;Unstated</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="358"/>
        <source>审查结论摘要（可不填）</source>
        <translation>Summary of the review (optional)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="360"/>
        <source>收到日期(&amp;D)：</source>
        <translation>Received on (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="361"/>
        <source>审查报告编号(&amp;N)：</source>
        <translation>Report &amp;no.:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="362"/>
        <source>审查结论：</source>
        <translation>Finding:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="363"/>
        <source>摘要(&amp;S)：</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="365"/>
        <source>记录结果</source>
        <translation>Record result</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="366"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DonutChart</name>
    <message>
        <location filename="../../creditdesk/ui/charts.py" line="207"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/charts.py" line="208"/>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="421"/>
        <source>信用审查</source>
        <translation>Credit review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="638"/>
        <source>主体</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="638"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="638"/>
        <source>申请时间</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="638"/>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="638"/>
        <source>反馈期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="639"/>
        <source>剩余工作日</source>
        <translation>Working days left</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="639"/>
        <source>审查机构</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="640"/>
        <source>信用中心应在 5 个工作日内反馈（按国务院节假日安排，调休上班日计入）；逾期标红</source>
        <translation>The credit centre answers within 5 working days (State Council holiday calendar, make-up workdays count); overdue in red</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="642"/>
        <source>记录审查结果(&amp;V)…</source>
        <translation>Record result (&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="663"/>
        <source>（估）</source>
        <translation> (est.)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="667"/>
        <source>逾期 {0} 个工作日</source>
        <translation>{0} working days overdue</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="669"/>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="670"/>
        <source>{0} 个工作日</source>
        <translation>{0} working days</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="675"/>
        <source>信用审查 ({0})</source>
        <translation>Credit review ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="676"/>
        <source> · 已逾期 ({0})</source>
        <translation> · overdue ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="689"/>
        <source>没有待信用中心反馈的信用审查申请</source>
        <translation>No credit review waiting for the credit centre</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="730"/>
        <source>（晚于期限）</source>
        <translation> (late)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="731"/>
        <source>已记录 {0} 的审查报告{1}，有效期至 {2}</source>
        <translation>Recorded the review report of {0}{1}, valid until {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/followup_page.py" line="738"/>
        <source>未能记录审查结果：{0}</source>
        <translation>Could not record the result: {0}</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="340"/>
        <source>连续输错密码次数过多，账户已锁定至 {0}，可先切换为其他账户</source>
        <translation>Too many wrong passwords: the account is locked until {0}; switch to another account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="342"/>
        <source>账户已停用，请切换账户</source>
        <translation>The account is disabled; switch account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="344"/>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="349"/>
        <source>无法核对密码：{0}</source>
        <translation>Cannot check the password: {0}</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="180"/>
        <source>全部结论</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="184"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="184"/>
        <source>仅离线</source>
        <translation>Offline only</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="184"/>
        <source>仅在线</source>
        <translation>Online only</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="186"/>
        <source>今天(&amp;T)</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="187"/>
        <source>刷新 F5</source>
        <translation>Refresh F5</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="190"/>
        <source>从(&amp;F)</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="192"/>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="194"/>
        <source>经办人(&amp;O)</source>
        <translation>&amp;Officer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="196"/>
        <source>事项(&amp;M)</source>
        <translation>&amp;Matter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="198"/>
        <source>结论(&amp;R)</source>
        <translation>&amp;Result</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="200"/>
        <source>离线(&amp;N)</source>
        <translation>Offli&amp;ne</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="243"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="244"/>
        <source>导出 Excel（Ctrl+E）</source>
        <translation>Export Excel (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="245"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="247"/>
        <source>取消导出</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="252"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="266"/>
        <source>每日核查台账</source>
        <translation>Daily review ledger</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="372"/>
        <location filename="../../creditdesk/ui/ledger_page.py" line="426"/>
        <source>全部经办人</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="389"/>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="393"/>
        <source>读取台账失败：{0}</source>
        <translation>Could not read the ledger: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="408"/>
        <source>这段日期没有核查记录</source>
        <translation>No reviews in these dates</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="411"/>
        <source>最近一次核查在 {0}（{1}）：&lt;a href=&apos;{2}&apos;&gt;查看当天台账&lt;/a&gt;</source>
        <translation>The latest review was on {0} ({1}): &lt;a href=&apos;{2}&apos;&gt;show that day&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="415"/>
        <source>没有符合筛选条件的核查记录（按 Ctrl+F 修改筛选）</source>
        <translation>No reviews match the filters (Ctrl+F to change them)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="424"/>
        <source>全部事项</source>
        <translation>All matters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="453"/>
        <location filename="../../creditdesk/ui/ledger_page.py" line="459"/>
        <source>全部核查记录</source>
        <translation>All reviews</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="455"/>
        <source>仅显示本人（{0}）的核查记录</source>
        <translation>Only your own ({0}) reviews</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="457"/>
        <source>{0}的全部核查记录</source>
        <translation>All reviews of {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="464"/>
        <source>导出含个人信息的台账需要{0}或{1}权限</source>
        <translation>Exporting a ledger with personal data needs {0} or {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="468"/>
        <source>共 &lt;b&gt;{0}&lt;/b&gt; 条</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; in all</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="472"/>
        <source>离线 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>offline &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="473"/>
        <source>偏离系统结论 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>departing &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="474"/>
        <source>签署承诺 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>commitments &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="476"/>
        <source>更正 &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>corrected &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="494"/>
        <source>核查记录 {0}</source>
        <translation>Review {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="498"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="506"/>
        <source>核查台账-{0}.{1}</source>
        <translation>review-ledger-{0}.{1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="514"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="514"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="515"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="516"/>
        <source>导出台账（{0}）</source>
        <translation>Export ledger ({0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="543"/>
        <source>正在导出 {0}……</source>
        <translation>Exporting {0}…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="556"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="567"/>
        <source>已导出 {0} 条核查记录到 {1}</source>
        <translation>Exported {0} reviews to {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="574"/>
        <source>导出已取消，未写入文件</source>
        <translation>Export cancelled, no file written</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/ledger_page.py" line="576"/>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="96"/>
        <source>输入密码，回车解锁</source>
        <translation>Password, Enter to unlock</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="104"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="112"/>
        <source>切换账户</source>
        <translation>Switch account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="133"/>
        <source>登录…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="164"/>
        <source>已锁定 — {0}</source>
        <translation>Locked — {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="165"/>
        <source>为保护申请人信息，窗口已锁定。请输入密码解锁，或切换账户。</source>
        <translation>The window is locked to protect applicants&apos; data. Enter the password to unlock, or switch account.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="175"/>
        <source>已退出登录</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="176"/>
        <source>请登录后继续办理。</source>
        <translation>Sign in to go on.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="191"/>
        <source>正在核对密码……</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/idle_lock.py" line="208"/>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="64"/>
        <source>登录 — 信用核查窗口助手</source>
        <translation>Sign in — CreditDesk</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="66"/>
        <source>信用核查窗口助手</source>
        <translation>CreditDesk</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="74"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="78"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="94"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="102"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="109"/>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="110"/>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="159"/>
        <source>请输入用户名</source>
        <translation>Enter a user name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="162"/>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="167"/>
        <source>正在登录……</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="182"/>
        <source>登录失败：{0}</source>
        <translation>Sign-in failed: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="63"/>
        <source>信用核查窗口助手 CreditDesk {0} — {1} {2}</source>
        <translation>CreditDesk {0} — {1} {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="84"/>
        <source>核查台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="86"/>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="88"/>
        <source>异议</source>
        <translation>Objections</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="90"/>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="92"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="94"/>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="96"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="98"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="143"/>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="145"/>
        <source>停止生成</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="146"/>
        <source>停止生成演示数据；已写入的部分保留</source>
        <translation>Stop generating demo data; what was written stays</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="160"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="162"/>
        <source>锁定窗口（Ctrl+Alt+L）</source>
        <translation>Lock the window (Ctrl+Alt+L)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="165"/>
        <location filename="../../creditdesk/ui/main_window.py" line="197"/>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="187"/>
        <source>锁定窗口</source>
        <translation>Lock window</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="220"/>
        <source>未登录（无账户）</source>
        <translation>Not signed in (no accounts)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="220"/>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="224"/>
        <source>登录账户：{0}</source>
        <translation>Signed in: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="272"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="381"/>
        <source>● 未连接平台</source>
        <translation>● No platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="385"/>
        <source>● 离线/出错：{0}</source>
        <translation>● Offline/error: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="387"/>
        <source>● 在线</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="391"/>
        <source>待上报 {0}</source>
        <translation>To report {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="397"/>
        <source>本地尚无信用数据：请在“同步”页同步或导入离线数据包</source>
        <translation>No credit data yet: sync or import an offline bundle on the Sync page</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="403"/>
        <source>数据截至 {0}</source>
        <translation>Data as of {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="404"/>
        <source>平台数据序号 {0}</source>
        <translation>platform seq {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="407"/>
        <source>&#x3000;⚠ 数据已超过 {0} 小时未更新</source>
        <translation>  ⚠ not updated for over {0} h</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="411"/>
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="441"/>
        <source>正在生成演示城市数据……</source>
        <translation>Generating the demo city…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="452"/>
        <source>演示数据生成已取消：{0}</source>
        <translation>Demo data cancelled: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="455"/>
        <source>演示数据生成失败：{0}</source>
        <translation>Demo data failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="466"/>
        <source>正在停止生成演示数据……</source>
        <translation>Stopping the demo data…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/main_window.py" line="476"/>
        <source>正在停止后台任务……</source>
        <translation>Stopping background work…</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="73"/>
        <source>提出异议 — {0}</source>
        <translation>Objection — {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="101"/>
        <source>写明记录哪一点有误、依据是什么（如：处罚已履行完毕并经复议撤销，附复议决定书）</source>
        <translation>What in the record is wrong and on what grounds (e.g. penalty revoked on reconsideration, decision attached)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="107"/>
        <source>申请人或其代理人</source>
        <translation>Applicant or agent</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="110"/>
        <source>手机号，或带区号的固定电话，如 0591-87654321</source>
        <translation>Mobile, or landline with area code, e.g. 0591-87654321</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="113"/>
        <source>信用记录(&amp;R)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="115"/>
        <source>异议理由(&amp;G)</source>
        <translation>&amp;Grounds</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="117"/>
        <source>联系人(&amp;N)</source>
        <translation>Contact &amp;name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="118"/>
        <source>联系电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="125"/>
        <source>登记异议</source>
        <translation>File objection</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="126"/>
        <source>登记并排队上报平台（Ctrl+Enter）</source>
        <translation>File it and queue it for the platform (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="127"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="131"/>
        <source>异议登记后随下次同步报送市公共信用信息平台，处理结果在“异议”页跟踪。请勿在理由中填写完整身份证号。</source>
        <translation>A filed objection goes to the city credit platform with the next sync; follow it on the Objections page. Do not write full ID numbers in the grounds.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="177"/>
        <source>该主体在本地数据中没有信用记录，无法提出异议。</source>
        <translation>This subject has no credit record here: nothing to object to.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="182"/>
        <source>（公示中）</source>
        <translation> (published)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="182"/>
        <source>（不在公示期内）</source>
        <translation> (outside its publication period)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="183"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="183"/>
        <source>长期</source>
        <translation>Indefinite</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="185"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="185"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="186"/>
        <source>文号</source>
        <translation>Doc. no.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="186"/>
        <source>认定机关</source>
        <translation>Authority</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="187"/>
        <source>决定日期</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="187"/>
        <source>公示期</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="187"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="188"/>
        <source>记录编号</source>
        <translation>Record id</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="206"/>
        <source>已输入 {0} 字（至少 {1} 字）</source>
        <translation>{0} characters (at least {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="213"/>
        <source>可以登记</source>
        <translation>Ready to file</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="222"/>
        <source>正在登记……</source>
        <translation>Filing…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objection_dialog.py" line="239"/>
        <source>未登记：</source>
        <translation>Not filed:</translation>
    </message>
</context>
<context>
    <name>ObjectionsPage</name>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="123"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="126"/>
        <source>状态(&amp;S)</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="128"/>
        <source>刷新状态</source>
        <translation>Refresh status</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="129"/>
        <source>按上报结果和平台数据更新异议状态（F5）</source>
        <translation>Update the statuses from the reports and platform data (F5)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="130"/>
        <source>登记处理结果…</source>
        <translation>Record answer…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="172"/>
        <source>异议处理</source>
        <translation>Objections</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="213"/>
        <source>读取异议失败：{0}</source>
        <translation>Could not read objections: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="224"/>
        <source>全部经办人</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="224"/>
        <source>本人登记的</source>
        <translation>own</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="226"/>
        <source>{0}异议共 {1} 件{2}</source>
        <translation>{0} objections: {1}{2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="227"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="227"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="229"/>
        <source>已更新 {0} 件异议的状态</source>
        <translation>{0} objection statuses updated</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="265"/>
        <source>没有状态为“{0}”的异议。</source>
        <translation>No objections with status “{0}”.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="267"/>
        <source>暂无异议。
申请人对信用记录有异议时，在核查台查看其信用档案，点击“提出异议…”（Ctrl+E）登记，异议将随同步报送平台。</source>
        <translation>No objections yet.
When an applicant disputes a record, open their profile at the desk and click “Objection…” (Ctrl+E); it is reported to the platform with the next sync.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="283"/>
        <source>信用记录</source>
        <translation>Credit record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="284"/>
        <source>异议理由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="285"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="286"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="286"/>
        <source>&#x3000;核查记录 {0}</source>
        <translation>  Review {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="302"/>
        <source>登记处理结果需要科室负责人或系统管理员权限</source>
        <translation>Recording an answer needs a supervisor or administrator</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="316"/>
        <source>该异议已登记处理结果</source>
        <translation>This objection already has an answer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="316"/>
        <source>登记信用办的答复（Ctrl+R）</source>
        <translation>Record the credit office&apos;s answer (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="339"/>
        <source>已登记：{0}</source>
        <translation>Recorded: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="343"/>
        <source>无权操作：</source>
        <translation>Not permitted:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/objections_page.py" line="343"/>
        <source>未登记：</source>
        <translation>Not filed:</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="239"/>
        <source>重置密码 — {0}</source>
        <translation>Reset password — {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="240"/>
        <source>至少 {0} 位</source>
        <translation>at least {0} characters</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="242"/>
        <source>再输入一次</source>
        <translation>once more</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="246"/>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="247"/>
        <source>新密码(&amp;P)</source>
        <translation>New &amp;password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="248"/>
        <source>确认新密码</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="249"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="251"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/accounts_widget.py" line="258"/>
        <source>重置后该账户的登录锁定一并解除。</source>
        <translation>Resetting also lifts the account&apos;s sign-in lock.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../creditdesk/ui/placeholder_page.py" line="15"/>
        <source>本页功能尚未开放，将在后续版本提供。</source>
        <translation>This page is not available yet; it comes in a later version.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="180"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="230"/>
        <source>请选择办理事项（Alt+M：两位序号，或名称/拼音首字母后回车）</source>
        <translation>Choose the matter (Alt+M: two-digit number, or name/pinyin initials and Enter)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="239"/>
        <source>办理事项(&amp;M)：</source>
        <translation>&amp;Matter:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="243"/>
        <source>① 申请主体与办理事项</source>
        <translation>① Applicant and matter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="249"/>
        <source>② 信用记录核查</source>
        <translation>② Credit records</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="276"/>
        <source>③ 信用报告</source>
        <translation>③ Credit report</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="281"/>
        <source>或输入报告编号，回车核验</source>
        <translation>or a report number, Enter to check</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="283"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="1166"/>
        <source>申请人未提供信用报告</source>
        <translation>No credit report presented</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="288"/>
        <source>平台公示的报告：</source>
        <translation>Published reports:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="290"/>
        <source>报告编号：</source>
        <translation>Report no.:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="298"/>
        <source>④ 信用承诺</source>
        <translation>④ Credit commitment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="308"/>
        <source>签署人姓名</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="311"/>
        <source>签署人：</source>
        <translation>Signer:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="322"/>
        <source>纸质签署（申请人在打印的承诺书上手写签名）</source>
        <translation>Signed on paper (on the printed commitment)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="330"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="1018"/>
        <source>委托人（法定代表人）姓名</source>
        <translation>Principal (legal representative)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="333"/>
        <source>授权委托书（编号或出具日期）</source>
        <translation>Power of attorney (number or date)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="334"/>
        <source>受托于：</source>
        <translation>On behalf of:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="336"/>
        <source>依据：</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="350"/>
        <source>⑤ 核查结论</source>
        <translation>⑤ Outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="358"/>
        <source>— 请采用或选择结论 —</source>
        <translation>— adopt or choose the outcome —</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="362"/>
        <source>采用系统结论(&amp;Y)</source>
        <translation>Adopt computed outcome (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="367"/>
        <source>— 调整理由类别（必选）—</source>
        <translation>— reason category (required) —</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="373"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="1160"/>
        <source>结论与系统计算结果不同时，须写明理由（将记录在案）</source>
        <translation>A reason is required when departing from the computed outcome (it is recorded)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="378"/>
        <source>负责人现场审批(&amp;P)…</source>
        <translation>Su&amp;pervisor approves…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="389"/>
        <source>采用结论(&amp;J)：</source>
        <translation>Out&amp;come:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="433"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="1224"/>
        <source>完成核查并保存</source>
        <translation>Finish and save</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="435"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="513"/>
        <source>策略档案无法加载：{0}</source>
        <translation>Policy profile cannot be loaded: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="574"/>
        <source>回车确认所选事项</source>
        <translation>Enter confirms the matter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="599"/>
        <source>序号 {0}…（两位序号，如 01）</source>
        <translation>No. {0}… (two digits, e.g. 01)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="605"/>
        <source>没有序号 {0} 的事项</source>
        <translation>No matter numbered {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="608"/>
        <source>“{0}”：没有匹配的事项</source>
        <translation>“{0}”: no matching matter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="612"/>
        <source>“{0}” → {1}，回车确认</source>
        <translation>“{0}” → {1}, Enter to confirm</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="615"/>
        <source>“{0}” 匹配 {1} 项：{2}；继续输入或 ↑↓ 后回车</source>
        <translation>“{0}” matches {1}: {2}; type on or ↑↓ and Enter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="701"/>
        <source>— 选择申请人提交的报告 —</source>
        <translation>— choose the applicant&apos;s report —</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="701"/>
        <source>（平台上没有该主体的公示报告）</source>
        <translation>(no published report for this subject)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="704"/>
        <source>{0} · {1} · 等级 {2} · 有效期至 {3}</source>
        <translation>{0} · {1} · grade {2} · valid until {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="727"/>
        <source>已选：{0}</source>
        <translation>Chosen: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="826"/>
        <source>系统计算结论：{0}
拟采用结论：{1}
理由类别：{2}
理由：{3}</source>
        <translation>Computed outcome: {0}
Proposed outcome: {1}
Reason category: {2}
Reason: {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1001"/>
        <source>核查失败：{0}</source>
        <translation>Check failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1018"/>
        <source>{0}（平台登记的法定代表人）</source>
        <translation>{0} (legal representative on the platform)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1023"/>
        <source>已阅：{0} 条有效不良记录，现行档案未规定措施（须在核查单上注明）</source>
        <translation>Seen: {0} adverse records in force, no measure in the profile (noted on the slip)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1039"/>
        <source>没有有效的信用记录</source>
        <translation>No credit record in force</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1042"/>
        <source>有效记录 {0} 条：</source>
        <translation>{0} records in force:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1048"/>
        <source>长期</source>
        <translation>Indefinite</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1054"/>
        <source>公示至 {0}</source>
        <translation>published until {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1061"/>
        <source>另有 {0} 条记录不计入（{1}）</source>
        <translation>{0} more not counted ({1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1063"/>
        <source>应采取的措施：</source>
        <translation>Measures to take:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1069"/>
        <source>依据 {0} 第{1}条：“{2}”</source>
        <translation>Under {0}, art. {1}: “{2}”</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1074"/>
        <source>{0}（第 {1} 版）对该事项没有触发惩戒或激励措施。</source>
        <translation>{0} (version {1}) prescribes no measure for this matter.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1143"/>
        <source>选定申请人并确认办理事项后自动核查。</source>
        <translation>Checked once the applicant and the matter are confirmed.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1320"/>
        <source>。可凭核查码核验（Ctrl+K）。按 Esc 开始下一位申请人。</source>
        <translation>. Verify with the code (Ctrl+K). Esc for the next applicant.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1083"/>
        <source>本地数据已超过 {0} 小时未更新，核查单将注明。</source>
        <translation>Local data is over {0} h old; the slip will say so.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1088"/>
        <source>未提供信用报告</source>
        <translation>No credit report</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1092"/>
        <source>报告 {0} 可用，但信用等级 {1} 为不良等级</source>
        <translation>Report {0} accepted, but grade {1} is adverse</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1095"/>
        <source>报告 {0} 可用，信用等级 {1}</source>
        <translation>Report {0} accepted, grade {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1102"/>
        <source>报告 {0} 不符合要求：</source>
        <translation>Report {0} not acceptable:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1123"/>
        <source>（策略档案没有该事项的承诺书模板：请使用纸质承诺书）</source>
        <translation>(no commitment template for this matter: use a paper form)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1131"/>
        <source>先在左侧查询并选中申请人。</source>
        <translation>First look up and select the applicant on the left.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1135"/>
        <source>平台无此主体，按无信用记录核查</source>
        <translation>Not on the platform: checked as having no record</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1143"/>
        <source>正在核查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1148"/>
        <source>系统计算结论：{0}</source>
        <translation>Computed outcome: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1157"/>
        <source>结论比系统计算结果宽松：写明理由（至少 {0} 个字，将记录在案并报送）</source>
        <translation>Milder than computed: give a reason (at least {0} characters; recorded and reported)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1164"/>
        <source>信用报告不符合要求，按规定处理</source>
        <translation>Credit report not acceptable: handle as prescribed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1172"/>
        <source>该事项还须由信用中心进行信用审查</source>
        <translation>This matter also needs the credit centre&apos;s review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1176"/>
        <source>完成以上步骤后显示结论</source>
        <translation>The outcome shows once the steps are done</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1195"/>
        <source>{0} 已于 {1:%H:%M} 现场批准</source>
        <translation>{0} approved at {1:%H:%M}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1201"/>
        <source>须科室负责人审批：负责人可在本窗口登录现场批准；否则保存为「待复核」，批准前核查单以系统结论 {0} 为准。</source>
        <translation>Needs a supervisor: approve here by signing in, or save as “to review”; until approved the slip states the computed outcome {0}.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1212"/>
        <location filename="../../creditdesk/ui/review_panel.py" line="1319"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1224"/>
        <source>保存为待复核</source>
        <translation>Save as to review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1226"/>
        <source>尚未完成：{0}</source>
        <translation>Not done yet: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1229"/>
        <source>未经负责人审批：保存后为「待复核」，出现在负责人的跟进页（Ctrl+Enter）</source>
        <translation>Not approved: saved as “to review”, listed on the supervisor&apos;s follow-up page (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1232"/>
        <source>各步骤已完成，可以保存（Ctrl+Enter）</source>
        <translation>All steps done: save with Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1283"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1294"/>
        <source>保存失败：{0}</source>
        <translation>Save failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1307"/>
        <source>结论：待复核（拟 {0}；负责人批准前以系统结论 {1} 为准）</source>
        <translation>Outcome: to review (proposed {0}; computed {1} stands until approved)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1310"/>
        <source>结论：{0}（系统计算 {1}，{2} 批准）</source>
        <translation>Outcome: {0} (computed {1}, approved by {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1314"/>
        <source>结论：{0}</source>
        <translation>Outcome: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1319"/>
        <source>信用核查码：</source>
        <translation>Verification code:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1323"/>
        <source>已保存，信用核查码 {0}</source>
        <translation>Saved, verification code {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="266"/>
        <source>申请信用审查(&amp;Q)…</source>
        <translation>Re&amp;quest credit review…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="855"/>
        <source>正在向{0}申请信用审查……</source>
        <translation>Requesting a credit review from {0}…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="858"/>
        <source>✔ 已于 {0} 申请信用审查：{1}应于 {2} 前反馈（{3} 个工作日）；保存的核查记录注明此申请</source>
        <translation>✔ Credit review requested on {0}: {1} is due to answer by {2} ({3} working days); the saved review names this request</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="863"/>
        <source>⚑ {0}任选其一：可向{1}申请信用审查（{2}），{3} 个工作日内反馈</source>
        <translation>⚑ One of {0} is enough: a credit review can be requested from {1} ({2}), answered within {3} working days</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="864"/>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="868"/>
        <source>⚑ 该事项须由{0}进行信用审查（{1}），{2} 个工作日内反馈</source>
        <translation>⚑ This matter needs a credit review by {0} ({1}), answered within {2} working days</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="879"/>
        <source>信用报告</source>
        <translation>credit report</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="879"/>
        <source>信用承诺</source>
        <translation>credit commitment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="879"/>
        <source>信用审查</source>
        <translation>credit review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="891"/>
        <source>申请信用审查</source>
        <translation>Request a credit review</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="892"/>
        <source>向{0}申请对“{1}”的信用审查（事项：{2}）？

申请经平台报送；{0}应在 {3} 个工作日内、即 {4} 前反馈审查结果，收到后在跟进页记录。</source>
        <translation>Request a credit review of “{1}” from {0} (matter: {2})?

The request is sent through the platform; {0} is due to answer within {3} working days, by {4}. Record the result on Follow-up when it arrives.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="897"/>
        <source>申请(&amp;Y)</source>
        <translation>&amp;Request</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="898"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="949"/>
        <source>信用审查申请失败：{0}</source>
        <translation>The credit review request failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_panel.py" line="1170"/>
        <source>信用审查已申请，信用中心应于 {0} 前反馈</source>
        <translation>Credit review requested: the credit centre is due to answer by {0}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="80"/>
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="84"/>
        <location filename="../../creditdesk/ui/settings_page.py" line="90"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="85"/>
        <source>不自动同步</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="91"/>
        <source>从不自动锁定</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="106"/>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="119"/>
        <source>单位与窗口</source>
        <translation>Unit and window</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="121"/>
        <source>单位名称（打印在核查单上）</source>
        <translation>Unit name (printed on slips)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="122"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="123"/>
        <source>数据超过此时长未更新时提醒</source>
        <translation>Warn when data is older than</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="124"/>
        <source>自动同步间隔</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="125"/>
        <source>无操作自动锁屏</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="126"/>
        <source>界面语言（下次启动时生效）</source>
        <translation>Language (at next start)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="131"/>
        <source>政策配置</source>
        <translation>Policy profile</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="136"/>
        <location filename="../../creditdesk/ui/settings_page.py" line="288"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="139"/>
        <source>市信用平台提供的数据交换地址</source>
        <translation>The exchange address the city credit platform gives</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="143"/>
        <source>留空则沿用系统凭据库中已保存的令牌</source>
        <translation>Empty: keep the token in the credential store</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="144"/>
        <source>连接平台并保存令牌</source>
        <translation>Connect and save token</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="147"/>
        <source>市公共信用信息平台</source>
        <translation>City credit platform</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="149"/>
        <source>平台地址</source>
        <translation>Platform URL</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="150"/>
        <source>工作站编号</source>
        <translation>Workstation id</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="309"/>
        <source>备份文件包含数据库（运行中也可备份）和设置，不含平台访问令牌。备份只能恢复到新的或空的数据目录，方法见使用说明。</source>
        <translation>A backup holds the database (taken while the app runs) and the settings, never the platform token. It restores into a new or empty home only; see the manual.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="151"/>
        <source>访问令牌</source>
        <translation>Access token</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="172"/>
        <source>常规设置</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="173"/>
        <source>数据与备份</source>
        <translation>Data and backup</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="174"/>
        <source>账户管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="177"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="230"/>
        <source>只有系统管理员可以修改设置。当前登录：{0}，以下设置仅供查看。</source>
        <translation>Only an administrator changes settings. Signed in: {0}; the settings are shown read-only.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="268"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="270"/>
        <source>没有修改</source>
        <translation>Nothing changed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="283"/>
        <source>数据位置</source>
        <translation>Where the data is</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="287"/>
        <source>主目录</source>
        <translation>Home folder</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="290"/>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="291"/>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="301"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="307"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="313"/>
        <source>此数据目录使用 PostgreSQL 数据库：请由数据库管理员用 pg_dump 备份（pg_restore 恢复）。</source>
        <translation>This home uses PostgreSQL: the database administrator backs it up with pg_dump (restores with pg_restore).</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="314"/>
        <source>备份数据……</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="347"/>
        <source>备份数据</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="348"/>
        <source>CreditDesk 备份 (*{0})</source>
        <translation>CreditDesk backups (*{0})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="360"/>
        <source>已备份到 {0}（{1:,} 字节）</source>
        <translation>Backed up to {0} ({1:,} bytes)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="364"/>
        <source>备份失败：{0}</source>
        <translation>Backup failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="368"/>
        <source>正在备份……</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="378"/>
        <source>设置已保存，但审计记录写入失败：{0}</source>
        <translation>Settings saved, but the audit entry failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="415"/>
        <source>已连接：{0}（{1}），epoch {2}</source>
        <translation>Connected: {0} ({1}), epoch {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="424"/>
        <source>连接失败：{0}</source>
        <translation>Connection failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="428"/>
        <source>正在连接……</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="97"/>
        <source>本单位是信用审查试点单位(&amp;X)</source>
        <translation>This unit is a credit review pilot (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="101"/>
        <source>昆政办发〔2017〕41号第十三条：信用审查由“28个部门和单位试行”；非试点单位取消勾选，办理时不再要求信用审查。</source>
        <translation>Kunshan 昆政办发〔2017〕41号 Art. 13: “piloted by 28 departments and units”; untick outside the pilots and no credit review is asked.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/settings_page.py" line="127"/>
        <source>信用审查</source>
        <translation>Credit review</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="234"/>
        <source>正在准备演示账户……</source>
        <translation>Preparing the demo accounts…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="238"/>
        <source>演示账户创建失败：{0}</source>
        <translation>Demo accounts failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/login_dialog.py" line="262"/>
        <source>无法读取账户：{0}</source>
        <translation>Cannot read the accounts: {0}</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <location filename="../../creditdesk/ui/signature_pad.py" line="138"/>
        <source>请在此处手写签名</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../creditdesk/ui/signature_pad.py" line="185"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/signature_pad.py" line="205"/>
        <source>已签名</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/signature_pad.py" line="205"/>
        <source>可用鼠标、手写笔或触摸屏签名</source>
        <translation>Sign with mouse, pen or touch</translation>
    </message>
</context>
<context>
    <name>SlipBar</name>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="249"/>
        <source>纸张：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="255"/>
        <location filename="../../creditdesk/ui/tour.py" line="490"/>
        <source>信用核查单</source>
        <translation>Credit check slip</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="255"/>
        <location filename="../../creditdesk/ui/tour.py" line="492"/>
        <source>信用承诺书</source>
        <translation>Credit commitment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="262"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="262"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="262"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="272"/>
        <source>打印信用核查单（Ctrl+P）</source>
        <translation>Print the slip (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="273"/>
        <source>另存为 PDF（Ctrl+S）</source>
        <translation>Save as PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="274"/>
        <source>预览信用核查单（Ctrl+Shift+P）</source>
        <translation>Preview the slip (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="299"/>
        <source>生成失败：{0}</source>
        <translation>Could not make it: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="301"/>
        <source>正在生成……</source>
        <translation>Making…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="342"/>
        <source>保存失败：{0}</source>
        <translation>Save failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="345"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="354"/>
        <source>打印失败：{0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="359"/>
        <source>已发送到打印机 {0}</source>
        <translation>Sent to printer {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/review_adapter.py" line="202"/>
        <source>本次核查没有信用承诺书</source>
        <translation>This review has no credit commitment</translation>
    </message>
</context>
<context>
    <name>SlipPreview</name>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="136"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="137"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="138"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StackedBarChart</name>
    <message>
        <location filename="../../creditdesk/ui/charts.py" line="77"/>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="124"/>
        <source>按报送期间(&amp;D)</source>
        <translation>By reporting perio&amp;d</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="125"/>
        <source>选择下一次报送所对应的期间</source>
        <translation>Choose the period of the next report</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="126"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="128"/>
        <source>期间(&amp;Q)：</source>
        <translation>Period(&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="128"/>
        <source>年份(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="168"/>
        <source>按经办人</source>
        <translation>By officer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="171"/>
        <source>经办人</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="171"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="171"/>
        <source>改变结论</source>
        <translation>Departed</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="172"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="172"/>
        <source>其中从宽</source>
        <translation>of which milder</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="180"/>
        <source>导出 PDF(&amp;P)</source>
        <translation>Export &amp;PDF</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="181"/>
        <source>导出 Excel(&amp;E)</source>
        <translation>&amp;Export Excel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="188"/>
        <source>取消导出</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="214"/>
        <source>使用情况统计</source>
        <translation>Usage statistics</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="282"/>
        <source>报送期限：{0}</source>
        <translation>Reporting deadline: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="286"/>
        <source>下次报送：&lt;b&gt;{0}&lt;/b&gt;&#x3000;{1}{2}，报{3}</source>
        <translation>Next report: &lt;b&gt;{0}&lt;/b&gt;  {1}{2}, to {3}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="290"/>
        <source>其后：</source>
        <translation>Then:</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="320"/>
        <source>正在统计{0}……</source>
        <translation>Counting {0}…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="324"/>
        <source>统计失败：{0}</source>
        <translation>Statistics failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="332"/>
        <source>单位：{0}</source>
        <translation>Unit: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="333"/>
        <source>改变结论 {0} · 更正 {1}</source>
        <translation>departed {0} · corrected {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="338"/>
        <source>离线 {0} · 过期数据 {1}</source>
        <translation>offline {0} · stale data {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="339"/>
        <source>纸质 {0} · 履约中 {1}</source>
        <translation>paper {0} · in force {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="340"/>
        <location filename="../../creditdesk/ui/stats_page.py" line="341"/>
        <source>期内标记</source>
        <translation>Marked in period</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="342"/>
        <source>待提交 {0} · 已提交 {1}</source>
        <translation>due {0} · submitted {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="344"/>
        <source>不予采信 {0}</source>
        <translation>rejected {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="348"/>
        <source>按事项和结论</source>
        <translation>By matter and outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="351"/>
        <source>结论构成</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="354"/>
        <source>核查趋势（按日）</source>
        <translation>Reviews by day</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="355"/>
        <source>核查趋势（按周，标注每周首日）</source>
        <translation>Reviews by week (first day shown)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="368"/>
        <source>{0}（{1} 至 {2}）</source>
        <translation>{0} ({1} to {2})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="372"/>
        <source>{0}没有完成的核查记录。可以换一个期间，或仍然导出一份零报告。</source>
        <translation>{0} has no finished reviews. Choose another period, or export a nil report anyway.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="383"/>
        <source>信用核查使用情况报送-{0}.{1}</source>
        <translation>credit-check-usage-{0}.{1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="384"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="384"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="385"/>
        <source>导出使用情况报送</source>
        <translation>Export usage report</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="409"/>
        <source>正在生成 {0}……</source>
        <translation>Making {0}…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="419"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="431"/>
        <source>已导出{0}：{1}</source>
        <translation>Exported {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="437"/>
        <source>导出已取消，未写入文件</source>
        <translation>Export cancelled, no file written</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/stats_page.py" line="439"/>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="70"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="71"/>
        <source>完整重新同步</source>
        <translation>Full resync</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="72"/>
        <source>导入离线数据包…</source>
        <translation>Import bundle…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="73"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="86"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="86"/>
        <source>实体</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="86"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="86"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="86"/>
        <source>数据序号</source>
        <translation>Data seq</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="87"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="87"/>
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="87"/>
        <source>生成时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="87"/>
        <source>平台给出的原因</source>
        <translation>Platform&apos;s reason</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="88"/>
        <source>被拒收的变更（平台数据无法应用）</source>
        <translation>Refused changes (platform data that could not be applied)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="90"/>
        <source>被平台拒绝的上报事项（需人工处理）</source>
        <translation>Reports the platform rejected (need attention)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="94"/>
        <source>数据同步</source>
        <translation>Data sync</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="122"/>
        <source>平台：{0}</source>
        <translation>Platform: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="122"/>
        <source>未连接（在“设置”页连接平台，或导入离线数据包）</source>
        <translation>Not connected (connect in Settings, or import an offline bundle)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="123"/>
        <source>上次成功同步：{0}</source>
        <translation>Last successful sync: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="124"/>
        <source>待上报 {0} 项 · 已送达 {1} 项 · 被拒 {2} 项</source>
        <translation>to report {0} · delivered {1} · rejected {2}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="127"/>
        <source>上次错误：{0}</source>
        <translation>Last error: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="160"/>
        <source>正在取消……已写入的数据保留，下次从中断处继续</source>
        <translation>Cancelling… what was written stays; the next sync goes on from there</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="171"/>
        <source>正在同步……</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="178"/>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="184"/>
        <source>同步完成：应用 {0} 条变更，拒收 {1} 条，送达上报 {2} 项</source>
        <translation>Sync done: {0} changes applied, {1} refused, {2} reports delivered</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="186"/>
        <location filename="../../creditdesk/ui/sync_page.py" line="224"/>
        <source>（见“跟进”页）</source>
        <translation>(see Follow-up)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="195"/>
        <source>同步未完成：{0}</source>
        <translation>Sync not finished: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="202"/>
        <source>选择离线数据包</source>
        <translation>Choose an offline bundle</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="202"/>
        <source>离线数据包 (*.cdpkg)</source>
        <translation>Offline bundles (*.cdpkg)</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="215"/>
        <source>正在校验并导入离线数据包……</source>
        <translation>Verifying and importing the bundle…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="223"/>
        <source>离线数据包已导入：{0}</source>
        <translation>Bundle imported: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/sync_page.py" line="233"/>
        <source>离线数据包未导入，本地数据未作任何改动：{0}</source>
        <translation>Bundle not imported, local data unchanged: {0}</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="24"/>
        <source>核验信用核查码</source>
        <translation>Verify a code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="28"/>
        <source>输入核查单上的信用核查码，如 XXXX-XXXX-XX，回车核验</source>
        <translation>The slip&apos;s verification code, e.g. XXXX-XXXX-XX, Enter to verify</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="32"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="57"/>
        <source>正在核验……</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="60"/>
        <source>核验失败：{0}</source>
        <translation>Verification failed: {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="72"/>
        <source>没有与该核查码相符的核查记录</source>
        <translation>No review matches this code</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="73"/>
        <source>请核对核查码是否抄写正确；核查单可能不是本单位出具的。</source>
        <translation>Check the code was copied right; the slip may not be from this unit.</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="78"/>
        <source>核查码有效：与本单位的核查记录相符</source>
        <translation>Valid: matches a review of this unit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="81"/>
        <source>记录内容与核查码不符：该记录可能被改动过</source>
        <translation>The review does not match its code: it may have been altered</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="84"/>
        <source>该核查已被更正，新的核查码为 {0}</source>
        <translation>This review was corrected; the new code is {0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="87"/>
        <source>申请主体</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="88"/>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="89"/>
        <source>结论</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="90"/>
        <source>（系统计算：{0}；理由：{1}）</source>
        <translation>(computed: {0}; reason: {1})</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="92"/>
        <source>核查时间</source>
        <translation>Reviewed at</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="93"/>
        <source>核查单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="94"/>
        <source>信用承诺</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/verify_dialog.py" line="94"/>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="216"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="217"/>
        <source>已保存为 PDF：
{0}</source>
        <translation>Saved as PDF:
{0}</translation>
    </message>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="218"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="184"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../creditdesk/ui/slip_view.py" line="180"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
</context>
</TS>
