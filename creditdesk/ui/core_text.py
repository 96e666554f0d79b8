"""Messages the Qt-free core writes in Chinese with values in them, in the window's language.

The core says ``校验码错误：第18位应为“7”，输入为“0”`` (identifiers.py), ``正在输入代码：已输入 10 位，
共 18 位`` (queryhint.py), ``2026年第四季度`` (rows/usage.py) and keeps no Qt. The window passes such a
text through :func:`core_message`: each template below is one of the core's message shapes, written as
the core writes it with ``{0}``, ``{1}`` … for the values; a text that matches it is shown as
``tr(template)`` filled with the values, each value translated too when it is a word of the vocabulary
or of SENTENCES (a reason, a label; a name or a number stays as it is). A text no template matches is looked up whole (a fixed sentence) or shown as it is.
In Chinese every template translates to itself: the text comes back unchanged.

A whole text that is one of SENTENCES (or a word of the vocabulary) is looked up first; then the templates,
the most specific first; a value that is itself a message of the core (the reason inside 无法连接平台（…）)
is rendered through its own template. Pages show an exception with :func:`error_text`.

A new message shape in the core is added here as one more ``QT_TRANSLATE_NOOP`` line (and translated
in the .ts): tests/test_core_messages_templated.py scans the core modules it covers (no Qt) and fails on a
message without one; the English tour test finds the ones that reach a screen untranslated.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEMPLATES = (
    # identifiers.py: why a code cannot be accepted
    QT_TRANSLATE_NOOP("", "第{0}位字符“{1}”不合法：{2}"),
    QT_TRANSLATE_NOOP("", "校验码错误：第18位应为“{0}”，输入为“{1}”"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码应为18位，实际为{0}位"),
    QT_TRANSLATE_NOOP("", "居民身份证号码应为18位，实际为{0}位"),
    QT_TRANSLATE_NOOP("", "应输入18位统一社会信用代码或18位居民身份证号码，实际为{0}位"),
    QT_TRANSLATE_NOOP("", "地址码前两位“{0}”不是有效的省级行政区划代码"),
    QT_TRANSLATE_NOOP("", "出生日期“{0}”不是有效日期"),
    QT_TRANSLATE_NOOP("", "出生日期“{0}”早于1900年1月1日"),
    QT_TRANSLATE_NOOP("", "出生日期“{0}”晚于今天"),
    QT_TRANSLATE_NOOP("", "登记管理部门码应为{0}之一"),
    QT_TRANSLATE_NOOP("", "登记管理部门码“{0}”（{1}）的机构类别码应为{2}之一"),
    # queryhint.py: what the query box says while the officer types
    QT_TRANSLATE_NOOP("", "正在输入代码：已输入 {0} 位，共 18 位"),
    # services/review_workflow.py: a step still open
    QT_TRANSLATE_NOOP("", "有 {0} 条有效不良记录无措施规定：请确认已阅"),
    QT_TRANSLATE_NOOP("", "结论比系统计算结果宽松：请写明理由（至少 10 个字，现 {0} 个）"),
    # rows/usage.py: reporting periods and deadlines
    QT_TRANSLATE_NOOP("", "{0}年第一季度"),
    QT_TRANSLATE_NOOP("", "{0}年第二季度"),
    QT_TRANSLATE_NOOP("", "{0}年第三季度"),
    QT_TRANSLATE_NOOP("", "{0}年第四季度"),
    QT_TRANSLATE_NOOP("", "{0}年{1}月{2}日前"),
    # protocol.py, via wording.py: a refused change
    QT_TRANSLATE_NOOP("", "缺少必填字段 {0}"),
    # rows/ledger.py: the ledger's approval and version columns
    QT_TRANSLATE_NOOP("", "{0} 批准"),
    QT_TRANSLATE_NOOP("", "{0} 驳回"),
    QT_TRANSLATE_NOOP("", "更正 v{0}"),
    # wording.py: where the data is
    QT_TRANSLATE_NOOP("", "本机数据库文件 {0}"),
    # services/ledger.py and rows/ledger.py: the ledger's filter, its errors and its headings
    QT_TRANSLATE_NOOP("", "结束日期 {0} 早于开始日期 {1}"),
    QT_TRANSLATE_NOOP("", "结论应为 {0} 之一，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "{0} 至 {1}"),
    QT_TRANSLATE_NOOP("", "（待复核：拟{0}）"),
    QT_TRANSLATE_NOOP("", "经办人：{0}"),
    QT_TRANSLATE_NOOP("", "事项：{0}"),
    QT_TRANSLATE_NOOP("", "结论：{0}"),
    QT_TRANSLATE_NOOP("", "不支持的导出格式 {0}（可用：{1}）"),
    QT_TRANSLATE_NOOP("", "不支持的导出格式 {0}"),
    QT_TRANSLATE_NOOP("", "每日核查台账 — {0} — {1}"),
    QT_TRANSLATE_NOOP("", "生成于 {0} · {1}"),
    # rows/usage.py: reporting periods, their errors and the usage report
    QT_TRANSLATE_NOOP("", "月份应为 1–12，实际为 {0}：{1}"),
    QT_TRANSLATE_NOOP("", "季度应为 Q1–Q4，实际为 Q{0}：{1}"),
    QT_TRANSLATE_NOOP("", "半年应为 H1（上半年）或 H2（下半年），实际为 H{0}：{1}"),
    QT_TRANSLATE_NOOP("", "期间类型应为 month/quarter/half，实际为 {0}"),
    QT_TRANSLATE_NOOP("", "无法识别的期间“{0}”：{1}"),
    QT_TRANSLATE_NOOP("", "年份超出范围：{0}"),
    QT_TRANSLATE_NOOP("", "{0}年{1}月"),
    QT_TRANSLATE_NOOP("", "{0}年第{1}季度"),
    QT_TRANSLATE_NOOP("", "{0}年{1}半年"),
    QT_TRANSLATE_NOOP("", "信用核查使用情况报送 — {0} — {1}"),
    QT_TRANSLATE_NOOP("", "{0}（纸质 {1}）"),
    QT_TRANSLATE_NOOP("", "下次报送：{0}，{1}{2}报{3}。{4}"),
    # platform/bundle/apply.py: a part found wrong while it is applied (each part is hashed once, as it is read)
    QT_TRANSLATE_NOOP("", "分卷 {0} 有 {1} 行，清单记载 {2} 条；写入的变更已全部撤销"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 的 SHA-256 与清单不符：内容被篡改或损坏，写入的变更已全部撤销"),
    # The core's glue around data: 王（经办人） (roles.Actor.label), 科室负责人、系统管理员 and 同步，工作站 … (lists); tried last.
    QT_TRANSLATE_NOOP("", "{0}（{1}）"),
    QT_TRANSLATE_NOOP("", "{0}、{1}"),
    QT_TRANSLATE_NOOP("", "{0}，{1}"),
    # The errors, progress and summaries of the modules tests/test_core_messages_templated.py scans:
    # services/accounts.py
    QT_TRANSLATE_NOOP("", "密码至少 {0} 位"),
    QT_TRANSLATE_NOOP("", "角色须为 {0}（{1}）"),
    QT_TRANSLATE_NOOP("", "用户名 {0} 已存在"),
    QT_TRANSLATE_NOOP("", "连续输错密码次数过多，账户已锁定，请 {0} 分钟后再试"),
    QT_TRANSLATE_NOOP("", "{0}；连续输错 {1} 次，账户已锁定 {2} 分钟"),
    QT_TRANSLATE_NOOP("", "没有账户 {0}"),
    QT_TRANSLATE_NOOP("", "账户 {0} 不存在或已停用"),
    # roles.py
    QT_TRANSLATE_NOOP("", "需要登录后才能{0}（使用 --user 或在窗口登录）"),
    QT_TRANSLATE_NOOP("", "{0}无权{1}，需要 {2}"),
    # services/batchfile.py
    QT_TRANSLATE_NOOP("", "名单 {0} 超过 {1} 行，未处理任何一行：请分成多个文件"),
    QT_TRANSLATE_NOOP("", "名单 {0} {1}超过 {2} 个字符，不是代码或名称，未处理任何一行：请检查文件内容"),
    QT_TRANSLATE_NOOP("", "名单 {0} 以 UTF-16 标记开头，但第 {1} 个字节起无法按 UTF-16 解码"),
    QT_TRANSLATE_NOOP("", "名单 {0} 不是 UTF-8 编码：第 {1} 行（第 {2} 个字节）起无法解码，{3}。请另存为“CSV UTF-8（逗号分隔）”或 XLSX 后重试"),
    QT_TRANSLATE_NOOP("", "名单 {0} 含有空字符（NUL），不是文本文件：请使用文本、CSV 或 XLSX 文件"),
    QT_TRANSLATE_NOOP("", "无法读取名单 {0}：{1}"),
    QT_TRANSLATE_NOOP("", "名单 {0} 有 {1} 字节，超过上限 {2} 字节，未处理任何一行"),
    QT_TRANSLATE_NOOP("", "名单 {0} 超过上限 {1} 字节，未处理任何一行"),
    QT_TRANSLATE_NOOP("", "名单 {0} 是 ZIP/XLSX 文件，但扩展名不是 .xlsx：请改名为 .xlsx 后重试"),
    QT_TRANSLATE_NOOP("", "名单 {0} 是旧版 Excel（.xls）文件，不支持：请在 Excel 中另存为 .xlsx 或 CSV UTF-8"),
    QT_TRANSLATE_NOOP("", "第 {0} 行"),
    QT_TRANSLATE_NOOP("", "{0}第 {1} 行不是 UTF-8 编码，已停止：此前各行已输出结果。请以 UTF-8 编码输入"),
    QT_TRANSLATE_NOOP("", "{0}第 {1} 行含有空字符（NUL），已停止：此前各行已输出结果"),
    QT_TRANSLATE_NOOP("", "{0}超过 {1} 行，已停止：此前各行已输出结果"),
    QT_TRANSLATE_NOOP("", "名单 {0} 不是有效的 CSV：{1}"),
    QT_TRANSLATE_NOOP("", "代码列第 {0} 个值"),
    QT_TRANSLATE_NOOP("", "名单 {0} 不是有效的 XLSX 文件（无法作为 ZIP 打开）：请在 Excel 中重新保存"),
    QT_TRANSLATE_NOOP("", "名单 {0} 含有 {1} 个部件，不是正常的 XLSX 文件，未处理任何一行"),
    QT_TRANSLATE_NOOP("", "名单 {0} 解压后有 {1} 字节，超过上限 {2} 字节（约 {3} 行的名单远小于此），未处理任何一行：请只保留代码列，或分成多个文件"),
    QT_TRANSLATE_NOOP("", "名单 {0} 无法作为 XLSX 读取（{1}）：请在 Excel 中重新保存"),
    QT_TRANSLATE_NOOP("", "名单 {0} 没有工作表"),
    QT_TRANSLATE_NOOP("", "名单 {0} 已损坏（{1}）：请在 Excel 中重新保存"),
    QT_TRANSLATE_NOOP("", "不支持旧版 Excel（.xls）文件 {0}：请另存为 .xlsx 或 CSV UTF-8"),
    # services/backup.py
    QT_TRANSLATE_NOOP("", "此数据目录使用 PostgreSQL 数据库，请用 PostgreSQL 自带的工具备份：pg_dump --format=custom --file=creditdesk.dump \"$CREDITDESK_DATABASE_URL\"（恢复用 pg_restore）；设置文件 {0} 请另行复制。"),
    QT_TRANSLATE_NOOP("", "备份副本未通过完整性检查（{0}），未写出备份文件"),
    QT_TRANSLATE_NOOP("", "找不到数据库文件 {0}"),
    QT_TRANSLATE_NOOP("", "目标文件夹 {0} 不存在"),
    QT_TRANSLATE_NOOP("", "{0} 不是信用核查窗口助手的备份文件（{1}）"),
    QT_TRANSLATE_NOOP("", "{0} 不是完整的备份文件：缺少 {1}"),
    QT_TRANSLATE_NOOP("", "{0} 的 manifest.json 过大"),
    QT_TRANSLATE_NOOP("", "{0} 的 manifest.json 无法读取：{1}"),
    QT_TRANSLATE_NOOP("", "{0} 不是信用核查窗口助手的备份文件"),
    QT_TRANSLATE_NOOP("", "备份文件格式版本 {0} 不受本程序支持（支持 {1}），请用生成它的版本恢复"),
    QT_TRANSLATE_NOOP("", "{0} 中的文件大小超出限制"),
    QT_TRANSLATE_NOOP("", "找不到备份文件 {0}"),
    QT_TRANSLATE_NOOP("", "数据目录 {0} 已有数据或设置：恢复只写入新的或空的数据目录，请用 --home 指定一个新文件夹（现有数据不会被覆盖）"),
    QT_TRANSLATE_NOOP("", "无法恢复：{0}"),
    QT_TRANSLATE_NOOP("", "备份中的数据库未通过完整性检查（{0}），未恢复"),
    QT_TRANSLATE_NOOP("", "备份中的设置文件无法读取：{0}"),
    # identifiers.py
    QT_TRANSLATE_NOOP("", "{0}；如为旧营业执照注册号，请改用18位统一社会信用代码"),
    # platform/client.py
    QT_TRANSLATE_NOOP("", "平台服务是否在运行、地址和端口是否正确（{0}）、防火墙是否放行"),
    QT_TRANSLATE_NOOP("", "无法解析主机名 {0}"),
    QT_TRANSLATE_NOOP("", "连接失败：{0}"),
    QT_TRANSLATE_NOOP("", "平台地址（{0}）、网络连接与防火墙"),
    QT_TRANSLATE_NOOP("", "无法连接平台（{0}）。请检查：{1}。本机数据照常可用"),
    QT_TRANSLATE_NOOP("", "平台地址无效：{0}"),
    QT_TRANSLATE_NOOP("", "平台 meta 缺少字段 {0}"),
    QT_TRANSLATE_NOOP("", "平台连续 {0} 页声称还有更多变更（has_more），同步位置却停在 {1} 未推进：本次同步已停止，已写入的数据保留；请联系平台管理员"),
    QT_TRANSLATE_NOOP("", "一次最多提交 {0} 项"),
    QT_TRANSLATE_NOOP("", "平台响应过慢：一次请求 {0} 秒内未完成（{1} {2}），本次同步已停止，下次从中断处继续"),
    QT_TRANSLATE_NOOP("", "与平台的连接中断（{0}）"),
    QT_TRANSLATE_NOOP("", "平台地址返回了重定向（HTTP {0}{1}），客户端不跟随重定向：请管理员核对平台地址（creditdesk platform connect）"),
    QT_TRANSLATE_NOOP("", "平台出错（HTTP {0}{1}），请稍后再试或联系平台管理员"),
    QT_TRANSLATE_NOOP("", "{0}：{1} 秒后重试（第 {2}/{3} 次）"),
    QT_TRANSLATE_NOOP("", "平台暂时无法访问：{0}"),
    QT_TRANSLATE_NOOP("", "平台声明的响应长度 {0} 字节"),
    QT_TRANSLATE_NOOP("", "平台使用了未请求的压缩方式：{0}"),
    QT_TRANSLATE_NOOP("", "已收到 {0} 字节仍未结束"),
    QT_TRANSLATE_NOOP("", "解压后超过 {0} 字节"),
    QT_TRANSLATE_NOOP("", "平台的响应过大（{0}；上限：传输 {1} 字节，解压后 {2} 字节），本次同步已停止；请联系平台管理员"),
    QT_TRANSLATE_NOOP("", "平台拒绝了访问令牌（令牌缺失、错误或已吊销），请管理员重新录入令牌{0}"),
    QT_TRANSLATE_NOOP("", "平台不允许本工作站执行此操作{0}"),
    QT_TRANSLATE_NOOP("", "平台没有这个地址或实体{0}"),
    QT_TRANSLATE_NOOP("", "本地同步位置已早于平台保留的范围，需要完整重新同步{0}"),
    QT_TRANSLATE_NOOP("", "请求过大{0}"),
    QT_TRANSLATE_NOOP("", "平台认为请求无效（HTTP {0}）{1}"),
    QT_TRANSLATE_NOOP("", "变更缺少整数 seq：{0}"),
    QT_TRANSLATE_NOOP("", "变更页的 seq 未严格递增（{0} 之后为 {1}）"),
    QT_TRANSLATE_NOOP("", "变更页的 next={0} 与最后一条变更的 seq={1} 不一致"),
    QT_TRANSLATE_NOOP("", "未知的提交结果状态：{0}"),
    # platform/credentials.py
    QT_TRANSLATE_NOOP("", "系统凭据库不可用（{0}）；无人值守运行时可设置环境变量 {1}"),
    QT_TRANSLATE_NOOP("", "本机没有可用的系统凭据库，平台令牌无处安全保存；未作任何更改。无人值守或无凭据库的电脑请设置环境变量 {0}=令牌 后再运行。"),
    QT_TRANSLATE_NOOP("", "无法写入系统凭据库（{0}）；可改用环境变量 {1}"),
    # platform/keys.py
    QT_TRANSLATE_NOOP("", "公钥应以 “b64:” 开头，后接标准 base64 编码，实际为 {0}…"),
    QT_TRANSLATE_NOOP("", "Ed25519 公钥应为 32 字节，实际为 {0} 字节"),
    QT_TRANSLATE_NOOP("", "{0}不能为空"),
    QT_TRANSLATE_NOOP("", "{0} {1} 无效：应为 1–{2} 个字符，首尾不能有空白，不能含控制字符"),
    QT_TRANSLATE_NOOP("", "不支持的签名算法 {0}（只支持 ed25519）"),
    QT_TRANSLATE_NOOP("", "平台 {0} 公布的签名密钥 {1} 无效，已忽略：{2}"),
    QT_TRANSLATE_NOOP("", "平台 {0} 的签名密钥 {1}（指纹 {2}）仍待管理员确认，确认前不信任：creditdesk platform trust --platform-id {3} --key-id {4} --public-key {5} --confirm"),
    QT_TRANSLATE_NOOP("", "平台 {0} 又公布了已停用的签名密钥 {1}（指纹 {2}），不予信任"),
    QT_TRANSLATE_NOOP("", "首次连接平台 {0}：已固定签名密钥 {1}（指纹 {2}）"),
    QT_TRANSLATE_NOOP("", "警告：平台 {0} 的签名密钥 {1} 已变更！已信任的指纹 {2}，平台现在公布的指纹 {3}。新密钥在管理员核实并确认前不被信任，用它签名的离线数据包将被拒绝。核实后确认：{4}"),
    QT_TRANSLATE_NOOP("", "警告：平台 {0} 公布了新的签名密钥 {1}（指纹 {2}）。在管理员核实并确认前不被信任。核实后确认：{3}"),
    QT_TRANSLATE_NOOP("", "平台 {0} 的签名密钥 {1}（指纹 {2}）已受信任，无需变更"),
    QT_TRANSLATE_NOOP("", "平台 {0} 的签名密钥 {1} 已信任另一个公钥（指纹 {2}）。替换为指纹 {3} 的新公钥前，请与市信用办核实指纹，然后加 --confirm（confirm=True）确认；旧公钥将停用"),
    QT_TRANSLATE_NOOP("", "管理员已将平台 {0} 的签名密钥 {1} 替换为指纹 {2} 的公钥；旧公钥（指纹 {3}）已停用"),
    QT_TRANSLATE_NOOP("", "管理员已信任平台 {0} 的签名密钥 {1}（指纹 {2}）"),
    # platform/sync.py
    QT_TRANSLATE_NOOP("", "平台数据只到序号 {0}，本机已到 {1}（同一数据版本 {2}）：平台可能从较早的备份恢复"),
    QT_TRANSLATE_NOOP("", "平台时间 {0} 早于本机数据的截至时间 {1}"),
    QT_TRANSLATE_NOOP("", "平台提供的数据比本机的旧，未同步（防止回滚）：{0}。请核实平台；确需回到旧数据时，由管理员以 --allow-older 强制执行（记入审计）"),
    # platform/usecases.py
    QT_TRANSLATE_NOOP("", "{0}完成：应用 {1} 条变更，拒收 {2} 条，清除 {3} 条，位置 seq {4}（{5}），用时 {6} 秒"),
    QT_TRANSLATE_NOOP("", "上报：送达 {0}，被拒 {1}，待送 {2}{3}"),
    QT_TRANSLATE_NOOP("", "已按管理员要求同步较旧的数据：{0}"),
    QT_TRANSLATE_NOOP("", "已按管理员要求导入较旧的数据：{0}"),
    QT_TRANSLATE_NOOP("", "正在同步：已到序号 {0}（平台最新 {1}）"),
    # services/followup.py
    QT_TRANSLATE_NOOP("", "新增监管提醒 {0} 条"),
    QT_TRANSLATE_NOOP("", "复核 {0} 条离线/过期数据核查，其中 {1} 条结论变化"),
    QT_TRANSLATE_NOOP("", "state 应为 {0} 之一"),
    QT_TRANSLATE_NOOP("", "没有编号为 {0} 的信用承诺"),
    QT_TRANSLATE_NOOP("", "编号 {0} 对应多个单位的承诺（{1}），请使用承诺 id"),
    QT_TRANSLATE_NOOP("", "标记只能是 {0}（已履约/违约），实际为 {1}"),
    QT_TRANSLATE_NOOP("", "（{0} 于 {1}）"),
    QT_TRANSLATE_NOOP("", "承诺 {0} 已标记为{1}{2}，不能再标记为{3}"),
    QT_TRANSLATE_NOOP("", "承诺 {0} 刚被其他窗口标记，请刷新后再看"),
    QT_TRANSLATE_NOOP("", "承诺 {0} 没有第 {1} 项补交材料"),
    QT_TRANSLATE_NOOP("", "承诺 {0} 已标记为{1}"),
    QT_TRANSLATE_NOOP("", "“{0}”已于 {1} 登记补交"),
    QT_TRANSLATE_NOOP("", "没有编号为 {0} 的监管提醒"),
    QT_TRANSLATE_NOOP("", "该提醒已由 {0} 于 {1} 确认"),
    QT_TRANSLATE_NOOP("", "{0}（{1}）在信用承诺 {2} 履行期间新增{3}记录：{4}{5}，请核实是否违背承诺"),
    # platform/bundle/apply.py
    QT_TRANSLATE_NOOP("", "增量数据包（序号 {0} 之后）"),
    QT_TRANSLATE_NOOP("", "{0} {1} 中没有新变更：本机数据已到序号 {2}（数据包到 {3}），未作任何改动"),
    QT_TRANSLATE_NOOP("", "已导入{0} {1}（平台 {2}，数据版本 {3}，截至 {4}）：写入 {5} 条、删除 {6} 条，拒收 {7} 条，跳过本机已有 {8} 条{9}；数据位置 seq {10} → {11}"),
    QT_TRANSLATE_NOOP("", "，清除全量数据包中没有的 {0} 条"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 第 {1} 行超过 {2}"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 在校验之后发生了变化（SHA-256 不符），已全部撤销"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 在校验之后发生了变化（行数不符），已全部撤销"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 第 {1} 行"),
    QT_TRANSLATE_NOOP("", "{0}超过 {1}"),
    QT_TRANSLATE_NOOP("", "{0}不是有效的 JSON"),
    QT_TRANSLATE_NOOP("", "{0}不是 JSON 对象"),
    QT_TRANSLATE_NOOP("", "{0}的 seq 应为整数，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "{0}的 seq {1} 没有严格递增（前一条为 {2}）"),
    QT_TRANSLATE_NOOP("", "{0}的 seq {1} 超出清单的 next {2}"),
    # platform/bundle/archive.py
    QT_TRANSLATE_NOOP("", "条目名称 {0} 含控制字符"),
    QT_TRANSLATE_NOOP("", "条目名称 {0} 含反斜杠"),
    QT_TRANSLATE_NOOP("", "条目 {0} 是绝对路径"),
    QT_TRANSLATE_NOOP("", "条目 {0} 试图跳出目录（路径穿越）"),
    QT_TRANSLATE_NOOP("", "条目 {0} 是符号链接"),
    QT_TRANSLATE_NOOP("", "找不到数据包文件，或它不是一个文件：{0}"),
    QT_TRANSLATE_NOOP("", "压缩包有 {0} 个条目，超过上限 {1}"),
    QT_TRANSLATE_NOOP("", "压缩包目录有 {0}，超过上限 {1}"),
    QT_TRANSLATE_NOOP("", "不是有效的 ZIP 压缩包，或已损坏（{0}）"),
    QT_TRANSLATE_NOOP("", "压缩包含不安全的条目：{0}"),
    QT_TRANSLATE_NOOP("", "压缩包含重名条目 {0}"),
    QT_TRANSLATE_NOOP("", "条目 {0} 已加密，无法校验"),
    QT_TRANSLATE_NOOP("", "条目 {0} 的压缩方式（{1}）不受支持：只接受不压缩或 deflate"),
    QT_TRANSLATE_NOOP("", "条目 {0} 与另一个条目共用同一段数据"),
    QT_TRANSLATE_NOOP("", "条目 {0} 解压后 {1}，超过单个分卷上限 {2}"),
    QT_TRANSLATE_NOOP("", "条目 {0} 压缩比异常（{1} 解压为 {2}，超过 {3} 倍），疑似压缩炸弹"),
    QT_TRANSLATE_NOOP("", "压缩包解压后超过总大小上限 {0}"),
    QT_TRANSLATE_NOOP("", "条目 {0} 已损坏，无法读取（{1}）"),
    QT_TRANSLATE_NOOP("", "本地文件头的名称 {0} 与目录记载的不一致"),
    QT_TRANSLATE_NOOP("", "条目 {0} 解压后超过上限 {1}"),
    QT_TRANSLATE_NOOP("", "不支持的压缩方式 {0}"),
    QT_TRANSLATE_NOOP("", "压缩数据不完整：解压得到 {0} 字节，压缩包记载为 {1} 字节"),
    # platform/bundle/common.py
    QT_TRANSLATE_NOOP("", "离线数据包未导入（{0}检查未通过，{1}）：{2}"),
    QT_TRANSLATE_NOOP("", "{0} 字节"),
    # platform/bundle/verify.py
    QT_TRANSLATE_NOOP("", "重复的字段 {0}"),
    QT_TRANSLATE_NOOP("", "不允许的数值 {0}"),
    QT_TRANSLATE_NOOP("", "manifest.json 不是有效的 JSON（{0}）"),
    QT_TRANSLATE_NOOP("", "manifest.json 缺少字段 {0}"),
    QT_TRANSLATE_NOOP("", "manifest.json 的 {0} 应为不超过 {1} 个字符的非空字符串，实际为 {2}"),
    QT_TRANSLATE_NOOP("", "manifest.json 的 {0} 应为非负整数，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "数据包制作于 {0}（平台 {1}，数据版本 {2}），早于本机数据的截至时间 {3}（数据版本 {4}）：导入会让本机数据回到更早的状态"),
    QT_TRANSLATE_NOOP("", "{0}。确需导入时，由管理员加 --allow-older 强制导入（记入审计）"),
    QT_TRANSLATE_NOOP("", "这是从序号 {0} 之后开始的增量数据包，而本机还没有任何平台数据：请先导入全量数据包（after = 0）"),
    QT_TRANSLATE_NOOP("", "增量数据包属于平台 {0} 的数据版本 {1}，本机数据属于 {2} 的数据版本 {3}：两者的序号互不相干。请导入新的全量数据包（after = 0）"),
    QT_TRANSLATE_NOOP("", "数据包从序号 {0} 之后开始，本机只到 {1}：缺少序号 {2}–{3} 的变更。请先导入更早的数据包，或联网同步，或导入全量数据包"),
    QT_TRANSLATE_NOOP("", "manifest.json 超过 {0}"),
    QT_TRANSLATE_NOOP("", "manifest.sig 应为 {0} 字节的 Ed25519 签名，实际为 {1} 字节"),
    QT_TRANSLATE_NOOP("", "本机没有平台 {0} 的任何受信任签名密钥。联网连接过该平台的安装会自动固定密钥；从未联网的安装请由管理员向市信用办核实后执行：creditdesk platform trust --platform-id {1} --key-id {2} --public-key b64:…"),
    QT_TRANSLATE_NOOP("", "该密钥已由平台公布（指纹 {0}），正等待管理员确认：creditdesk platform trust --platform-id {1} --key-id {2} --public-key {3}"),
    QT_TRANSLATE_NOOP("", "请管理员向市信用办核实后执行 creditdesk platform trust --platform-id {0} --key-id {1} --public-key b64:…"),
    QT_TRANSLATE_NOOP("", "数据包由平台 {0} 的密钥 {1} 签名，本机不信任该密钥。{2}"),
    QT_TRANSLATE_NOOP("", "manifest.sig 不是平台 {0} 密钥 {1} 对 manifest.json 的有效签名：数据包被篡改或损坏"),
    QT_TRANSLATE_NOOP("", "数据包由平台 {0} 密钥 {1} 的新公钥（指纹 {2}）签名，该公钥与本机信任的不同，正等待管理员核实确认：creditdesk platform trust --platform-id {3} --key-id {4} --public-key {5} --confirm"),
    QT_TRANSLATE_NOOP("", "不支持的数据包格式 {0}（应为 {1}）"),
    QT_TRANSLATE_NOOP("", "manifest.json 的 created_at 不是 ISO 8601 时间：{0}"),
    QT_TRANSLATE_NOOP("", "manifest.json 的 next（{0}）小于 after（{1}）"),
    QT_TRANSLATE_NOOP("", "parts 第 {0} 项不是对象"),
    QT_TRANSLATE_NOOP("", "parts 第 {0} 项的 name 无效：{1}"),
    QT_TRANSLATE_NOOP("", "parts 第 {0} 项的 name {1} 重复或与清单文件同名"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 的 sha256 应为 64 位十六进制，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 的 count 应为非负整数，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "清单列出的分卷 {0} 不在压缩包中"),
    QT_TRANSLATE_NOOP("", "清单中的变更条数 {0} 多于序号区间 ({1}, {2}] 所能容纳的"),
    QT_TRANSLATE_NOOP("", "压缩包含清单未列出的文件 {0}（只允许 manifest.json、manifest.sig 和所列分卷）"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 的 SHA-256 与清单不符：内容被篡改或损坏"),
    QT_TRANSLATE_NOOP("", "分卷 {0} 有 {1} 行，清单记载 {2} 条"),
    # services/reviews.py
    QT_TRANSLATE_NOOP("", "要更正的核查记录不存在：{0}"),
    QT_TRANSLATE_NOOP("", "该结论调整已{0}"),
    QT_TRANSLATE_NOOP("", "核查记录缺少 {0}"),
    QT_TRANSLATE_NOOP("", "{0} 应为 {1} 之一，实际为 {2}"),
    QT_TRANSLATE_NOOP("", "结论比系统计算结果宽松：须选择调整理由类别（{0}）"),
    QT_TRANSLATE_NOOP("", "结论比系统计算结果宽松：理由至少 {0} 个字"),
    QT_TRANSLATE_NOOP("", "签署人身份应为 {0} 之一，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "有 {0} 条有效不良记录本市档案未规定措施：须经办人确认已阅后才能保存"),
    QT_TRANSLATE_NOOP("", "{0} 于 {1} 确认阅知 {2} 条本市档案未规定措施的有效不良记录：{3}"),
    QT_TRANSLATE_NOOP("", "审查报告 {0}，{1} 收到{2}，有效期至 {3}（申请编号 {4}）"),
    QT_TRANSLATE_NOOP("", "已于 {0} 申请，信用中心应于 {1} 前反馈，尚未收到审查报告（申请编号 {2}）"),
    # services/review_workflow.py
    QT_TRANSLATE_NOOP("", "结论比系统计算结果宽松：请写明理由（至少 {0} 个字，现 {1} 个）"),
    QT_TRANSLATE_NOOP("", "本档案没有该办理事项：{0}"),
    # services/objections.py
    QT_TRANSLATE_NOOP("", "异议理由至少 {0} 个字（写明哪一点有误、依据是什么）"),
    QT_TRANSLATE_NOOP("", "异议理由最多 {0} 个字"),
    QT_TRANSLATE_NOOP("", "本地数据中没有信用记录 {0}（请先同步，或核对记录编号）"),
    QT_TRANSLATE_NOOP("", "信用记录 {0} 不属于主体 {1}"),
    QT_TRANSLATE_NOOP("", "没有编号为 {0} 的核查记录"),
    QT_TRANSLATE_NOOP("", "处理结果应为 {0}（异议成立 / 异议不成立）之一，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "没有编号为 {0} 的异议"),
    QT_TRANSLATE_NOOP("", "平台数据显示该记录{0}{1}"),
    QT_TRANSLATE_NOOP("", "平台已更新该记录（{0}），请核对内容"),
    # services/credit_review.py
    QT_TRANSLATE_NOOP("", "{0}档案未规定信用审查（无 credit_review 一节），无法申请"),
    QT_TRANSLATE_NOOP("", "{0}档案没有事项 {1}"),
    QT_TRANSLATE_NOOP("", "{0}档案未规定信用审查"),
    QT_TRANSLATE_NOOP("", "审查结论摘要不能超过 {0} 字，实际 {1} 字"),
    QT_TRANSLATE_NOOP("", "收到日期 {0} 晚于今天"),
    QT_TRANSLATE_NOOP("", "审查申请 {0} 已于 {1} 记录结果（{2}）"),
    QT_TRANSLATE_NOOP("", "收到日期 {0} 早于申请日期 {1}"),
    QT_TRANSLATE_NOOP("", "没有编号为 {0} 的信用审查申请"),
    # services/recheck.py
    QT_TRANSLATE_NOOP("", "{0}：找不到档案 {1} 第 {2} 版"),
    QT_TRANSLATE_NOOP("", "没有编号为 {0} 的复核记录"),
    QT_TRANSLATE_NOOP("", "该复核记录已由 {0} 于 {1} 确认"),
    # protocol.py
    QT_TRANSLATE_NOOP("", "字段 {0} 应为非空字符串，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "字段 {0} 应为字符串或 null，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "字段 {0} 应为日期 YYYY-MM-DD，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "字段 {0} 不是有效日期：{1}"),
    QT_TRANSLATE_NOOP("", "字段 {0} 应为数字或 null，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "字段 {0} 应为整数，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "字段 {0} 的值 {1} 不在允许范围 {2} 内"),
    QT_TRANSLATE_NOOP("", "字段 {0} 应为字符串列表，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "字段 {0} 应为对象，实际为 {1}"),
    QT_TRANSLATE_NOOP("", "实体 id 无效：{0}"),
    QT_TRANSLATE_NOOP("", "非自然人主体的 uscc 应为18位统一社会信用代码，实际为 {0}"),
    QT_TRANSLATE_NOOP("", "report_no {0} 与实体 id {1} 不一致"),
    # services/apply.py
    QT_TRANSLATE_NOOP("", "字段 {0} 超过 {1} 个字符（实际 {2}），不是有效的值"),
    QT_TRANSLATE_NOOP("", "字段 {0} 含有控制字符：{1}"),
    QT_TRANSLATE_NOOP("", "字段 {0} 只含控制字符"),
    QT_TRANSLATE_NOOP("", "{0}；其余内容已照常应用"),
    QT_TRANSLATE_NOOP("", "字段 {0} {1}（{2} {3}{4}）"),
    QT_TRANSLATE_NOOP("", "，上限 {0}"),
    QT_TRANSLATE_NOOP("", "变更缺少类型 type（或不是字符串）：{0}"),
    QT_TRANSLATE_NOOP("", "seq 应为整数，实际为 {0}"),
    QT_TRANSLATE_NOOP("", "op 应为 upsert 或 delete，实际为 {0}"),
    QT_TRANSLATE_NOOP("", "完整同步第 {0} 轮已被第 {1} 轮取代，未清除任何数据；请重新同步"),
    # services/check.py
    QT_TRANSLATE_NOOP("", "“{0}”不是统一社会信用代码、身份证号或主体编号；核查须凭代码，名称请先用查询找到主体"),
    # services/purge.py
    QT_TRANSLATE_NOOP("", "{0} {1} 之前完成的核查记录 {2} 条，信用承诺 {3} 份（含签名图像），承诺履约记录 {4} 条，复核 {5} 条，提醒 {6} 条，异议 {7} 条，已上报副本 {8} 条"),
    QT_TRANSLATE_NOOP("", "{0} 条尚有内容未上报平台"),
    QT_TRANSLATE_NOOP("", "{0} 条有内容被平台拒收、待处理"),
    QT_TRANSLATE_NOOP("", "{0} 条的更正版本仍保留"),
    QT_TRANSLATE_NOOP("", "保留 {0} 条：{1}"),
    QT_TRANSLATE_NOOP("", "已记入审计日志（第 {0} 条）"),
    # services/audit.py
    QT_TRANSLATE_NOOP("", "审计日志无法完整读取（第 {0} 条附近：{1}），疑似被改动"),
    QT_TRANSLATE_NOOP("", "审计链锚定记录被篡改（第 {0} 条的锚定校验码不符）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条与本机锚定的哈希不符：审计链已被整体改写或截断"),
    QT_TRANSLATE_NOOP("", "第 {0} 条附近的记录无法读取（字段被改动）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条与第 {1} 条内容相同（重复插入的记录）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条与第 {1} 条顺序颠倒（乱序）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条是插入的记录（不在链上，下一条跳过了它）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条在链头之后（末尾被插入的记录）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条是插入的记录（其后的第 {1} 条接在第 {2} 条之后）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条顺序错乱（它接在第 {1} 条之后，而非第 {2} 条）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条缺失（已被删除）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条序号重复或乱序（疑似插入）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条与前一条不衔接（其前有记录被插入、删除或修改）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条内容被修改（哈希不符）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条起缺失（末尾记录被删除）"),
    QT_TRANSLATE_NOOP("", "第 {0} 条与链头不符（末尾记录被插入或修改）"),
    # services/usage.py
    QT_TRANSLATE_NOOP("", "不支持的格式“{0}”：请用 pdf 或 xlsx（--format，或文件扩展名）"),
    # policy/store.py
    QT_TRANSLATE_NOOP("", "策略档案 {0} 在 {1} 没有生效的版本"),
    QT_TRANSLATE_NOOP("", "未知的策略档案 {0}"),
    QT_TRANSLATE_NOOP("", "{0}；可用的档案：{1}"),
    QT_TRANSLATE_NOOP("", "档案 {0} v{1} 没有事项 {2}；可用的事项：{3}"),
    # wording.py
    QT_TRANSLATE_NOOP("", "数据库服务器 {0} 上的 {1}"),
    # config.py
    QT_TRANSLATE_NOOP("", "配置文件 {0} 无法读取：{1}"),
    QT_TRANSLATE_NOOP("", "配置文件 {0} 中的 {1} 应为 {2} 类型，实际为 {3}"),
    # policy/engine.py
    QT_TRANSLATE_NOOP("", "{0}：{1}。国家层和{2}档案对此类记录在本事项中均未规定措施，请阅读档案说明，依法依规判断并确认后再办理。"),
    QT_TRANSLATE_NOOP("", "{0}未列明“{1}”事项：按国家层规则和本市一般条款（{2}：“{3}”）办理。"),
    # db/sync_lock.py
    QT_TRANSLATE_NOOP("", "{0}{1}：同一数据库同一时间只能有一个同步或离线数据包导入。本次未作任何改动，请等它结束后再试"),
    QT_TRANSLATE_NOOP("", "工作站 {0}"),
    QT_TRANSLATE_NOOP("", "进程 {0}"),
    QT_TRANSLATE_NOOP("", "自 {0} 起"),
    QT_TRANSLATE_NOOP("", "数据库会话 {0}{1}"),
    QT_TRANSLATE_NOOP("", "，来自 {0}"),
)

# The fixed sentences and parts those messages carry (looked up whole, or as a template's value).
SENTENCES = (
    # the ledger's and the usage report's fixed words (services/ledger.py, rows/ledger.py, rows/usage.py)
    QT_TRANSLATE_NOOP("", "（调整已驳回）"),
    QT_TRANSLATE_NOOP("", "所在文件夹不存在"),
    QT_TRANSLATE_NOOP("", "本单位"),
    QT_TRANSLATE_NOOP("", "离线核查"),
    QT_TRANSLATE_NOOP("", "偏离系统结论"),
    QT_TRANSLATE_NOOP("", "更正记录"),
    QT_TRANSLATE_NOOP("", "一"),
    QT_TRANSLATE_NOOP("", "二"),
    QT_TRANSLATE_NOOP("", "三"),
    QT_TRANSLATE_NOOP("", "四"),
    QT_TRANSLATE_NOOP("", "期间应写作 2026-11（月）、2026-Q3（季度）或 2026-H1（半年）"),
    QT_TRANSLATE_NOOP("", "上"),
    QT_TRANSLATE_NOOP("", "下"),
    QT_TRANSLATE_NOOP("", "全部单位"),
    QT_TRANSLATE_NOOP("", "其中不予采信"),
    QT_TRANSLATE_NOOP("", "依据过期数据"),
    QT_TRANSLATE_NOOP("", "改变系统结论"),
    QT_TRANSLATE_NOOP("", "更正核查记录"),
    QT_TRANSLATE_NOOP("", "期内标记履约 / 违约"),
    QT_TRANSLATE_NOOP("", "受理异议"),
    QT_TRANSLATE_NOOP("", "经办人数"),
    QT_TRANSLATE_NOOP("", "输入统一社会信用代码、身份证号码或名称"),
    QT_TRANSLATE_NOOP("", "有效的统一社会信用代码"),
    QT_TRANSLATE_NOOP("", "有效的居民身份证号码"),
    QT_TRANSLATE_NOOP("", "名称至少输入 2 个字"),
    QT_TRANSLATE_NOOP("", "按名称、曾用名或拼音首字母查找"),
    QT_TRANSLATE_NOOP("", "请输入统一社会信用代码"),
    QT_TRANSLATE_NOOP("", "请输入居民身份证号码"),
    QT_TRANSLATE_NOOP("", "请输入统一社会信用代码或居民身份证号码"),
    QT_TRANSLATE_NOOP("", "15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码"),
    QT_TRANSLATE_NOOP("", "15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码；如为旧营业执照注册号，请改用18位统一社会信用代码"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码只能由数字和大写英文字母组成"),
    QT_TRANSLATE_NOOP("", "统一社会信用代码不使用 I、O、Z、S、V"),
    QT_TRANSLATE_NOOP("", "第3～8位为登记管理机关行政区划码，应为数字"),
    QT_TRANSLATE_NOOP("", "居民身份证号码第18位应为数字或X"),
    QT_TRANSLATE_NOOP("", "居民身份证号码前17位应为数字"),
    QT_TRANSLATE_NOOP("", "居民身份证号码只能由数字和末位的X组成"),
    QT_TRANSLATE_NOOP("", "号码只能由数字和大写英文字母组成"),
    QT_TRANSLATE_NOOP("", "文件未规定具体日期"),
    QT_TRANSLATE_NOOP("", "已被更正"),
    QT_TRANSLATE_NOOP("", "在线"),
    # services/accounts.py
    QT_TRANSLATE_NOOP("", "用户名或密码错误"),
    QT_TRANSLATE_NOOP("", "用户名须为 2–64 位小写字母、数字或 . _ -"),
    QT_TRANSLATE_NOOP("", "密码不能与用户名相同"),
    QT_TRANSLATE_NOOP("", "密码不能为空"),
    QT_TRANSLATE_NOOP("", "第一个账户必须是系统管理员（--role admin）"),
    QT_TRANSLATE_NOOP("", "账户已停用，请联系系统管理员"),
    QT_TRANSLATE_NOOP("", "不能停用或降级最后一个可用的系统管理员账户"),
    # services/batchfile.py
    QT_TRANSLATE_NOOP("", "看起来是 GBK/GB18030 编码（Excel 的“CSV（逗号分隔）”或记事本的“ANSI”）"),
    QT_TRANSLATE_NOOP("", "也不是 GBK/GB18030 编码，可能不是文本文件"),
    QT_TRANSLATE_NOOP("", "（标准输入）"),
    # services/backup.py
    QT_TRANSLATE_NOOP("", "备份文件不能写在数据库文件本身上"),
    # identifiers.py
    QT_TRANSLATE_NOOP("", "机构编制"),
    QT_TRANSLATE_NOOP("", "外交"),
    QT_TRANSLATE_NOOP("", "司法行政"),
    QT_TRANSLATE_NOOP("", "文化"),
    QT_TRANSLATE_NOOP("", "民政"),
    QT_TRANSLATE_NOOP("", "旅游"),
    QT_TRANSLATE_NOOP("", "宗教"),
    QT_TRANSLATE_NOOP("", "工会"),
    QT_TRANSLATE_NOOP("", "工商"),
    QT_TRANSLATE_NOOP("", "中央军委改革和编制办公室"),
    QT_TRANSLATE_NOOP("", "农业"),
    QT_TRANSLATE_NOOP("", "男"),
    QT_TRANSLATE_NOOP("", "女"),
    QT_TRANSLATE_NOOP("", "居民身份证号码应为17位数字加1位数字或X"),
    QT_TRANSLATE_NOOP("", "id_digest 应为64位小写十六进制字符串"),
    # platform/client.py
    QT_TRANSLATE_NOOP("", "连接被拒绝"),
    QT_TRANSLATE_NOOP("", "平台地址是否拼写正确、本机的 DNS 设置与网络连接"),
    QT_TRANSLATE_NOOP("", "网络不可达"),
    QT_TRANSLATE_NOOP("", "本机网络连接、网关和代理设置"),
    QT_TRANSLATE_NOOP("", "平台地址必须使用 HTTPS（仅本机回环地址允许 HTTP，用于测试与演示）"),
    QT_TRANSLATE_NOOP("", "没有平台访问令牌：请管理员运行 creditdesk platform login 录入令牌"),
    QT_TRANSLATE_NOOP("", "已取消"),
    QT_TRANSLATE_NOOP("", "平台响应超时"),
    QT_TRANSLATE_NOOP("", "平台返回的内容不是有效的 JSON（可能传输被截断）"),
    QT_TRANSLATE_NOOP("", "平台网关超时"),
    QT_TRANSLATE_NOOP("", "平台繁忙"),
    QT_TRANSLATE_NOOP("", "平台返回的 gzip 数据已损坏"),
    QT_TRANSLATE_NOOP("", "变更页不是 JSON 对象"),
    QT_TRANSLATE_NOOP("", "变更页缺少 changes 列表"),
    QT_TRANSLATE_NOOP("", "变更页的 next、has_more 或 epoch 无效"),
    QT_TRANSLATE_NOOP("", "提交结果的数量与提交项不一致"),
    QT_TRANSLATE_NOOP("", "提交结果与提交项的 uid 不对应"),
    # platform/credentials.py
    QT_TRANSLATE_NOOP("", "令牌为空"),
    # platform/keys.py
    QT_TRANSLATE_NOOP("", "公钥不能为空，应为 b64: 加标准 base64 编码的 32 字节 Ed25519 公钥"),
    QT_TRANSLATE_NOOP("", "公钥 “b64:” 之后不是有效的标准 base64 编码"),
    QT_TRANSLATE_NOOP("", "不是有效的 Ed25519 公钥"),
    QT_TRANSLATE_NOOP("", "平台标识 platform_id "),
    QT_TRANSLATE_NOOP("", "signing_keys 的条目不是对象"),
    QT_TRANSLATE_NOOP("", "密钥标识 key_id "),
    # platform/session.py
    QT_TRANSLATE_NOOP("", "尚未连接平台：请管理员运行 creditdesk platform connect URL --client-id ID"),
    # platform/sync.py
    QT_TRANSLATE_NOOP("", "同步已取消；已写入的数据页保留，下次从中断处继续"),
    QT_TRANSLATE_NOOP("", "完整同步途中平台再次判定游标过期（410），无法继续；请联系平台管理员，或导入完整离线数据包"),
    # platform/usecases.py
    QT_TRANSLATE_NOOP("", "完整同步"),
    QT_TRANSLATE_NOOP("", "增量同步"),
    QT_TRANSLATE_NOOP("", "正在连接平台……"),
    QT_TRANSLATE_NOOP("", "正在检查新数据带来的提醒和复核……"),
    QT_TRANSLATE_NOOP("", "正在上报待送事项……"),
    QT_TRANSLATE_NOOP("", "正在校验离线数据包……"),
    # platform/outbox.py
    QT_TRANSLATE_NOOP("", "平台认为该项过大"),
    QT_TRANSLATE_NOOP("", "平台认为单项过大"),
    # services/followup.py
    QT_TRANSLATE_NOOP("", "承诺补交的材料名称不能为空"),
    QT_TRANSLATE_NOOP("", "补交期限应为 1 至 365 个工作日"),
    QT_TRANSLATE_NOOP("", "已逾期"),
    QT_TRANSLATE_NOOP("", "（平台无此主体）"),
    QT_TRANSLATE_NOOP("", "标记违约须写明违约事实（备注），该信息将报送市公共信用信息系统"),
    # platform/bundle/apply.py
    QT_TRANSLATE_NOOP("", "全量数据包"),
    QT_TRANSLATE_NOOP("", "导入已取消，数据包中的变更一条也没有写入"),
    # platform/bundle/archive.py
    QT_TRANSLATE_NOOP("", "条目名称为空"),
    QT_TRANSLATE_NOOP("", "压缩包被截断"),
    QT_TRANSLATE_NOOP("", "本地文件头损坏"),
    QT_TRANSLATE_NOOP("", "本地文件头标记为加密或不支持的格式"),
    QT_TRANSLATE_NOOP("", "本地文件头与目录记载的压缩方式不一致"),
    QT_TRANSLATE_NOOP("", "条目的数据与其他条目或压缩包目录重叠"),
    QT_TRANSLATE_NOOP("", "未压缩条目的大小记载不一致"),
    QT_TRANSLATE_NOOP("", "CRC-32 校验不符"),
    QT_TRANSLATE_NOOP("", "deflate 数据无法解压"),
    # platform/bundle/common.py
    QT_TRANSLATE_NOOP("", "压缩包完整性"),
    QT_TRANSLATE_NOOP("", "清单 manifest.json"),
    QT_TRANSLATE_NOOP("", "签名"),
    QT_TRANSLATE_NOOP("", "签名密钥"),
    QT_TRANSLATE_NOOP("", "平台"),
    QT_TRANSLATE_NOOP("", "数据分卷校验和"),
    QT_TRANSLATE_NOOP("", "数据分卷条数"),
    QT_TRANSLATE_NOOP("", "数据分卷齐全"),
    QT_TRANSLATE_NOOP("", "多余或不安全的文件"),
    QT_TRANSLATE_NOOP("", "序号衔接"),
    QT_TRANSLATE_NOOP("", "数据版本（epoch）"),
    QT_TRANSLATE_NOOP("", "大小限制"),
    QT_TRANSLATE_NOOP("", "取消"),
    QT_TRANSLATE_NOOP("", "变更内容"),
    QT_TRANSLATE_NOOP("", "数据新旧（防止回滚）"),
    # platform/bundle/verify.py
    QT_TRANSLATE_NOOP("", "manifest.json 不是 UTF-8 文本"),
    QT_TRANSLATE_NOOP("", "manifest.json 应为一个 JSON 对象"),
    QT_TRANSLATE_NOOP("", "压缩包中没有 manifest.json"),
    QT_TRANSLATE_NOOP("", "压缩包中没有签名文件 manifest.sig"),
    QT_TRANSLATE_NOOP("", "manifest.json 的 person_key 应为 “b64:” 加标准 base64"),
    QT_TRANSLATE_NOOP("", "manifest.json 缺少 parts 列表"),
    # services/reviews.py
    QT_TRANSLATE_NOOP("", "该核查记录已被更正，请更正其最新版本"),
    QT_TRANSLATE_NOOP("", "需要科室负责人登录后才能审批结论调整"),
    QT_TRANSLATE_NOOP("", "驳回须写明理由（至少 4 个字）"),
    QT_TRANSLATE_NOOP("", "该核查记录没有待审批的结论调整"),
    QT_TRANSLATE_NOOP("", "结论调整须由另一人审批：经办人不能审批自己的调整"),
    QT_TRANSLATE_NOOP("", "最终结论与系统结论不一致时，必须填写理由"),
    QT_TRANSLATE_NOOP("", "结论调整须由科室负责人审批"),
    QT_TRANSLATE_NOOP("", "只有比系统计算结果宽松的结论需要审批"),
    QT_TRANSLATE_NOOP("", "本事项须签署信用承诺书：请记录承诺（手写签名或纸质签署）"),
    QT_TRANSLATE_NOOP("", "信用承诺须有手写签名，或注明已在纸质承诺书上签署"),
    QT_TRANSLATE_NOOP("", "信用承诺须有签署人姓名和承诺书文本"),
    QT_TRANSLATE_NOOP("", "委托代理人签署：须写明委托人（法定代表人）和授权委托书"),
    QT_TRANSLATE_NOOP("", "核查记录中不得出现完整身份证号（请使用脱敏号码）"),
    QT_TRANSLATE_NOOP("", "无法生成不重复的核查码"),
    QT_TRANSLATE_NOOP("", "，载有不良信息"),
    QT_TRANSLATE_NOOP("", "，未发现不良信息"),
    QT_TRANSLATE_NOOP("", "（无编号）"),
    # services/review_workflow.py
    QT_TRANSLATE_NOOP("", "结论与系统计算结果不同：请写明理由"),
    QT_TRANSLATE_NOOP("", "只有比系统计算结果宽松的结论需要负责人审批"),
    QT_TRANSLATE_NOOP("", "请先选择理由类别并写明理由"),
    QT_TRANSLATE_NOOP("", "委托代理人签署：请填写委托人（法定代表人）姓名"),
    QT_TRANSLATE_NOOP("", "委托代理人签署：请填写授权委托书（编号或日期）"),
    # services/objections.py
    QT_TRANSLATE_NOOP("", "请选择提出异议的信用记录"),
    QT_TRANSLATE_NOOP("", "请填写联系人姓名"),
    QT_TRANSLATE_NOOP("", "联系人姓名过长"),
    QT_TRANSLATE_NOOP("", "请填写联系电话"),
    QT_TRANSLATE_NOOP("", "联系电话应为 11 位手机号或带区号的固定电话（如 0591-87654321）"),
    QT_TRANSLATE_NOOP("", "异议内容中不得出现完整身份证号（如需注明，请使用脱敏号码）"),
    QT_TRANSLATE_NOOP("", "缺少办理单位（请在设置中填写单位名称）"),
    QT_TRANSLATE_NOOP("", "未署名"),
    QT_TRANSLATE_NOOP("", "请写明处理结果的说明（如信用办的答复文号或要点）"),
    QT_TRANSLATE_NOOP("", "说明中不得出现完整身份证号"),
    QT_TRANSLATE_NOOP("", "平台未说明原因"),
    QT_TRANSLATE_NOOP("", "平台已删除该信用记录"),
    # services/credit_review.py
    QT_TRANSLATE_NOOP("", "须指明申请审查的主体"),
    # protocol.py
    QT_TRANSLATE_NOOP("", "upsert 缺少 data 对象"),
    QT_TRANSLATE_NOOP("", "自然人缺少 id_digest"),
    QT_TRANSLATE_NOOP("", "自然人的实体 id 应为 P- 加 id_digest"),
    # services/apply.py
    QT_TRANSLATE_NOOP("", "含控制字符，已删除"),
    QT_TRANSLATE_NOOP("", "过长，已截断"),
    QT_TRANSLATE_NOOP("", "过多，只保留前若干个"),
    QT_TRANSLATE_NOOP("", "长度"),
    QT_TRANSLATE_NOOP("", "个数"),
    QT_TRANSLATE_NOOP("", "已取消；已提交的批次保留"),
    QT_TRANSLATE_NOOP("", "变更不是 JSON 对象"),
    # services/check.py
    QT_TRANSLATE_NOOP("", "本地数据缺少平台的自然人密钥，暂无法按身份证号核查"),
    QT_TRANSLATE_NOOP("", "信用代码"),
    QT_TRANSLATE_NOOP("", "身份证号码"),
    QT_TRANSLATE_NOOP("", "证件号码"),
    QT_TRANSLATE_NOOP("", "代码"),
    QT_TRANSLATE_NOOP("", "查询内容"),
    QT_TRANSLATE_NOOP("", "平台已知"),
    QT_TRANSLATE_NOOP("", "核查日期"),
    QT_TRANSLATE_NOOP("", "待办"),
    QT_TRANSLATE_NOOP("", "有效记录数"),
    QT_TRANSLATE_NOOP("", "报告可用"),
    QT_TRANSLATE_NOOP("", "报告问题"),
    QT_TRANSLATE_NOOP("", "未规定措施的不良记录"),
    QT_TRANSLATE_NOOP("", "档案说明"),
    QT_TRANSLATE_NOOP("", "错误"),
    QT_TRANSLATE_NOOP("", "核查结果"),
    # services/purge.py
    QT_TRANSLATE_NOOP("", "将删除"),
    QT_TRANSLATE_NOOP("", "已删除"),
    QT_TRANSLATE_NOOP("", "（试运行：未删除任何数据）"),
    # services/audit.py
    QT_TRANSLATE_NOOP("", "审计导出已取消，未写入文件"),
    QT_TRANSLATE_NOOP("", "本机的审计链锚定记录被删除（链可能已被整体改写）"),
    QT_TRANSLATE_NOOP("", "本机没有这条审计链的锚定密钥（例如数据库是从别处复制来的）：只校验了哈希链本身"),
    QT_TRANSLATE_NOOP("", "序号"),
    QT_TRANSLATE_NOOP("", "时间"),
    QT_TRANSLATE_NOOP("", "操作代码"),
    QT_TRANSLATE_NOOP("", "对象"),
    QT_TRANSLATE_NOOP("", "详情"),
    QT_TRANSLATE_NOOP("", "前一条哈希"),
    QT_TRANSLATE_NOOP("", "本条哈希"),
    QT_TRANSLATE_NOOP("", "（未署名）"),
    QT_TRANSLATE_NOOP("", "审计链校验已取消"),
    QT_TRANSLATE_NOOP("", "审计链头记录缺失"),
    # services/usage.py
    QT_TRANSLATE_NOOP("", "按经办人统计仅向科室负责人和系统管理员显示"),
    QT_TRANSLATE_NOOP("", "该政策文件未规定使用情况的报送期限。"),
    QT_TRANSLATE_NOOP("", "导出已取消，未写入文件"),
    # wording.py
    QT_TRANSLATE_NOOP("", "（数据库地址无法识别）"),
    QT_TRANSLATE_NOOP("", "内存数据库（仅供测试）"),
    QT_TRANSLATE_NOOP("", "本机"),
    # policy/engine.py
    QT_TRANSLATE_NOOP("", "本市档案未规定措施"),
    # services/lookup.py
    QT_TRANSLATE_NOOP("", "本地数据缺少平台的自然人密钥，暂无法按身份证号查找"),
    # services/keystore.py
    QT_TRANSLATE_NOOP("", "系统凭据库不可用，且未指定本机密钥目录：无法保存本地密钥"),
    # db/sync_lock.py
    QT_TRANSLATE_NOOP("", "另一窗口正在同步"),
)


@functools.cache
def _patterns() -> tuple[tuple[str, str, re.Pattern, str], ...]:
    """The templates as patterns, the most specific first (most fixed text), so that ``{0}不能为空`` does not
    take ``承诺补交的材料名称不能为空`` apart when a longer template or a whole sentence says it."""
    out = []
    for template in sorted(TEMPLATES, key=lambda t: -len(re.sub(r"\{\d+\}", "", t))):
        parts = re.split(r"\{\d+\}", template)
        out.append((parts[0], parts[-1], re.compile("^" + "(.*?)".join(map(re.escape, parts)) + "$", re.DOTALL),
                    template))  # a value may be empty; the fixed head and tail are checked before the pattern
    return tuple(out)


@functools.lru_cache(maxsize=512)
def _starting_with(first: str) -> tuple[tuple[str, str, re.Pattern, str], ...]:
    """The templates a text starting with ``first`` can match (their fixed head starts with it, or they
    start with a value), in the order of :func:`_patterns`."""
    return tuple(p for p in _patterns() if not p[0] or p[0].startswith(first))


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@functools.cache
def _words() -> frozenset[str]:
    """The values worth translating: the sentences above and the vocabulary (names and numbers are not)."""
    from creditdesk.ui.vocabulary import CORE_LABELS, VOCABULARY

    return frozenset(SENTENCES) | frozenset(VOCABULARY) | frozenset(CORE_LABELS)


def core_message(text: str | None, context: str = "") -> str:
    """``text`` (a message of the core) in the window's language; unknown text as it is. ``context``:
    the asking class, whose own translation of a whole text is tried first (then the vocabulary's)."""
    if not text:
        return text or ""
    if text in _words():
        return _tr(text)
    shown = _templated_in(text, _tr(_PROBE))
    return QCoreApplication.translate(context, text) if shown is None else shown


def translate(text: str) -> str:
    """``text`` (a sentence or glue such as ``"；"``) from the shared context."""
    return _tr(text)


def core_summary(text: str | None, sep: str = "；") -> str:
    """A summary the core joins from messages with ``sep`` (followup.FollowUpFound.summary), part by part."""
    return _tr(sep).join(core_message(part) for part in (text or "").split(sep)) if text else ""


def error_text(exc: BaseException) -> str:
    """An exception's message as the window shows it: the core's (Chinese) refusals in the window's
    language (``LoginFailed``, ``AccountError``, ``NotPermitted``, ``CodeError``, the platform's and the
    batch files' and backups' errors); any other error's text as it is."""
    return core_message(str(exc))


_PROBE = QT_TRANSLATE_NOOP("", "用户名或密码错误")  # its translation names the language installed: the cache below is per language


@functools.lru_cache(maxsize=4096)
def _templated_in(text: str, _language: str) -> str | None:
    return _templated(text)


def _templated(text: str, depth: int = 0) -> str | None:
    """``text`` filled into its template's translation, or None when no template matches. A value is a
    word (translated), a message of its own (``无法连接平台（连接被拒绝）…``: its template, recursively) or
    data (as it is)."""
    for head, tail, pattern, template in _starting_with(text[:1]):
        m = text.startswith(head) and text.endswith(tail) and pattern.match(text)
        if m:
            return _tr(template).format(*(_value(v, depth) for v in m.groups()))
    return None


def _value(value: str, depth: int) -> str:
    if value in _words():
        return _tr(value)
    if depth < 12:  # a list of parts nests one level per part
        shown = _templated(value, depth + 1)
        if shown is not None:
            return shown
    return value


def unruled_notice(result) -> str | None:  # noqa: ANN001 - a policy CheckResult
    """``result.unruled_notice`` (policy/engine.py) in the window's language: the records no rule covers,
    each by its category, title, authority, document number and date, and what the officer is to do."""
    records = getattr(result, "unruled_adverse", None)
    if not records:
        return getattr(result, "unruled_notice", None)
    from creditdesk.credit import category_of

    named = QCoreApplication.translate("", "；").join(
        QCoreApplication.translate("", "{0}“{1}”（{2}）").format(
            _tr(category_of(r.category).label), r.title,
            r.authority + (QCoreApplication.translate("", "，") + r.doc_no if r.doc_no else "")
            + QCoreApplication.translate("", "，") + r.decided_on.isoformat())
        for r in records)  # fmt: skip
    return QCoreApplication.translate(
        "", "本市档案未规定措施：{0}。国家层和{1}档案对此类记录在本事项中均未规定措施，请阅读档案说明，依法依规判断并确认后再办理。"
    ).format(named, result.profile.name)


__all__ = ["SENTENCES", "TEMPLATES", "core_message", "core_summary", "error_text", "translate", "unruled_notice"]
