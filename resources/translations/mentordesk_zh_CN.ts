<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptCertificateBox</name>
    <message>
        <source>Accept a new certificate</source>
        <translation>接受新证书</translation>
    </message>
    <message>
        <source>Accept this certificate as %1&apos;s?</source>
        <translation>将此证书接受为 %1 的证书？</translation>
    </message>
    <message>
        <source>Known here for %1:</source>
        <translation>本机已知的 %1 证书：</translation>
    </message>
    <message>
        <source>Other sheets of this bundle name %1 with:</source>
        <translation>此数据包中其他评估表所用的 %1 证书：</translation>
    </message>
    <message>
        <source>%1 in %2 is signed as %3 by a certificate not known here. Anyone can make a certificate in any name: accept it only if %3 reads you the same fingerprint from &apos;mentordesk identity show&apos; on their PC.</source>
        <translation>%2 中的 %1 以 %3 的名义由本机未知的证书签名。任何人都能以任何姓名制作证书：只有当 %3 在其电脑上运行“mentordesk identity show”并向您读出相同的指纹时，才可接受。</translation>
    </message>
    <message>
        <source>This certificate (SHA-256):</source>
        <translation>此证书（SHA-256）：</translation>
    </message>
    <message>
        <source>Accept for %1</source>
        <translation>接受为 %1 的证书</translation>
    </message>
</context>
<context>
    <name>Acknowledgement</name>
    <message>
        <source>Type or pick the trainee&apos;s name</source>
        <translation>请输入或选择学员姓名</translation>
    </message>
    <message>
        <source>The name is too long ({limit} characters at most)</source>
        <translation>姓名过长（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <source>The trainee&apos;s signature must be a drawn PNG image</source>
        <translation>学员签名必须是手写签名的 PNG 图片</translation>
    </message>
    <message>
        <source>The signature image is too large (2 MB at most)</source>
        <translation>签名图片过大（最多 2 MB）</translation>
    </message>
    <message>
        <source>{file}: cannot read the signature image ({reason})</source>
        <translation>{file}：无法读取签名图片（{reason}）</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Updating your records for this version of MentorDesk…

A copy of the database as it was is kept in the backups folder beside it. A large database takes a minute or two.</source>
        <translation>正在为此版本的 MentorDesk 更新您的记录…

更新前的数据库副本保存在它旁边的 backups 文件夹中。数据库较大时需要一两分钟。</translation>
    </message>
    <message>
        <source>MentorDesk</source>
        <translation>MentorDesk</translation>
    </message>
    <message>
        <source>MentorDesk is already open</source>
        <translation>MentorDesk 已经打开</translation>
    </message>
    <message>
        <source>MentorDesk is already open on this database:
%1

Switch to that window.</source>
        <translation>MentorDesk 已经打开了这个数据库：
%1

请切换到那个窗口。</translation>
    </message>
    <message>
        <source>{where}: cannot open the database ({reason}). Details are in the log file.</source>
        <translation>{where}：无法打开数据库（{reason}）。详细信息见日志文件。</translation>
    </message>
    <message>
        <source>MentorDesk cannot open the database</source>
        <translation>MentorDesk 无法打开数据库</translation>
    </message>
</context>
<context>
    <name>Assessments</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>The list of results needs at least one entry</source>
        <translation>结果列表至少需要一项</translation>
    </message>
    <message>
        <source>The list of results holds the same entry twice</source>
        <translation>结果列表中有重复项</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start})</source>
        <translation>考核期的结束日期（{end}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <source>{name} already has a {state} assessment for {start} – {end}; open it and amend it</source>
        <translation>{name} 在 {start} – {end} 已有考核（状态：{state}）；请打开该考核并进行修订</translation>
    </message>
    <message>
        <source>{name} already has a {state} assessment for {start} – {end}; open it</source>
        <translation>{name} 在 {start} – {end} 已有考核（状态：{state}）；请直接打开该考核</translation>
    </message>
    <message>
        <source>The assessment of {name} ({start} – {end}, version {version}) is {state} and cannot change; amend it instead</source>
        <translation>{name} 的考核（{start} – {end}，第 {version} 版）处于{state}状态，不能更改；请改为修订</translation>
    </message>
    <message>
        <source>Unknown assessment field {key!r}</source>
        <translation>未知的考核字段 {key!r}</translation>
    </message>
    <message>
        <source>Result {result!r} is not one of: {choices}</source>
        <translation>结果 {result!r} 无效，应为以下之一：{choices}</translation>
    </message>
    <message>
        <source>The draft of {name} changed while it was being signed; sign it again</source>
        <translation>{name} 的草稿在签署过程中被更改；请重新签署</translation>
    </message>
    <message>
        <source>Choose a result for {name} before signing</source>
        <translation>签署前请为 {name} 选择结果</translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation>签署人姓名</translation>
    </message>
    <message>
        <source>Only a signed assessment can be countersigned (this one is {state})</source>
        <translation>只有已签署的考核才能复核签署（此考核当前状态：{state}）</translation>
    </message>
    <message>
        <source>Assessment {uid} has no signed document</source>
        <translation>考核 {uid} 没有已签署的文件</translation>
    </message>
    <message>
        <source>This PDF does not extend the signed sheet (the countersignature must be an incremental update of it)</source>
        <translation>此 PDF 不是在已签署考核表基础上追加而成的（复核签名必须以增量更新的方式添加到该考核表上）</translation>
    </message>
    <message>
        <source>The reason for the amendment</source>
        <translation>修订原因</translation>
    </message>
    <message>
        <source>A draft can be edited as it is; only a signed assessment is amended</source>
        <translation>草稿可直接编辑；只有已签署的考核才需要修订</translation>
    </message>
    <message>
        <source>This version is already superseded (by version {newer}); amend that one</source>
        <translation>此版本已被取代（被第 {newer} 版取代）；请修订该版本</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>考核</translation>
    </message>
</context>
<context>
    <name>AssessmentsArea</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Distinction</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Not yet competent</source>
        <translation>尚未达标</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Trainee ID</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核期</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>全部班级</translation>
    </message>
    <message>
        <source>(not decided)</source>
        <translation>（未定）</translation>
    </message>
    <message>
        <source>No assessment selected</source>
        <translation>未选择考核</translation>
    </message>
    <message>
        <source>%1 — %2 to %3, version %4 (%5)</source>
        <translation>%1 — %2 至 %3，第 %4 版（%5）</translation>
    </message>
    <message>
        <source>No assessment matches the search and filters.</source>
        <translation>没有符合搜索和筛选条件的考核。</translation>
    </message>
    <message>
        <source>No assessments yet. Draft one with New assessment…, or a whole cohort&apos;s with Sheets for a cohort…</source>
        <translation>还没有考核。可用“新建考核…”起草一份，或用“班级考核表…”为整个班级起草。</translation>
    </message>
    <message>
        <source>Attendance: %1 sessions — %2 present, %3 late, %4 left early, %5 absent, %6 excused; hours credited %7; rate %8</source>
        <translation>考勤：%1 个课次 — 出勤 %2，迟到 %3，早退 %4，缺勤 %5，请假 %6；学时 %7；出勤率 %8</translation>
    </message>
    <message>
        <source>Skills rated: %1, mean level %2</source>
        <translation>已评技能：%1，平均等级 %2</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>观察记录：%1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>Amends version %1 because: %2</source>
        <translation>修订第 %1 版，原因：%2</translation>
    </message>
    <message>
        <source>Signed by %1 on %2</source>
        <translation>由 %1 于 %2 签署</translation>
    </message>
    <message>
        <source>Draft: the sheet as it will be signed. Signing adds your drawn signature, name and date in the mentor&apos;s box.</source>
        <translation>草稿：即将签署的考核表。签署时会在导师栏加上您的手写签名、姓名和日期。</translation>
    </message>
    <message>
        <source>The signed PDF as stored.</source>
        <translation>已保存的签署版 PDF。</translation>
    </message>
    <message>
        <source>Superseded by an amendment; kept as it was signed.</source>
        <translation>已被修订版取代；按签署时原样保留。</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Attach countersigned copy</source>
        <translation>附加复核签署件</translation>
    </message>
    <message>
        <source>Countersigned copy attached.</source>
        <translation>已附加复核签署件。</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Your drawn signature is saved.</source>
        <translation>您的手写签名已保存。</translation>
    </message>
    <message>
        <source>Passphrase of your signing identity</source>
        <translation>签名身份的口令</translation>
    </message>
    <message>
        <source>Signed. The sheet is now locked.</source>
        <translation>已签署，考核表已锁定。</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Why does this signed assessment need correcting?</source>
        <translation>为什么需要更正这份已签署的考核？</translation>
    </message>
    <message>
        <source>Amendment drafted; the signed version is kept.</source>
        <translation>已起草修订版；已签署的版本予以保留。</translation>
    </message>
    <message>
        <source>%1 sheets written to %2 (%3 signed now).</source>
        <translation>已将 %1 份考核表写入 %2（本次签署 %3 份）。</translation>
    </message>
    <message>
        <source>Signed as %1, but the form names another mentor for %2 of them.</source>
        <translation>以 %1 的身份签名，但其中 %2 份表格上写的是另一位导师。</translation>
    </message>
    <message>
        <source>Sheets for a cohort</source>
        <translation>班级考核表</translation>
    </message>
    <message>
        <source>Cancelled: no sheet was written and nothing was signed.</source>
        <translation>已取消：未写入任何考核表，也未签署任何考核。</translation>
    </message>
    <message>
        <source>Writing sheets…</source>
        <translation>正在生成考核表…</translation>
    </message>
    <message>
        <source>Write the sheets of %1 trainees for %2 – %3 to %4?</source>
        <translation>将 %1 名学员 %2 – %3 的考核表写入 %4？</translation>
    </message>
    <message>
        <source>%1 drafts will be created for the trainees who have no assessment for this period.</source>
        <translation>将为本期尚无考核的学员新建 %1 份草稿。</translation>
    </message>
    <message>
        <source>You sign as %1, but the form names %2 as mentor on %3 of these sheets.</source>
        <translation>您以 %1 的身份签名，但其中 %3 份表格上的导师是 %2。</translation>
    </message>
    <message>
        <source>You sign as %1, but the form names %2 as mentor. Sign it all the same? The audit trail keeps who signed.</source>
        <translation>您以 %1 的身份签署，但表格写明的带教师傅是 %2。仍要签署吗？审计记录会保留签署人。</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>Search by trainee, ID, cohort or result</source>
        <translation>按学员、学号、班级或结果搜索</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>新建考核(&amp;N)…</translation>
    </message>
    <message>
        <source>Sheets for a &amp;cohort…</source>
        <translation>班级考核表(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>考核(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Result</source>
        <translation>结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Strengths</source>
        <translation>优点(&amp;S)</translation>
    </message>
    <message>
        <source>Areas to &amp;improve</source>
        <translation>待改进(&amp;I)</translation>
    </message>
    <message>
        <source>Overall co&amp;mment</source>
        <translation>综合评语(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Recompute from &amp;records</source>
        <translation>按记录重新计算(&amp;R)</translation>
    </message>
    <message>
        <source>My &amp;drawn signature…</source>
        <translation>我的手写签名(&amp;D)…</translation>
    </message>
    <message>
        <source>A&amp;mend…</source>
        <translation>修订(&amp;M)…</translation>
    </message>
    <message>
        <source>Si&amp;gn…</source>
        <translation>签署(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>Attach &amp;countersigned copy…</source>
        <translation>附加复核签署件(&amp;C)…</translation>
    </message>
    <message>
        <source>Keep the copy the school or the trainee countersigned (it must extend this signed sheet)</source>
        <translation>保存学校或学员复核签署后的文件（须是在本签署件基础上追加签名）</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开(&amp;O)</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>The session of {day} is cancelled: nothing can be recorded at it. Reinstate it first (mentordesk plan cancel --undo {session}).</source>
        <translation>{day} 的课已取消：不能在该课记录任何内容。请先恢复该课（mentordesk plan cancel --undo {session}）。</translation>
    </message>
    <message>
        <source>Attendance status {status!r} is not one of: {allowed}</source>
        <translation>考勤状态 {status!r} 无效，应为以下之一：{allowed}</translation>
    </message>
    <message>
        <source>An attendance note</source>
        <translation>考勤备注</translation>
    </message>
</context>
<context>
    <name>AttendanceHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Module · task</source>
        <translation>模块 · 任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Late (min)</source>
        <translation>迟到(分钟)</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>请假</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Key %1 marks the selected trainee</source>
        <translation>按 %1 键为所选学员记录考勤</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Everyone expected is already marked.</source>
        <translation>应到学员均已记录考勤。</translation>
    </message>
    <message>
        <source>Mark all present</source>
        <translation>全部记为出勤</translation>
    </message>
    <message>
        <source>%1 marked present.</source>
        <translation>已将 %1 记为出勤。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Backup and restore work on a SQLite file; use pg_dump for PostgreSQL</source>
        <translation>备份和恢复仅适用于 SQLite 文件；PostgreSQL 请使用 pg_dump</translation>
    </message>
    <message>
        <source>{target}: the backup must not overwrite the database itself</source>
        <translation>{target}：备份不能覆盖数据库本身</translation>
    </message>
    <message>
        <source>{path}: not a readable SQLite database ({error})</source>
        <translation>{path}：不是可读取的 SQLite 数据库（{error}）</translation>
    </message>
    <message>
        <source>{table} row {row}: broken reference to {parent}</source>
        <translation>{table} 第 {row} 行：对 {parent} 的引用已损坏</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}：文件不存在</translation>
    </message>
    <message>
        <source>{file}: this is the database itself, not a backup</source>
        <translation>{file}：这是数据库本身，不是备份</translation>
    </message>
    <message>
        <source>{file}: not a sound MentorDesk backup: {problem}</source>
        <translation>{file}：不是完好的 MentorDesk 备份：{problem}</translation>
    </message>
    <message>
        <source>not a SQLite database</source>
        <translation>不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>{file}: not a MentorDesk database</source>
        <translation>{file}：不是 MentorDesk 数据库</translation>
    </message>
    <message>
        <source>Restore works on a SQLite file; use pg_restore for PostgreSQL</source>
        <translation>恢复仅适用于 SQLite 文件；PostgreSQL 请使用 pg_restore</translation>
    </message>
    <message>
        <source>{file}: written by a newer MentorDesk (schema {schema}); this version knows schemas up to {head}. Nothing was changed.</source>
        <translation>{file}：由更新版本的 MentorDesk 写入（架构 {schema}）；本版本只认识到 {head} 为止的架构。未做任何更改。</translation>
    </message>
    <message>
        <source>{db}: another program has this database open (the MentorDesk window or a command); close it first, then restore. Nothing was changed.</source>
        <translation>{db}：另一个程序正打开此数据库（MentorDesk 窗口或某个命令）；请先关闭它，再进行恢复。未做任何更改。</translation>
    </message>
    <message>
        <source>{path}: cannot write the copy ({reason})</source>
        <translation>{path}：无法写入副本（{reason}）</translation>
    </message>
    <message>
        <source>{file}: no such database</source>
        <translation>{file}：数据库不存在</translation>
    </message>
    <message>
        <source>schema {schema} is not this version&apos;s {head}</source>
        <translation>架构版本 {schema} 与本版本的 {head} 不一致</translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <source>Edit block</source>
        <translation>编辑时段</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>结束(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>Planned &amp;hours</source>
        <translation>计划学时(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Bundle</name>
    <message>
        <source>not a results workbook (no About sheet)</source>
        <translation>不是结果工作簿（没有 About 工作表）</translation>
    </message>
    <message>
        <source>altered: its SHA-256 is not the one in the manifest</source>
        <translation>已被改动：其 SHA-256 与清单中的不符</translation>
    </message>
    <message>
        <source>{bundle}: {problem}; nothing was imported</source>
        <translation>{bundle}：{problem}；未导入任何内容</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>is a folder, not a bundle</source>
        <translation>是文件夹，不是数据包</translation>
    </message>
    <message>
        <source>the file is {size} MB, larger than any bundle (limit {limit} MB)</source>
        <translation>文件大小为 {size} MB，超过任何数据包的大小（上限 {limit} MB）</translation>
    </message>
    <message>
        <source>not a bundle (the file is not a zip)</source>
        <translation>不是数据包（文件不是 zip 压缩包）</translation>
    </message>
    <message>
        <source>{bundle}: the zip is damaged or truncated ({error}); nothing was imported</source>
        <translation>{bundle}：zip 文件已损坏或不完整（{error}）；未导入任何内容</translation>
    </message>
    <message>
        <source>{bundle}: cannot be read ({error}); nothing was imported</source>
        <translation>{bundle}：无法读取（{error}）；未导入任何内容</translation>
    </message>
    <message>
        <source>damaged ({error})</source>
        <translation>已损坏（{error}）</translation>
    </message>
    <message>
        <source>unsafe name: {why}</source>
        <translation>不安全的名称：{why}</translation>
    </message>
    <message>
        <source>the bundle holds this name twice</source>
        <translation>数据包中此名称出现两次</translation>
    </message>
    <message>
        <source>a symbolic link, not a file</source>
        <translation>是符号链接，不是文件</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <source>unpacks to {unpacked} MB from {packed} KB — a zip bomb, not a bundle</source>
        <translation>由 {packed} KB 解压为 {unpacked} MB——是压缩炸弹，不是数据包</translation>
    </message>
    <message>
        <source>{bundle}: unpacks to {size} MB, far larger than any bundle; nothing was imported</source>
        <translation>{bundle}：解压后为 {size} MB，远大于任何数据包；未导入任何内容</translation>
    </message>
    <message>
        <source>missing: this zip is not a bundle</source>
        <translation>缺失：此 zip 文件不是数据包</translation>
    </message>
    <message>
        <source>far larger than any manifest</source>
        <translation>远大于任何清单</translation>
    </message>
    <message>
        <source>extra: not listed in the manifest</source>
        <translation>多余：清单中未列出</translation>
    </message>
    <message>
        <source>missing: listed in the manifest, not in the bundle</source>
        <translation>缺失：清单中列出，但数据包中没有</translation>
    </message>
    <message>
        <source>{size:,} bytes, far larger than any signed sheet</source>
        <translation>{size:,} 字节，远大于任何已签署的考核表</translation>
    </message>
    <message>
        <source>altered: {size:,} bytes, the manifest says {listed:,}</source>
        <translation>已被改动：{size:,} 字节，清单中为 {listed:,}</translation>
    </message>
    <message>
        <source>{bundle}: its sheets come to {size} MB, far more than any bundle holds; nothing was imported</source>
        <translation>{bundle}：其中考核表共 {size} MB，远超任何数据包的容量；未导入任何内容</translation>
    </message>
    <message>
        <source>the zip carries a comment, which no bundle has</source>
        <translation>这个 zip 文件带有注释，而数据包从不带注释</translation>
    </message>
    <message>
        <source>its members overlap at byte {offset:,}: one claims bytes another holds (a zip bomb&apos;s trick, or a damaged zip)</source>
        <translation>成员在第 {offset:,} 字节处重叠：一个成员声称占有另一个成员的字节（zip 炸弹的手法，或 zip 已损坏）</translation>
    </message>
    <message>
        <source>{size:,} bytes at byte {offset:,} lie outside its members (data hidden in the zip, or glued to it)</source>
        <translation>第 {offset:,} 字节处有 {size:,} 字节不属于任何成员（数据藏在 zip 中，或被拼接在它前后）</translation>
    </message>
    <message>
        <source>damaged (no header)</source>
        <translation>已损坏（没有文件头）</translation>
    </message>
    <message>
        <source>{bundle}, member {member}: {problem}; nothing was imported</source>
        <translation>{bundle}，成员 {member}：{problem}；未导入任何内容</translation>
    </message>
    <message>
        <source>an absolute path</source>
        <translation>绝对路径</translation>
    </message>
    <message>
        <source>a backslash in the name</source>
        <translation>名称中含反斜杠</translation>
    </message>
    <message>
        <source>a control character in the name</source>
        <translation>名称中含控制字符</translation>
    </message>
    <message>
        <source>a path that climbs out of the bundle</source>
        <translation>路径会跳出数据包</translation>
    </message>
    <message>
        <source>not readable JSON ({error})</source>
        <translation>不是可读取的 JSON（{error}）</translation>
    </message>
    <message>
        <source>not a manifest (nested far too deep)</source>
        <translation>不是清单（嵌套层数过深）</translation>
    </message>
    <message>
        <source>not a MentorDesk bundle manifest (format {format!r})</source>
        <translation>不是 MentorDesk 数据包清单（格式应为 {format!r}）</translation>
    </message>
    <message>
        <source>the version is missing or not a number ({version})</source>
        <translation>版本缺失或不是数字（{version}）</translation>
    </message>
    <message>
        <source>unsafe path {path} ({why})</source>
        <translation>不安全的路径 {path}（{why}）</translation>
    </message>
    <message>
        <source>unknown kind {kind}</source>
        <translation>未知类型 {kind}</translation>
    </message>
    <message>
        <source>bundle format version {version} is newer than this MentorDesk reads ({known}); update MentorDesk</source>
        <translation>数据包格式版本 {version} 比本 MentorDesk 能读取的版本（{known}）新；请更新 MentorDesk</translation>
    </message>
    <message>
        <source>the list of files is missing</source>
        <translation>缺少文件列表</translation>
    </message>
    <message>
        <source>file {path} is listed twice</source>
        <translation>文件 {path} 被列出两次</translation>
    </message>
    <message>
        <source>it must list one results workbook, not {count}</source>
        <translation>清单必须列出一个结果工作簿，而不是 {count} 个</translation>
    </message>
    <message>
        <source>file {n}: {problem}</source>
        <translation>第 {n} 个文件：{problem}</translation>
    </message>
    <message>
        <source>not an entry with a path, size and SHA-256</source>
        <translation>不是包含路径、大小和 SHA-256 的条目</translation>
    </message>
    <message>
        <source>the size of {path} is not a number</source>
        <translation>{path} 的大小不是数字</translation>
    </message>
    <message>
        <source>the SHA-256 of {path} is not 64 hex digits</source>
        <translation>{path} 的 SHA-256 不是 64 位十六进制数</translation>
    </message>
    <message>
        <source>the workbook {path} must be an .xlsx at the top</source>
        <translation>工作簿 {path} 必须是位于顶层的 .xlsx 文件</translation>
    </message>
    <message>
        <source>{path} names no assessment UID</source>
        <translation>{path} 未指明考核唯一标识</translation>
    </message>
    <message>
        <source>{path} has no revision number</source>
        <translation>{path} 没有修订号</translation>
    </message>
    <message>
        <source>the sheet {path} must be a .pdf under {folder}</source>
        <translation>考核表 {path} 必须是 {folder} 下的 .pdf 文件</translation>
    </message>
    <message>
        <source>the sheet is of assessment {named}, the manifest says {uid}</source>
        <translation>考核表属于考核 {named}，清单中为 {uid}</translation>
    </message>
    <message>
        <source>the first sheet of assessment {uid} must be the signed one</source>
        <translation>考核 {uid} 的第一份考核表必须是已签署的那份</translation>
    </message>
    <message>
        <source>revision {revision} does not extend the sheet before it as a countersignature does</source>
        <translation>修订 {revision} 不是像会签那样在前一份考核表上增量追加的</translation>
    </message>
    <message>
        <source>the sheet carries no signature</source>
        <translation>考核表没有签名</translation>
    </message>
    <message>
        <source>the signature {field} by {signer} does not verify ({problem})</source>
        <translation>{signer} 的签名 {field} 未通过验证（{problem}）</translation>
    </message>
    <message>
        <source>{size:,} bytes follow its last signature: the sheet was changed after it was signed</source>
        <translation>最后一个签名之后还有 {size:,} 字节：评估表在签名后被修改过</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>No cohort named {name!r}</source>
        <translation>没有名为 {name!r} 的班级</translation>
    </message>
    <message>
        <source>Pattern part {n} ({part!r}) is not understood: write a number of weeks or days and a place, e.g. &apos;3w school, 1w plant&apos;</source>
        <translation>模式第 {n} 部分（{part!r}）无法识别：请写周数或天数加地点，例如“3w school, 1w plant”（3周学校，1周工厂）</translation>
    </message>
    <message>
        <source>Pattern part {n} ({part!r}) lasts no day</source>
        <translation>模式第 {n} 部分（{part!r}）不足一天</translation>
    </message>
    <message>
        <source>The pattern is empty</source>
        <translation>模式为空</translation>
    </message>
    <message>
        <source>The end ({end}) is before the start ({start})</source>
        <translation>结束日期（{end}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <source>A plan from {start} to {end} is longer than ten years</source>
        <translation>从 {start} 到 {end} 的计划超过十年</translation>
    </message>
    <message>
        <source>Place {place!r} is neither &apos;school&apos; nor &apos;plant&apos;</source>
        <translation>地点 {place!r} 既不是“school”（学校）也不是“plant”（工厂）</translation>
    </message>
    <message>
        <source>Planned hours {hours} are not possible from {start} to {end}</source>
        <translation>从 {start} 到 {end} 不可能安排 {hours} 计划学时</translation>
    </message>
    <message>
        <source>The block {start} to {end} is outside the cohort {cohort}&apos;s dates ({first} to {last})</source>
        <translation>时段 {start} 至 {end} 超出班级 {cohort} 的起止日期（{first} 至 {last}）</translation>
    </message>
    <message>
        <source>The block {start} to {end} overlaps the {place} block {first} to {last}</source>
        <translation>时段 {start} 至 {end} 与 {place} 时段 {first} 至 {last} 重叠</translation>
    </message>
    <message>
        <source>The pattern {pattern!r} gives no plant day from {start} to {end}</source>
        <translation>模式 {pattern!r} 在 {start} 至 {end} 之间没有工厂实训日</translation>
    </message>
    <message>
        <source>Unknown block field {field!r}</source>
        <translation>未知的时段字段 {field!r}</translation>
    </message>
    <message>
        <source>calendar block</source>
        <translation>日历时段</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Kind {kind!r} is neither &apos;holiday&apos; nor &apos;closure&apos;</source>
        <translation>类型 {kind!r} 既不是“holiday”（节假日）也不是“closure”（停产日）</translation>
    </message>
    <message>
        <source>The label is longer than {count} characters</source>
        <translation>说明超过 {count} 个字符</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>无计划</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>按计划进行</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>落后于计划</translation>
    </message>
    <message>
        <source>The reason is longer than {count} characters</source>
        <translation>原因超过 {count} 个字符</translation>
    </message>
    <message>
        <source>{text!r} is not a list of weekdays like &apos;mon-fri&apos; or &apos;mon,wed&apos;</source>
        <translation>{text!r} 不是星期列表，应写作“mon-fri”或“mon,wed”</translation>
    </message>
    <message>
        <source>The weekdays {part!r} run backwards</source>
        <translation>星期范围 {part!r} 顺序颠倒</translation>
    </message>
    <message>
        <source>The week template has no session</source>
        <translation>周模板中没有实训课</translation>
    </message>
    <message>
        <source>Two sessions of the week share time on {day} at {start:%H:%M}</source>
        <translation>周模板中 {day} {start:%H:%M} 有两节实训课时间重叠</translation>
    </message>
    <message>
        <source>The cohort {cohort} has no week template: set its sessions first</source>
        <translation>班级 {cohort} 没有周模板：请先设置实训课</translation>
    </message>
    <message>
        <source>The cohort {cohort} has no plant block in its plan</source>
        <translation>班级 {cohort} 的计划中没有工厂时段</translation>
    </message>
    <message>
        <source>{count} planned sessions of {cohort} are no longer in the plan but have marks, ratings or notes ({sessions}): change the plan back, or delete those sessions first</source>
        <translation>{cohort} 的 {count} 节计划实训课已不在计划中，但已有考勤、评分或记录（{sessions}）：请改回计划，或先删除这些实训课</translation>
    </message>
    <message>
        <source>The session of {day} has marks, ratings or notes: it was held and cannot be cancelled</source>
        <translation>{day} 的实训课已有考勤、评分或记录：它已经举行，不能取消</translation>
    </message>
</context>
<context>
    <name>CalendarArea</name>
    <message>
        <source>school</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>plant</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>closure</source>
        <translation>停产</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation>计划学时</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Holiday, every cohort</source>
        <translation>节假日（所有班级）</translation>
    </message>
    <message>
        <source>Closure, this cohort</source>
        <translation>停产（仅本班级）</translation>
    </message>
    <message>
        <source>%1 school · %2 plant · ◆ a holiday or closure that week · the framed column is this week. Point at a week for its dates and planned hours.</source>
        <translation>%1 学校 · %2 工厂 · ◆ 该周有节假日或停产 · 带框的列是本周。鼠标指向某周可查看日期和计划学时。</translation>
    </message>
    <message>
        <source>every cohort</source>
        <translation>所有班级</translation>
    </message>
    <message>
        <source>%1 blocks from %2 to %3, %4 planned practice hours.</source>
        <translation>共 %1 个时段，%2 至 %3，计划实践 %4 学时。</translation>
    </message>
    <message>
        <source>No plan yet for %1: press New plan… to lay out its school and plant weeks</source>
        <translation>%1 还没有培养计划：请按“新建计划…”安排学校周和工厂周</translation>
    </message>
    <message>
        <source>Plan saved.</source>
        <translation>计划已保存。</translation>
    </message>
    <message>
        <source>Block saved.</source>
        <translation>时段已保存。</translation>
    </message>
    <message>
        <source>Delete block</source>
        <translation>删除时段</translation>
    </message>
    <message>
        <source>Delete the %1 block from %2 to %3? Sessions already made stay until you generate the plan&apos;s sessions again.</source>
        <translation>删除 %2 至 %3 的%1时段？已生成的课次会保留，直到您再次按计划生成课次。</translation>
    </message>
    <message>
        <source>Block deleted.</source>
        <translation>时段已删除。</translation>
    </message>
    <message>
        <source>Day off added.</source>
        <translation>已添加休息日。</translation>
    </message>
    <message>
        <source>That day is already off.</source>
        <translation>该日已是休息日。</translation>
    </message>
    <message>
        <source>Day off removed.</source>
        <translation>已删除休息日。</translation>
    </message>
    <message>
        <source>Training calendar</source>
        <translation>培养日历</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>本周(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <source>No cohorts yet. Import a roster in Sync, or give trainees a cohort in Trainees; then lay out each cohort&apos;s plan here.</source>
        <translation>还没有班级。请在“同步”中导入名册，或在“学员”中为学员指定班级；然后在这里为每个班级制定计划。</translation>
    </message>
    <message>
        <source>&amp;Blocks</source>
        <translation>时段(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Add block…</source>
        <translation>添加时段(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit block…</source>
        <translation>编辑时段(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete block…</source>
        <translation>删除时段(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Holidays and closures</source>
        <translation>节假日与停产(&amp;H)</translation>
    </message>
    <message>
        <source>What it is, e.g. National Day</source>
        <translation>说明，例如：国庆节</translation>
    </message>
    <message>
        <source>Add da&amp;y off</source>
        <translation>添加休息日(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Planned sessions</source>
        <translation>计划课次(&amp;P)</translation>
    </message>
    <message>
        <source>Week template</source>
        <translation>每周模板</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>车间(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Mentor</source>
        <translation>导师(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Save template and pre&amp;view</source>
        <translation>保存模板并预览(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Generate sessions</source>
        <translation>生成课次(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Cancel session</source>
        <translation>取消课次(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;instate</source>
        <translation>恢复(&amp;I)</translation>
    </message>
</context>
<context>
    <name>CalendarDialogs</name>
    <message>
        <source>Plant</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
</context>
<context>
    <name>CalendarWeekModel</name>
    <message>
        <source>S</source>
        <translation>校</translation>
    </message>
    <message>
        <source>P</source>
        <translation>厂</translation>
    </message>
    <message>
        <source>school</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>plant</source>
        <translation>工厂</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>closure</source>
        <translation>停产</translation>
    </message>
    <message>
        <source>%1 · week of %2</source>
        <translation>%1 · %2 这一周</translation>
    </message>
    <message>
        <source>No block planned this week</source>
        <translation>本周没有计划时段</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%1：%2 至 %3</translation>
    </message>
    <message>
        <source>, %1 planned hours</source>
        <translation>，计划 %1 学时</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>第%1周</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 这一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
</context>
<context>
    <name>Certificate</name>
    <message>
        <source>the certificate expired on {date}</source>
        <translation>证书已于 {date} 过期</translation>
    </message>
    <message>
        <source>the certificate is valid only from {date}</source>
        <translation>证书自 {date} 起才生效</translation>
    </message>
    <message>
        <source>the certificate&apos;s extensions cannot be read</source>
        <translation>无法读取证书的扩展项</translation>
    </message>
    <message>
        <source>the certificate is not meant for signing documents (its key usage allows neither digital signature nor non-repudiation)</source>
        <translation>该证书不能用于签署文档（其密钥用法既不允许数字签名，也不允许不可否认）</translation>
    </message>
    <message>
        <source>the certificate is not meant for signing documents (its extended key usage allows other purposes only)</source>
        <translation>该证书不能用于签署文档（其扩展密钥用法只允许其他用途）</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>{text}: not a SHA-256 fingerprint (64 hexadecimal digits, as AB:CD:…)</source>
        <translation>{text}：不是 SHA-256 指纹（应为 64 位十六进制数字，形如 AB:CD:…）</translation>
    </message>
    <message>
        <source>{bundle}, member {member}: signed as {signer} by certificate {fingerprint}, not the one known here for {signer} ({known}); nothing was imported</source>
        <translation>{bundle}，成员 {member}：以 {signer} 的名义由证书 {fingerprint} 签名，但本机已知的 {signer} 证书是 {known}；未导入任何内容</translation>
    </message>
    <message>
        <source>{bundle}, member {member}: signed as {signer} by certificate {fingerprint}; other sheets name {signer} with {known}; nothing was imported</source>
        <translation>{bundle}，成员 {member}：以 {signer} 的名义由证书 {fingerprint} 签名；其他评估表中 {signer} 的证书是 {known}；未导入任何内容</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>{bundle}, member {member}: the signer&apos;s name {name} mixes {alphabets} letters in one word, as a name made to look like another does; nothing was imported</source>
        <translation>{bundle}，成员 {member}：签名人姓名 {name} 在同一个词中混用了 {alphabets} 字母，这是冒充他人姓名的做法；未导入任何内容</translation>
    </message>
    <message>
        <source>{bundle}: no sheet in it is signed by certificate {fingerprint}, which you asked to accept; nothing was imported</source>
        <translation>{bundle}：其中没有任何评估表由您要求接受的证书 {fingerprint} 签名；未导入任何内容</translation>
    </message>
    <message>
        <source>certificate SHA-256 {fingerprint} accepted for {signer}: their sheets signed with it are accepted from now on</source>
        <translation>已接受证书 SHA-256 {fingerprint} 作为 {signer} 的证书：今后用它签名的评估表均予接受</translation>
    </message>
    <message>
        <source>first sheet signed by {signer} seen here: certificate SHA-256 {fingerprint}; compare it with the fingerprint {signer} gives you (mentordesk identity show on their PC)</source>
        <translation>本机首次收到 {signer} 签名的评估表：证书 SHA-256 {fingerprint}；请与 {signer} 提供给您的指纹核对（在其电脑上运行 mentordesk identity show）</translation>
    </message>
</context>
<context>
    <name>CohortReadinessPane</name>
    <message>
        <source>Cohort</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Choose a cohort and a post.</source>
        <translation>请选择班级和岗位。</translation>
    </message>
    <message>
        <source>Export readiness</source>
        <translation>导出岗位胜任度</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx);;PDF to print (*.pdf)</source>
        <translation>工作簿 (*.xlsx);;打印用 PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>At target</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>%1
target %2</source>
        <translation>%1
目标 %2</translation>
    </message>
    <message>
        <source>%1 (−%2)</source>
        <translation>%1 (−%2)</translation>
    </message>
    <message>
        <source>%1 trainees; %2 ready for %3.</source>
        <translation>共 %1 名学员；%2 名可胜任 %3。</translation>
    </message>
    <message>
        <source>No trainee in this cohort.</source>
        <translation>该班级没有学员。</translation>
    </message>
</context>
<context>
    <name>Cohorts</name>
    <message>
        <source>No cohort named {name!r}</source>
        <translation>没有名为 {name!r} 的班级</translation>
    </message>
    <message>
        <source>cohort</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>No programme named {name!r}</source>
        <translation>没有名为 {name!r} 的培养项目</translation>
    </message>
    <message>
        <source>Cohort name</source>
        <translation>班级名称</translation>
    </message>
    <message>
        <source>A cohort named {name!r} already exists</source>
        <translation>名为 {name!r} 的班级已存在</translation>
    </message>
    <message>
        <source>No cohort with id {uid}</source>
        <translation>没有 ID 为 {uid} 的班级</translation>
    </message>
</context>
<context>
    <name>CountersignDialog</name>
    <message>
        <source>Countersign as the school teacher</source>
        <translation>以学校教师身份会签</translation>
    </message>
    <message>
        <source>The teacher&apos;s comment, printed in the box</source>
        <translation>教师评语，将打印在签字框内</translation>
    </message>
    <message>
        <source>(no result)</source>
        <translation>（不填结果）</translation>
    </message>
    <message>
        <source>Your countersignature is added to the signed sheet; the mentor&apos;s signature stays valid.</source>
        <translation>您的会签将追加到已签署的考核表上；导师的签名仍然有效。</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <source>Countersign…</source>
        <translation>会签…</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>attendance totals disagree with the records in {months} trainee-months; run `mentordesk check --repair`</source>
        <translation>考勤合计与记录不一致（涉及 {months} 个“学员-月”）；请运行 `mentordesk check --repair`</translation>
    </message>
    <message>
        <source>{moved} attendance records carry another date than their session&apos;s; run `mentordesk check --repair`</source>
        <translation>{moved} 条考勤记录的日期与所属课次的日期不同；请运行 `mentordesk check --repair`</translation>
    </message>
    <message>
        <source>{folder}: folder does not exist</source>
        <translation>{folder}：文件夹不存在</translation>
    </message>
    <message>
        <source>{url}: not a database MentorDesk can use; give a SQLite file&apos;s path or a PostgreSQL URL such as postgresql+psycopg2://user@host/mentordesk</source>
        <translation>{url}：不是 MentorDesk 可用的数据库；请给出 SQLite 文件的路径，或 PostgreSQL 地址，例如 postgresql+psycopg2://user@host/mentordesk</translation>
    </message>
    <message>
        <source>{url}: unknown database driver</source>
        <translation>{url}：未知的数据库驱动</translation>
    </message>
    <message>
        <source>{backend}: its driver ({module}) is not installed; install it with pip install &apos;mentordesk[{extra}]&apos;</source>
        <translation>{backend}：其驱动（{module}）未安装；请用 pip install &apos;mentordesk[{extra}]&apos; 安装</translation>
    </message>
    <message>
        <source>This database was written by a newer MentorDesk (schema {schema}); install that version or newer to open it.</source>
        <translation>此数据库由更新版本的 MentorDesk 写入（架构版本 {schema}）；请安装该版本或更高版本后再打开。</translation>
    </message>
    <message>
        <source>This database was not created by MentorDesk (no schema version found).</source>
        <translation>此数据库不是由 MentorDesk 创建的（未找到架构版本）。</translation>
    </message>
    <message>
        <source>latest skill levels disagree with the ratings for {pairs} trainee-skill pairs; run `mentordesk check --repair`</source>
        <translation>最新技能等级与技能评定记录不一致（涉及 {pairs} 个“学员-技能”）；请运行 `mentordesk check --repair`</translation>
    </message>
    <message>
        <source>{uri}: give the path of a database file on this computer</source>
        <translation>{uri}：请给出本机上数据库文件的路径</translation>
    </message>
    <message>
        <source>the marks kept as not expected disagree with the records in {marks} marks; run `mentordesk check --repair`</source>
        <translation>记录为“非应到”的出勤标记与记录不一致，涉及 {marks} 条标记；请运行 `mentordesk check --repair`</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The database already holds trainees; demo data loads only into an empty one</source>
        <translation>数据库中已有学员；演示数据只能载入空数据库</translation>
    </message>
</context>
<context>
    <name>EmptyRosterNotice</name>
    <message>
        <source>No workshop session yet. Press Ctrl+N to create one for a cohort. No cohort or trainees yet? Import the school&apos;s roster workbook in Sync first.</source>
        <translation>还没有课次。按 Ctrl+N 为一个班级新建课次。还没有班级或学员？请先在“同步”中导入学校的名册工作簿。</translation>
    </message>
    <message>
        <source>%1 has no trainees, so there is nobody to mark. Import the school&apos;s roster workbook in Sync (or add trainees in Trainees), or pick another session in the Session box.</source>
        <translation>%1 没有学员，因此无人可记录考勤。请在“同步”中导入学校的名册工作簿（或在“学员”中添加学员），或在课次框中选择其他课次。</translation>
    </message>
    <message>
        <source>None of the %1 trainees of %2 is active on %3: withdrawn, graduated, left or not yet enrolled. Check their status and dates in Trainees, or pick another session in the Session box.</source>
        <translation>%2 的 %1 名学员在 %3 都不在训：已退出、已结业、已离开或尚未入学。请在“学员”中检查他们的状态和日期，或在课次框中选择其他课次。</translation>
    </message>
</context>
<context>
    <name>EntryRules</name>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} 年</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 个月</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} 个月</translation>
    </message>
    <message>
        <source>{years} {months}</source>
        <translation>{years} {months}</translation>
    </message>
    <message>
        <source>no hire date</source>
        <translation>没有入职日期</translation>
    </message>
    <message>
        <source>{service} of service, the cohort asks at least {least}</source>
        <translation>工龄 {service}，本班要求至少 {least}</translation>
    </message>
    <message>
        <source>no post; the cohort admits {posts}</source>
        <translation>没有岗位；本班接收：{posts}</translation>
    </message>
    <message>
        <source>post {post} is not among {posts}</source>
        <translation>岗位 {post} 不在 {posts} 之列</translation>
    </message>
    <message>
        <source>{one}; {other}</source>
        <translation>{one}；{other}</translation>
    </message>
    <message>
        <source>meets the entry rules</source>
        <translation>符合入班条件</translation>
    </message>
    <message>
        <source>No cohort named {name!r}</source>
        <translation>没有名为 {name!r} 的班级</translation>
    </message>
    <message>
        <source>Post {post!r} is not a known post (known: {known})</source>
        <translation>岗位 {post!r} 不是已有岗位（已有：{known}）</translation>
    </message>
    <message>
        <source>Minimum years of service must be 0 to {most}, not {years}</source>
        <translation>最低工龄应为 0 至 {most} 年，而不是 {years}</translation>
    </message>
    <message>
        <source>{sheet} row {row} {record}: meets the entry rules of {cohort}</source>
        <translation>{sheet} 第 {row} 行 {record}：符合 {cohort} 的入班条件</translation>
    </message>
    <message>
        <source>{sheet} row {row} {record}: does not meet the entry rules of {cohort}: {reason} (imported all the same; HR decides)</source>
        <translation>{sheet} 第 {row} 行 {record}：不符合 {cohort} 的入班条件：{reason}（仍会导入，由人力资源部决定）</translation>
    </message>
    <message>
        <source>{day} is in the future (today is {today})</source>
        <translation>{day} 晚于今天（今天是 {today}）</translation>
    </message>
    <message>
        <source>Hire date: {problem}</source>
        <translation>入职日期：{problem}</translation>
    </message>
</context>
<context>
    <name>ErrorReporting</name>
    <message>
        <source>MentorDesk</source>
        <translation>MentorDesk</translation>
    </message>
    <message>
        <source>Something went wrong. Your saved work is safe.</source>
        <translation>出了点问题，已保存的数据不受影响。</translation>
    </message>
    <message>
        <source>MentorDesk recorded the details in %1. You can keep working.</source>
        <translation>MentorDesk 已将详细信息记录在 %1 中，您可以继续工作。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>sheet {sheet}, row {row}, column {column}: {length:,} characters, more than the {limit:,} a spreadsheet cell holds (record {record}); shorten it and export again. Nothing was written.</source>
        <translation>工作表 {sheet}，第 {row} 行，{column} 列：{length:,} 个字符，超过电子表格单元格可容纳的 {limit:,} 个（记录 {record}）；请缩短后重新导出。未写入任何内容。</translation>
    </message>
    <message>
        <source>{file}: a results workbook must be saved as .xlsx</source>
        <translation>{file}：结果工作簿必须保存为 .xlsx</translation>
    </message>
    <message>
        <source>{path}: the folder {folder} does not exist</source>
        <translation>{path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>{sheet}: {done:,} of {total:,} rows</source>
        <translation>{sheet}：已完成 {done:,} / {total:,} 行</translation>
    </message>
    <message>
        <source>{sheet}: {total:,} rows</source>
        <translation>{sheet}：共 {total:,} 行</translation>
    </message>
    <message>
        <source>Saving the workbook</source>
        <translation>正在保存工作簿</translation>
    </message>
    <message>
        <source>{file}: a bundle must be saved as .zip</source>
        <translation>{file}：数据包必须保存为 .zip 文件</translation>
    </message>
    <message>
        <source>Signed sheets: {count:,}</source>
        <translation>已签署考核表：{count:,}</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>The period&apos;s end ({end}) is before its start ({start})</source>
        <translation>时段的结束日期（{end}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <source>The suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>The school&apos;s reply</source>
        <translation>学校的回复</translation>
    </message>
    <message>
        <source>Who replied</source>
        <translation>回复人</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback to the school</source>
        <translation>对学校的反馈</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Period (— = open)</source>
        <translation>时段（— 表示不限）</translation>
    </message>
    <message>
        <source>What should the school teach differently, and why?</source>
        <translation>学校在教学上应做哪些调整？原因是什么？</translation>
    </message>
    <message>
        <source>Save suggestions</source>
        <translation>保存建议</translation>
    </message>
    <message>
        <source>The mentor&apos;s suggestions</source>
        <translation>企业导师的建议</translation>
    </message>
    <message>
        <source>The school&apos;s answer, typed by its teacher</source>
        <translation>学校的答复（由学校教师填写）</translation>
    </message>
    <message>
        <source>Teacher&apos;s name</source>
        <translation>教师姓名</translation>
    </message>
    <message>
        <source>Save reply</source>
        <translation>保存回复</translation>
    </message>
    <message>
        <source>The school&apos;s reply</source>
        <translation>学校回复</translation>
    </message>
    <message>
        <source>English and Chinese</source>
        <translation>中英文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Save report as PDF…</source>
        <translation>将报告保存为 PDF…</translation>
    </message>
    <message>
        <source>Written by %1</source>
        <translation>填写人：%1</translation>
    </message>
    <message>
        <source>Replied on %1</source>
        <translation>回复于 %1</translation>
    </message>
    <message>
        <source>No reply yet</source>
        <translation>尚无回复</translation>
    </message>
    <message>
        <source>Suggestions saved.</source>
        <translation>建议已保存。</translation>
    </message>
    <message>
        <source>Reply saved.</source>
        <translation>回复已保存。</translation>
    </message>
    <message>
        <source>Save the feedback report</source>
        <translation>保存反馈报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved: %1 (%2 pages)</source>
        <translation>报告已保存：%1（共 %2 页）</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>已经存在</translation>
    </message>
    <message>
        <source>{path}: cannot write ({reason})</source>
        <translation>{path}：无法写入（{reason}）</translation>
    </message>
    <message>
        <source>{path}: is a file, not a folder</source>
        <translation>{path}：这是文件，不是文件夹</translation>
    </message>
    <message>
        <source>{path}: is a folder; give a file name</source>
        <translation>{path}：这是文件夹，请给出文件名</translation>
    </message>
    <message>
        <source>{path}: the folder {folder} does not exist</source>
        <translation>{path}：文件夹 {folder} 不存在</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>&amp;Skip this step</source>
        <translation>跳过此步(&amp;S)</translation>
    </message>
    <message>
        <source>Enterprise mentor</source>
        <translation>企业导师</translation>
    </message>
    <message>
        <source>Workshop supervisor</source>
        <translation>车间主管</translation>
    </message>
    <message>
        <source>School teacher</source>
        <translation>学校教师</translation>
    </message>
    <message>
        <source>School coordinator</source>
        <translation>学校协调员</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>人力资源</translation>
    </message>
    <message>
        <source>&amp;Keep the records already in this database</source>
        <translation>保留数据库中已有的记录(&amp;K)</translation>
    </message>
    <message>
        <source>Your signing identity is ready.</source>
        <translation>您的签名身份已就绪。</translation>
    </message>
    <message>
        <source>&amp;Replace it…</source>
        <translation>更换(&amp;R)…</translation>
    </message>
    <message>
        <source>Save your profile: %1, %2.</source>
        <translation>保存您的个人资料：%1，%2。</translation>
    </message>
    <message>
        <source>Save your profile: %1, %2, %3.</source>
        <translation>保存您的个人资料：%1，%2，%3。</translation>
    </message>
    <message>
        <source>Keep your profile as it is.</source>
        <translation>保持个人资料不变。</translation>
    </message>
    <message>
        <source>Leave your profile empty for now.</source>
        <translation>暂不填写个人资料。</translation>
    </message>
    <message>
        <source>Load the demo data.</source>
        <translation>载入演示数据。</translation>
    </message>
    <message>
        <source>Open the roster import.</source>
        <translation>打开名册导入。</translation>
    </message>
    <message>
        <source>Start with the database as it is.</source>
        <translation>按数据库现状开始使用。</translation>
    </message>
    <message>
        <source>Ask for a signing identity the first time you sign an assessment.</source>
        <translation>在您第一次签署考核时再设置签名身份。</translation>
    </message>
    <message>
        <source>Welcome to MentorDesk</source>
        <translation>欢迎使用 MentorDesk</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>关于您</translation>
    </message>
    <message>
        <source>Your name and role appear on the records you make and the sheets you sign.</source>
        <translation>您的姓名和角色会出现在您录入的记录和签署的考核表上。</translation>
    </message>
    <message>
        <source>Your na&amp;me</source>
        <translation>您的姓名(&amp;M)</translation>
    </message>
    <message>
        <source>for example Zhang Wei</source>
        <translation>例如：张伟</translation>
    </message>
    <message>
        <source>Your &amp;role</source>
        <translation>您的角色(&amp;R)</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>您的单位</translation>
    </message>
    <message>
        <source>The plant, workshop or school you work for. It is printed on assessment sheets.</source>
        <translation>您所在的工厂、车间或学校，会打印在考核表上。</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <source>for example Northbay Iron &amp; Steel Co., hot strip mill</source>
        <translation>例如：北湾钢铁公司热轧厂</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Look around with demo data, bring in the school&apos;s roster, or begin with an empty database.</source>
        <translation>可以先用演示数据熟悉软件，也可以导入学校的名册，或从空数据库开始。</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>载入演示数据(&amp;D)</translation>
    </message>
    <message>
        <source>A steel plant&apos;s rolling and steelmaking order classes: 80 trainees with a few weeks of attendance, ratings and notes.</source>
        <translation>一家钢厂的轧钢和炼钢订单班：80 名学员，含几周的考勤、技能评定和观察记录。</translation>
    </message>
    <message>
        <source>&amp;Import a roster workbook from the school</source>
        <translation>导入学校提供的名册工作簿(&amp;I)</translation>
    </message>
    <message>
        <source>The import opens after this set-up, in the Sync area.</source>
        <translation>设置完成后，将在“同步”页面中打开导入。</translation>
    </message>
    <message>
        <source>Start with an &amp;empty database</source>
        <translation>从空数据库开始(&amp;E)</translation>
    </message>
    <message>
        <source>This database already holds trainees, so demo data cannot be loaded into it.</source>
        <translation>此数据库中已有学员，因此无法载入演示数据。</translation>
    </message>
    <message>
        <source>Your signing identity</source>
        <translation>您的签名身份</translation>
    </message>
    <message>
        <source>Mentors sign assessment sheets with a personal key kept on this computer and protected by a passphrase.</source>
        <translation>导师使用保存在本机、受口令保护的个人密钥签署考核表。</translation>
    </message>
    <message>
        <source>Create one now (a key and a certificate, under a passphrase you choose), or import a PKCS#12 file you already have.</source>
        <translation>可以现在创建（一把密钥和一张证书，用您设定的口令保护），也可以导入已有的 PKCS#12 文件。</translation>
    </message>
    <message>
        <source>Set &amp;up my signing identity…</source>
        <translation>设置我的签名身份(&amp;U)…</translation>
    </message>
    <message>
        <source>If you skip this step, MentorDesk asks for it the first time you sign an assessment.</source>
        <translation>如果跳过此步，MentorDesk 会在您第一次签署考核时提示您设置。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>When you finish, MentorDesk does the following. Your profile can be changed later in Settings.</source>
        <translation>完成后，MentorDesk 将执行以下操作。个人资料以后可以在“设置”中更改。</translation>
    </message>
</context>
<context>
    <name>HandBack</name>
    <message>
        <source>The PIN must be {low} to {high} digits</source>
        <translation>PIN 必须是 {low} 到 {high} 位数字</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice</source>
        <translation>两次输入的 PIN 不一致：请输入相同的 PIN 两次</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over for self-assessment</source>
        <translation>交给学员自评</translation>
    </message>
    <message>
        <source>%1 will see only their own skills and rate them. Choose a PIN: it is needed to leave self-assessment.</source>
        <translation>%1 只能看到并评定自己的技能。请设置一个 PIN：退出自评时需要输入。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
</context>
<context>
    <name>HandedOverWindow</name>
    <message>
        <source>Hand back to mentor</source>
        <translation>交还给导师</translation>
    </message>
    <message>
        <source>Mentor&apos;s PIN:</source>
        <translation>导师 PIN：</translation>
    </message>
    <message>
        <source>That is not the mentor&apos;s PIN.</source>
        <translation>PIN 不正确。</translation>
    </message>
</context>
<context>
    <name>HireFields</name>
    <message>
        <source>Meets the cohort&apos;s entry rules</source>
        <translation>符合本班入班条件</translation>
    </message>
    <message>
        <source>Not yet eligible: %1</source>
        <translation>暂不符合入班条件：%1</translation>
    </message>
</context>
<context>
    <name>Hours</name>
    <message>
        <source>{hours} h</source>
        <translation>{hours}小时</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}小时{minutes}分</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Signing identity</source>
        <translation>签名身份</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Import PKCS#12</source>
        <translation>导入 PKCS#12</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>PKCS#12 文件 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Passphrase of %1</source>
        <translation>%1 的口令</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>To sign sheets you need a signing identity: a key and a certificate, kept on this computer under a passphrase. Create one here (send the certificate to the school afterwards), or import a PKCS#12 file you already have.</source>
        <translation>签署考核表需要一个签名身份：一把密钥和一张证书，以口令加密保存在本机。可在此创建（之后把证书发给学校），或导入已有的 PKCS#12 文件。</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>单位(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>口令(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>再次输入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import PKCS#12…</source>
        <translation>导入 PKCS#12(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>KnownCertificatesDialog</name>
    <message>
        <source>Known certificates</source>
        <translation>已知证书</translation>
    </message>
    <message>
        <source>A bundle&apos;s sheet signed in one of these names by another certificate is refused until you accept that certificate.</source>
        <translation>数据包中以下列姓名签名、但所用证书不同的评估表将被拒绝，直到您接受该证书。</translation>
    </message>
    <message>
        <source>signed here</source>
        <translation>在本机签名</translation>
    </message>
    <message>
        <source>first seen</source>
        <translation>首次收到</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 指纹</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Seen in</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MentorDesk</source>
        <translation>MentorDesk</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>培养项目</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Opening your records…</source>
        <translation>正在打开记录…</translation>
    </message>
    <message>
        <source>profile not set (Settings)</source>
        <translation>尚未设置个人资料（设置）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>课次</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>技能评定</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>观察记录</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>no trainee with Trainee ID {id} here or in the Trainees sheet</source>
        <translation>本机和 Trainees 工作表中都没有学号为 {id} 的学员</translation>
    </message>
    <message>
        <source>{what} UID is empty</source>
        <translation>{what} UID 为空</translation>
    </message>
    <message>
        <source>no {what} with UID {uid} here or in this workbook</source>
        <translation>本机和此工作簿中都没有 UID 为 {uid} 的{what}</translation>
    </message>
    <message>
        <source>column {column}: {problem}</source>
        <translation>{column} 列：{problem}</translation>
    </message>
    <message>
        <source>column {column}: {length:,} characters, more than the {limit} allowed</source>
        <translation>{column} 列：{length:,} 个字符，超过允许的 {limit} 个</translation>
    </message>
    <message>
        <source>column {column}: UID {uid} is also on row {row} of this sheet; one row per record</source>
        <translation>{column} 列：UID {uid} 也出现在本表第 {row} 行；每条记录只能占一行</translation>
    </message>
    <message>
        <source>{sheet}: row {row:,}</source>
        <translation>{sheet}：第 {row:,} 行</translation>
    </message>
    <message>
        <source>Trainee ID and Name must not be empty</source>
        <translation>学号（Trainee ID）和姓名（Name）不能为空</translation>
    </message>
    <message>
        <source>Trainee ID {id} belongs to another trainee here</source>
        <translation>学号 {id} 在本机已属于另一名学员</translation>
    </message>
    <message>
        <source>Date is empty</source>
        <translation>日期（Date）为空</translation>
    </message>
    <message>
        <source>Status is empty</source>
        <translation>状态（Status）为空</translation>
    </message>
    <message>
        <source>no skill {code} of rubric {rubric} here</source>
        <translation>本机没有评价标准 {rubric} 中的技能 {code}</translation>
    </message>
    <message>
        <source>Level and Rated On must not be empty</source>
        <translation>等级（Level）和评定日期（Rated On）不能为空</translation>
    </message>
    <message>
        <source>column Rater Role: {problem}</source>
        <translation>评定人角色列：{problem}</translation>
    </message>
    <message>
        <source>Written At is empty</source>
        <translation>记录时间（Written At）为空</translation>
    </message>
    <message>
        <source>Period Start and Period End must not be empty</source>
        <translation>起始日期（Period Start）和截止日期（Period End）不能为空</translation>
    </message>
    <message>
        <source>column {column}: {state!r} is not one of: {allowed}</source>
        <translation>{column} 列：{state!r} 不是以下之一：{allowed}</translation>
    </message>
    <message>
        <source>column {column}: {state!r} cannot come from a spreadsheet row; a signed assessment arrives only with the signed PDF it names, its hash and signatures verified (in a bundle)</source>
        <translation>{column} 列：{state!r} 不能来自电子表格中的行；已签署的评估只能随其所指的已签署 PDF 一起到达，且其哈希和签名须经验证（在数据包中）</translation>
    </message>
    <message>
        <source>assessment {uid} is signed here and a spreadsheet row cannot change it; changing a signed sheet takes an amendment, signed</source>
        <translation>评估 {uid} 在此已签署，电子表格中的行不能更改它；更改已签署的评估表须签署一份修订</translation>
    </message>
    <message>
        <source>conflicting version already kept as {uid}</source>
        <translation>冲突版本已保留为 {uid}</translation>
    </message>
    <message>
        <source>a different signed version of {uid} exists here; both kept (the incoming one as {copy})</source>
        <translation>本机已有 {uid} 的另一个已签署版本；两者均已保留（传入的版本保存为 {copy}）</translation>
    </message>
    <message>
        <source>{sheet} row {row}: two different signed versions of assessment {uid}; both kept, the incoming one as {copy}</source>
        <translation>{sheet} 第 {row} 行：考核 {uid} 有两个不同的已签署版本；两者均已保留，传入的版本保存为 {copy}</translation>
    </message>
    <message>
        <source>{sheet} row {row}: assessment {uid} and {rival} are both signed for the same trainee, period and version; both kept</source>
        <translation>{sheet} 第 {row} 行：考核 {uid} 和 {rival} 均已签署，且学员、考核期和版本都相同；两者均已保留</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>正在合并</translation>
    </message>
    <message>
        <source>column {column}: UID {uid} is a plan block here, not a day off</source>
        <translation>{column} 列：唯一标识 {uid} 在本机是计划时段，不是休息日</translation>
    </message>
    <message>
        <source>column {column}: UID {uid} is a day off here, not a block</source>
        <translation>{column} 列：唯一标识 {uid} 在本机是休息日，不是计划时段</translation>
    </message>
    <message>
        <source>column {column}: empty</source>
        <translation>{column} 列：为空</translation>
    </message>
    <message>
        <source>column {column}: a {place} block belongs to a cohort</source>
        <translation>{column} 列：{place} 时段必须属于一个班级</translation>
    </message>
    <message>
        <source>column {column}: {hours} hours are not possible from {start} to {end}</source>
        <translation>{column} 列：从 {start} 到 {end} 不可能有 {hours} 学时</translation>
    </message>
    <message>
        <source>column {column}: a {place} is one day, so End must be the same as Start</source>
        <translation>{column} 列：{place} 只有一天，结束日期必须与开始日期相同</translation>
    </message>
    <message>
        <source>column {column}: a {place} plans no hours</source>
        <translation>{column} 列：{place} 不计划学时</translation>
    </message>
    <message>
        <source>assessment {uid} is neither here nor in this bundle&apos;s workbook</source>
        <translation>考核 {uid} 既不在本机，也不在此数据包的工作簿中</translation>
    </message>
    <message>
        <source>assessment {uid} is not signed here; its sheet was not kept</source>
        <translation>考核 {uid} 在本机未签署；其考核表未保存</translation>
    </message>
    <message>
        <source>this countersigned sheet does not extend the sheet held here for assessment {uid} (it was countersigned on another copy); it was not kept</source>
        <translation>此会签考核表不是在本机所存考核 {uid} 的考核表上追加的（是在另一份副本上会签的）；未保存</translation>
    </message>
    <message>
        <source>column {column}: {end} is before the period&apos;s start {start}</source>
        <translation>列 {column}：{end} 早于时段的开始日期 {start}</translation>
    </message>
</context>
<context>
    <name>MissingMarksModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>课次</translation>
    </message>
    <message>
        <source>Unrecorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>%1 of %2 unrecorded</source>
        <translation>%2 人中 %1 人未记录</translation>
    </message>
</context>
<context>
    <name>MissingMarksPanel</name>
    <message>
        <source>Looking for missing marks…</source>
        <translation>正在查找漏记的考勤…</translation>
    </message>
    <message>
        <source>Nothing is missing: every trainee expected at a session of the last %1 days has a mark.</source>
        <translation>没有漏记：最近 %1 天各课次的应到学员都已记录考勤。</translation>
    </message>
    <message>
        <source>%1 sessions of the last %2 days have expected trainees without a mark (%3 marks in all). Arrow keys choose, Enter opens the session at the first of them.</source>
        <translation>最近 %2 天有 %1 个课次存在未记录考勤的应到学员（共 %3 条）。用方向键选择，按 Enter 打开该课次并定位到第一位未记录的学员。</translation>
    </message>
</context>
<context>
    <name>NewAssessmentForm</name>
    <message>
        <source>&amp;Cohort</source>
        <translation>班级(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Trainee</source>
        <translation>学员(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save sheets in</source>
        <translation>保存到(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Sign the drafts that have a result (asks for your passphrase once)</source>
        <translation>签署已填写结果的草稿（只需输入一次口令）</translation>
    </message>
</context>
<context>
    <name>NoteCategory</name>
    <message>
        <source>Teamwork</source>
        <translation>团队协作</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>沟通</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>主动性</translation>
    </message>
    <message>
        <source>Innovation</source>
        <translation>创新</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Note category {category!r} is not one of: {allowed}</source>
        <translation>观察记录类别 {category!r} 无效，应为以下之一：{allowed}</translation>
    </message>
    <message>
        <source>The note&apos;s text</source>
        <translation>观察记录内容</translation>
    </message>
    <message>
        <source>A note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No note with id {uid}</source>
        <translation>没有 ID 为 {uid} 的观察记录</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>&amp;Teamwork</source>
        <translation>团队协作(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Communication</source>
        <translation>沟通(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Safety</source>
        <translation>安全(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Initiative</source>
        <translation>主动性(&amp;I)</translation>
    </message>
    <message>
        <source>In&amp;novation</source>
        <translation>创新(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Attitude</source>
        <translation>态度(&amp;A)</translation>
    </message>
    <message>
        <source>Ot&amp;her</source>
        <translation>其他(&amp;H)</translation>
    </message>
    <message>
        <source>Alt + the underlined letter</source>
        <translation>Alt + 带下划线的字母</translation>
    </message>
    <message>
        <source>Choose a trainee in the list</source>
        <translation>请先选择学员</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>尚无观察记录。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>note</source>
        <translation>观察记录</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>The work stopped on an unexpected error: %1</source>
        <translation>工作因意外错误而中止：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PassToTraineeWindow</name>
    <message>
        <source>Assessment sheet for %1</source>
        <translation>%1 的考核表</translation>
    </message>
    <message>
        <source>Your assessment sheet</source>
        <translation>你的考核表</translation>
    </message>
    <message>
        <source>Read the sheet. If you have read it, give your name and sign in the box: your signature goes into the trainee box, and your mentor&apos;s signature covers it.</source>
        <translation>请阅读考核表。阅读后请填写姓名并在框内签名：你的签名将放入学员签字栏，导师的签名会覆盖并保护它。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的姓名</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>你的签名</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>I have read this sheet</source>
        <translation>我已阅读本表</translation>
    </message>
    <message>
        <source>Hand back to mentor…</source>
        <translation>交还导师…</translation>
    </message>
    <message>
        <source>Sign in the box first.</source>
        <translation>请先在框内签名。</translation>
    </message>
    <message>
        <source>Thank you. Please hand the PC back to your mentor.</source>
        <translation>谢谢。请把电脑交还给导师。</translation>
    </message>
</context>
<context>
    <name>PassphrasePrompt</name>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Sheets for a cohort</source>
        <translation>班级考核表</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>新建考核</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>全部班级</translation>
    </message>
    <message>
        <source>Save sheets in</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>考核期的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose an existing folder for the sheets.</source>
        <translation>请选择一个已存在的文件夹来保存考核表。</translation>
    </message>
    <message>
        <source>Choose a trainee.</source>
        <translation>请选择学员。</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>&apos;{text}&apos; is not a date as YYYY-MM-DD, like 2026-11-20</source>
        <translation>“{text}”不是 YYYY-MM-DD 格式的日期（例如 2026-11-20）</translation>
    </message>
    <message>
        <source>{day} is out of range: dates run from {first} to {last}</source>
        <translation>{day} 超出范围：日期须在 {first} 至 {last} 之间</translation>
    </message>
    <message>
        <source>The period starts on {start}, after it ends on {end}</source>
        <translation>时段的开始日期 {start} 晚于结束日期 {end}</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>&amp;Cohort</source>
        <translation>班级(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Alternation</source>
        <translation>工学交替(&amp;A)</translation>
    </message>
    <message>
        <source>Every &amp;weekday in the plant</source>
        <translation>每个工作日在工厂(&amp;W)</translation>
    </message>
    <message>
        <source>One &amp;block</source>
        <translation>单个时段(&amp;B)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Weeks at &amp;school</source>
        <translation>在学校周数(&amp;S)</translation>
    </message>
    <message>
        <source>then weeks in the p&amp;lant</source>
        <translation>然后在工厂周数(&amp;L)</translation>
    </message>
    <message>
        <source>The two repeat from the first day to the last.</source>
        <translation>两者从起始日到结束日循环交替。</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>结束(&amp;T)</translation>
    </message>
    <message>
        <source>Planned &amp;hours of the block</source>
        <translation>该时段计划学时(&amp;H)</translation>
    </message>
    <message>
        <source>Planned &amp;hours per plant day</source>
        <translation>每个在厂日计划学时(&amp;H)</translation>
    </message>
</context>
<context>
    <name>PlannedSessionsPanel</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>车间</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动新建</translation>
    </message>
    <message>
        <source>Sessions from %1 on:</source>
        <translation>%1 起的课次：</translation>
    </message>
    <message>
        <source>No session from %1 on. Fill in the week template, preview, then generate.</source>
        <translation>%1 起没有课次。请填写每周模板，预览后再生成。</translation>
    </message>
    <message>
        <source>(no mentor)</source>
        <translation>（无导师）</translation>
    </message>
    <message>
        <source>The template changed: preview again before generating.</source>
        <translation>模板已更改：生成前请重新预览。</translation>
    </message>
    <message>
        <source>Generating would add %1 sessions, take away %2 and keep %3.</source>
        <translation>生成将新增 %1 个课次，移除 %2 个，保留 %3 个。</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <source>Taken away: %1</source>
        <translation>移除：%1</translation>
    </message>
    <message>
        <source>Week template saved; nothing else has changed yet.</source>
        <translation>每周模板已保存；其他内容尚未更改。</translation>
    </message>
    <message>
        <source>%1 sessions added, %2 taken away.</source>
        <translation>已新增 %1 个课次，移除 %2 个。</translation>
    </message>
    <message>
        <source>Session of %1 cancelled.</source>
        <translation>%1 的课次已取消。</translation>
    </message>
    <message>
        <source>Session of %1 reinstated.</source>
        <translation>%1 的课次已恢复。</translation>
    </message>
</context>
<context>
    <name>Posts</name>
    <message>
        <source>{count} posts are named {name!r}; give the id</source>
        <translation>有 {count} 个岗位名为 {name!r}；请给出唯一标识</translation>
    </message>
    <message>
        <source>No post named {name!r}</source>
        <translation>没有名为 {name!r} 的岗位</translation>
    </message>
    <message>
        <source>Rubric {rubric!r} already has a post {name!r}</source>
        <translation>评价标准 {rubric!r} 已有岗位 {name!r}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Fields / reason</source>
        <translation>字段 / 原因</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Saved the sheet as %1</source>
        <translation>考核表已保存为 %1</translation>
    </message>
    <message>
        <source>Opened %1 in your PDF viewer.</source>
        <translation>已在 PDF 阅读器中打开 %1。</translation>
    </message>
    <message>
        <source>No program to show PDF files is installed on this computer, so the sheet could not be opened. It is saved as:
%1

Install a PDF reader to open it, or use Print… or Save PDF… here.</source>
        <translation>这台电脑没有安装能显示 PDF 文件的程序，所以无法打开考核表。它已保存为：
%1

请安装 PDF 阅读器后打开，或在此处使用“打印…”或“保存 PDF…”。</translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation>没有 PDF 阅读器</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Edit programme</source>
        <translation>编辑培养项目</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>新建培养项目</translation>
    </message>
    <message>
        <source>Not set: choose the kind</source>
        <translation>未设置：请选择类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>Programmes</name>
    <message>
        <source>programme</source>
        <translation>培养项目</translation>
    </message>
    <message>
        <source>New programme {names}: its kind is not set. Choose it in Programmes or with mentordesk programme edit NAME --kind KIND ({kinds})</source>
        <translation>新项目 {names}：尚未设置项目类型。请在“培养项目”中选择，或运行 mentordesk programme edit 名称 --kind 类型（{kinds}）</translation>
    </message>
    <message>
        <source>Programme kind {kind!r} is not one of: {allowed}</source>
        <translation>培养项目类型 {kind!r} 无效，应为以下之一：{allowed}</translation>
    </message>
    <message>
        <source>Programme end date is before its start date</source>
        <translation>培养项目的结束日期早于开始日期</translation>
    </message>
    <message>
        <source>Programme name</source>
        <translation>培养项目名称</translation>
    </message>
    <message>
        <source>A programme named {name!r} already exists</source>
        <translation>名为 {name!r} 的培养项目已存在</translation>
    </message>
    <message>
        <source>Programme {name!r} is used by cohorts: {cohorts}; move them first</source>
        <translation>培养项目 {name!r} 仍有班级在使用：{cohorts}；请先将这些班级移出</translation>
    </message>
    <message>
        <source>Programme {name!r} is used by rubrics: {rubrics}; give them another programme first</source>
        <translation>培养项目 {name!r} 正被评价标准使用：{rubrics}；请先为它们指定其他项目</translation>
    </message>
</context>
<context>
    <name>ProgrammesArea</name>
    <message>
        <source>Programmes</source>
        <translation>培养项目</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Cohort readiness</source>
        <translation>班级岗位胜任度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add staff member…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>No programme yet: add one with New programme…</source>
        <translation>尚无培养项目：请用“新建项目…”添加</translation>
    </message>
    <message>
        <source>Delete programme %1?</source>
        <translation>删除培养项目 %1？</translation>
    </message>
    <message>
        <source>Withdraw programme %1?</source>
        <translation>停用培养项目 %1？</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancelled; nothing was changed</source>
        <translation>已取消；未做任何更改</translation>
    </message>
</context>
<context>
    <name>RatingCellDelegate</name>
    <message>
        <source>before: %1</source>
        <translation>之前：%1</translation>
    </message>
    <message>
        <source>%1 was %2</source>
        <translation>%1 原为 %2</translation>
    </message>
</context>
<context>
    <name>RatingGridModel</name>
    <message>
        <source>Not rated at this session — type a level number</source>
        <translation>本课次未评定 — 输入等级数字</translation>
    </message>
    <message>
        <source>Before: %1 %2 (%3)</source>
        <translation>之前：%1 %2（%3）</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <source>Type a level number to rate; Delete clears.</source>
        <translation>输入等级数字进行评定；按 Delete 清除。</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>清除 %1</translation>
    </message>
    <message>
        <source>The rubric has no skills to rate.</source>
        <translation>评价标准中没有可评定的技能。</translation>
    </message>
    <message>
        <source>Nobody to rate at this session: the Attendance tab says why.</source>
        <translation>本课次没有可评定的学员：原因见“考勤”标签页。</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评定</translation>
    </message>
    <message>
        <source>Type a level number to rate.</source>
        <translation>输入等级数字进行评定。</translation>
    </message>
    <message>
        <source>Before: %1 %2 (%3)</source>
        <translation>之前：%1 %2（%3）</translation>
    </message>
    <message>
        <source>Not rated before.</source>
        <translation>之前未评定。</translation>
    </message>
</context>
<context>
    <name>Ratings</name>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>No rating with id {uid}</source>
        <translation>没有 ID 为 {uid} 的技能评定</translation>
    </message>
    <message>
        <source>That rating has already been removed</source>
        <translation>该技能评定已被删除</translation>
    </message>
    <message>
        <source>A rating grid needs a session, or a cohort and a module</source>
        <translation>技能评定表需要指定课次，或指定班级和模块</translation>
    </message>
    <message>
        <source>Rater role {role!r} is not one of: {allowed}</source>
        <translation>评定人角色 {role!r} 不是以下之一：{allowed}</translation>
    </message>
    <message>
        <source>Weight {part!r} is not ROLE=PERCENT</source>
        <translation>权重 {part!r} 不是“角色=百分比”格式</translation>
    </message>
    <message>
        <source>Role {role} is weighed twice</source>
        <translation>角色 {role} 的权重重复设置</translation>
    </message>
    <message>
        <source>Weight of {role} must be a whole percent, 1 to 100</source>
        <translation>{role} 的权重必须是 1 到 100 之间的整数百分比</translation>
    </message>
    <message>
        <source>The weights add up to {total} %, not 100 %: {weights}</source>
        <translation>权重合计为 {total} %，不是 100 %：{weights}</translation>
    </message>
    <message>
        <source>{parts} (no composite: {missing} not rated)</source>
        <translation>{parts}（无综合分：{missing} 尚未评定）</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <source>ready for {post}: {met} of {total} skills at target</source>
        <translation>{post}岗位胜任度：{total} 项技能中 {met} 项达标</translation>
    </message>
    <message>
        <source>{code} by {gap}</source>
        <translation>{code} 差 {gap} 级</translation>
    </message>
    <message>
        <source>{earlier}, {later}</source>
        <translation>{earlier}，{later}</translation>
    </message>
    <message>
        <source>{said}; below: {gaps}</source>
        <translation>{said}；未达标：{gaps}</translation>
    </message>
    <message>
        <source>{said}; not yet rated: {codes}</source>
        <translation>{said}；尚未评价：{codes}</translation>
    </message>
    <message>
        <source>No post with id {uid}</source>
        <translation>没有唯一标识为 {uid} 的岗位</translation>
    </message>
    <message>
        <source>No trainee with id {uid}</source>
        <translation>没有唯一标识为 {uid} 的学员</translation>
    </message>
    <message>
        <source>No cohort named {name!r}</source>
        <translation>没有名为 {name!r} 的班级</translation>
    </message>
    <message>
        <source>{file}: the matrix is written as .pdf (to print) or .xlsx (to export)</source>
        <translation>{file}：矩阵只能保存为 .pdf（打印）或 .xlsx（导出）</translation>
    </message>
</context>
<context>
    <name>RecordFigures</name>
    <message>
        <source>%1 of %2 expected sessions, &lt;b&gt;%3 unrecorded&lt;/b&gt;</source>
        <translation>应到 %2 次课中出勤率 %1，&lt;b&gt;%3 次未记录&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Hours done %1 of %2 planned so far: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>已完成学时 %1，截至目前计划 %2：&lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Hours done %1: &lt;b&gt;%2&lt;/b&gt; for this period</source>
        <translation>已完成学时 %1：本期间&lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>RecordValues</name>
    <message>
        <source>{what}: {value} is not a number</source>
        <translation>{what}：{value} 不是数字</translation>
    </message>
    <message>
        <source>Hours credited</source>
        <translation>计入学时</translation>
    </message>
    <message>
        <source>Hours credited cannot be negative ({hours:g})</source>
        <translation>计入学时不能为负数（{hours:g}）</translation>
    </message>
    <message>
        <source>{hours:g} hours credited is more than the session&apos;s {length:g} h (allowed: 0 to {length:g})</source>
        <translation>计入 {hours:g} 学时，超过该次实训的 {length:g} 小时（允许范围：0 到 {length:g}）</translation>
    </message>
    <message>
        <source>{hours:g} hours credited for one session is more than {limit:g} (allowed: 0 to {limit:g})</source>
        <translation>一次实训计入 {hours:g} 学时，超过 {limit:g}（允许范围：0 到 {limit:g}）</translation>
    </message>
    <message>
        <source>Minutes late</source>
        <translation>迟到分钟数</translation>
    </message>
    <message>
        <source>Minutes late must be a whole number, not {value:g}</source>
        <translation>迟到分钟数必须是整数，而不是 {value:g}</translation>
    </message>
    <message>
        <source>Minutes late cannot be negative ({late})</source>
        <translation>迟到分钟数不能为负数（{late}）</translation>
    </message>
    <message>
        <source>{late} minutes late is longer than the session ({length:g} h; allowed: 0 to {minutes:g})</source>
        <translation>迟到 {late} 分钟，超过该次实训时长（{length:g} 小时；允许范围：0 到 {minutes:g}）</translation>
    </message>
    <message>
        <source>{late} minutes late is more than a day (allowed: 0 to {limit})</source>
        <translation>迟到 {late} 分钟，超过一天（允许范围：0 到 {limit}）</translation>
    </message>
    <message>
        <source>Level {level} is not on the scale of {skill}: choose a level from {low} to {high}</source>
        <translation>等级 {level} 不在 {skill} 的等级范围内：请选择 {low} 到 {high} 之间的等级</translation>
    </message>
    <message>
        <source>{what} holds at most {limit:,} characters; this one has {length:,}</source>
        <translation>{what}最多 {limit:,} 个字符；此处有 {length:,} 个</translation>
    </message>
</context>
<context>
    <name>ResultsImport</name>
    <message>
        <source>{value!r} is not a whole number</source>
        <translation>{value!r} 不是整数</translation>
    </message>
    <message>
        <source>{value!r} is not TRUE or FALSE</source>
        <translation>{value!r} 不是 TRUE 或 FALSE</translation>
    </message>
    <message>
        <source>{value!r} is not an attendance status (present, late, left_early, absent, excused, P, L, LE, A, E, 出勤, 迟到, 早退, 缺勤, 请假)</source>
        <translation>{value!r} 不是考勤状态（present、late、left_early、absent、excused、P、L、LE、A、E、出勤、迟到、早退、缺勤、请假）</translation>
    </message>
    <message>
        <source>{value!r} is not a place (school, plant, holiday, closure, 学校, 工厂, 节假日, 停工)</source>
        <translation>{value!r} 不是场所（school、plant、holiday、closure、学校、工厂、节假日、停工）</translation>
    </message>
    <message>
        <source>{value!r} is not a date (YYYY-MM-DD)</source>
        <translation>{value!r} 不是日期（应为 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>{value!r} is not a date and time (YYYY-MM-DD HH:MM)</source>
        <translation>{value!r} 不是日期时间（应为 YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <source>{value!r} is not a time of day (HH:MM)</source>
        <translation>{value!r} 不是时刻（应为 HH:MM）</translation>
    </message>
    <message>
        <source>{value!r} is not a number</source>
        <translation>{value!r} 不是数字</translation>
    </message>
    <message>
        <source>written in interchange format version {version}; this MentorDesk reads version {readable}. Update MentorDesk to import it.</source>
        <translation>以交换格式第 {version} 版写入；此版本的 MentorDesk 只能读取第 {readable} 版。请升级 MentorDesk 后再导入。</translation>
    </message>
    <message>
        <source>the required column {column} is missing</source>
        <translation>缺少必需的列 {column}</translation>
    </message>
    <message>
        <source>column {column}: {problem}</source>
        <translation>列 {column}：{problem}</translation>
    </message>
    <message>
        <source>column {column}: empty</source>
        <translation>列 {column}：为空</translation>
    </message>
    <message>
        <source>column {column}: {uid!r} is not a UUID</source>
        <translation>列 {column}：{uid!r} 不是 UUID</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>Checking rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>(no ID, no name)</source>
        <translation>（无学号，无姓名）</translation>
    </message>
    <message>
        <source>Trainee ID is empty</source>
        <translation>学号为空</translation>
    </message>
    <message>
        <source>Name is empty</source>
        <translation>姓名为空</translation>
    </message>
    <message>
        <source>Trainee ID {id} also appears in row {rows}; fix the duplicates</source>
        <translation>学号 {id} 也出现在第 {rows} 行；请修正重复项</translation>
    </message>
    <message>
        <source>column {column}: {length:,} characters, more than the {limit} allowed</source>
        <translation>列 {column}：{length:,} 个字符，超过允许的 {limit} 个</translation>
    </message>
    <message>
        <source>Status {status!r} is not one of: {allowed} (or 在读, 在训, 退出, 结业, 毕业)</source>
        <translation>状态 {status!r} 不是以下之一：{allowed}（或在读、在训、退出、结业、毕业）</translation>
    </message>
    <message>
        <source>Cohort {cohort!r} belongs to programme {owner!r}, not {programme!r}</source>
        <translation>班级 {cohort!r} 属于培养项目 {owner!r}，而不是 {programme!r}</translation>
    </message>
    <message>
        <source>{sheet} row {rows} skipped: a single cell without a name</source>
        <translation>{sheet} 第 {rows} 行已跳过：仅有单个单元格，且没有姓名</translation>
    </message>
    <message>
        <source>{sheet} rows {rows} skipped: a single cell without a name</source>
        <translation>{sheet} 第 {rows} 行已跳过：仅有单个单元格，且没有姓名</translation>
    </message>
    <message>
        <source>Saving trainees</source>
        <translation>正在保存学员</translation>
    </message>
    <message>
        <source>trainee id</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>no header row found in the first {rows} rows (expected headers such as Trainee ID and Name, or 学号 and 姓名)</source>
        <translation>前 {rows} 行中未找到表头行（应包含 Trainee ID 和 Name，或学号和姓名等表头）</translation>
    </message>
    <message>
        <source>the required column {column} is missing (accepted headers: {accepted})</source>
        <translation>缺少必需的列 {column}（可接受的表头：{accepted}）</translation>
    </message>
    <message>
        <source>column {column}: holds {value}, not a {what}</source>
        <translation>列 {column}：值为 {value}，不是{what}</translation>
    </message>
    <message>
        <source>column {column}: holds the spreadsheet error {value}</source>
        <translation>列 {column}：包含电子表格错误 {value}</translation>
    </message>
    <message>
        <source>column {column}: contains invisible formatting characters ({codes}) that can make an ID display as another one</source>
        <translation>列 {column}：包含不可见的格式字符（{codes}），可能使一个编号显示成另一个编号</translation>
    </message>
    <message>
        <source>column {column}: {problem}</source>
        <translation>{column} 列：{problem}</translation>
    </message>
    <message>
        <source>the sheet holds no trainees (nothing below the header row {row}); nothing was imported</source>
        <translation>工作表中没有学员（表头行 {row} 下方没有内容）；未导入任何数据</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Trainee ID</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Late (min)</source>
        <translation>迟到(分钟)</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Unmarked</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假中</translation>
    </message>
    <message>
        <source>— unmarked</source>
        <translation>— 未记录</translation>
    </message>
    <message>
        <source>On approved leave this day: not expected, not absent</source>
        <translation>当日已批准请假：不计应到，也不算缺勤</translation>
    </message>
    <message>
        <source>Not in this session&apos;s cohort on this date, but marked</source>
        <translation>当天不属于本课次的班级，但已记录考勤</translation>
    </message>
</context>
<context>
    <name>RubricFiles</name>
    <message>
        <source>{file}: {where}: {what}</source>
        <translation>{file}：{where}：{what}</translation>
    </message>
    <message>
        <source>expected a list of objects</source>
        <translation>应为对象列表</translation>
    </message>
    <message>
        <source>expected a list of texts</source>
        <translation>应为文本列表</translation>
    </message>
    <message>
        <source>{value!r} is not a whole number</source>
        <translation>{value!r} 不是整数</translation>
    </message>
    <message>
        <source>targets must map skill codes to levels</source>
        <translation>目标等级须为“技能编号: 等级”的对应表</translation>
    </message>
    <message>
        <source>expected an object with name and levels</source>
        <translation>应为包含名称和等级的对象</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} is not a rubric file: line {line}, column {column}: {reason}</source>
        <translation>{file} 不是评价标准文件：第 {line} 行第 {column} 列：{reason}</translation>
    </message>
</context>
<context>
    <name>RubricImport</name>
    <message>
        <source>Code is empty</source>
        <translation>代码为空</translation>
    </message>
    <message>
        <source>Skill is empty</source>
        <translation>技能为空</translation>
    </message>
    <message>
        <source>Code {code} already appears in row {row}</source>
        <translation>代码 {code} 已出现在第 {row} 行</translation>
    </message>
    <message>
        <source>rubric {name!r} version {version} with {levels} levels</source>
        <translation>评价标准 {name!r}，版本 {version}，共 {levels} 个等级</translation>
    </message>
    <message>
        <source>no header row with Code, Skill and Level 1 … Level N columns in the first 10 rows</source>
        <translation>前 10 行中未找到包含 Code、Skill 及 Level 1 … Level N 列的表头行</translation>
    </message>
    <message>
        <source>the column {column} is missing</source>
        <translation>缺少列 {column}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>level columns must be headed Level 1, Level 2 … without gaps (found {found})</source>
        <translation>等级列的表头必须依次为 Level 1、Level 2 …，不能有间断（实际为：{found}）</translation>
    </message>
</context>
<context>
    <name>RubricLayers</name>
    <message>
        <source>modules row {row} ({name})</source>
        <translation>模块第 {row} 行（{name}）</translation>
    </message>
    <message>
        <source>skills row {row} ({name})</source>
        <translation>技能第 {row} 行（{name}）</translation>
    </message>
    <message>
        <source>posts row {row} ({name})</source>
        <translation>岗位第 {row} 行（{name}）</translation>
    </message>
    <message>
        <source>levels row {row} ({name})</source>
        <translation>等级第 {row} 行（{name}）</translation>
    </message>
    <message>
        <source>{where}: {fault}</source>
        <translation>{where}：{fault}</translation>
    </message>
    <message>
        <source>the label is empty</source>
        <translation>等级名称为空</translation>
    </message>
    <message>
        <source>the module&apos;s name is empty</source>
        <translation>模块名称为空</translation>
    </message>
    <message>
        <source>layer {layer!r} is not one of: {allowed}</source>
        <translation>层级 {layer!r} 不在以下范围内：{allowed}</translation>
    </message>
    <message>
        <source>the module {name!r} is already in row {row}</source>
        <translation>模块 {name!r} 已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>it builds on {other!r}, which is not a module of this rubric</source>
        <translation>其基础模块 {other!r} 不是本评价标准的模块</translation>
    </message>
    <message>
        <source>the layers form a cycle: {path}</source>
        <translation>层级构成循环：{path}</translation>
    </message>
    <message>
        <source>a {layer} module cannot build on {other!r}, a {other_layer} module</source>
        <translation>{layer} 层的模块不能以 {other_layer} 层的模块 {other!r} 为基础</translation>
    </message>
    <message>
        <source>the code is empty</source>
        <translation>编号为空</translation>
    </message>
    <message>
        <source>the skill&apos;s name is empty</source>
        <translation>技能名称为空</translation>
    </message>
    <message>
        <source>the code {code} is already in row {row}</source>
        <translation>编号 {code} 已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>the module {module!r} is not a module of this rubric</source>
        <translation>模块 {module!r} 不是本评价标准的模块</translation>
    </message>
    <message>
        <source>{count} descriptors for a {levels}-level scale</source>
        <translation>{levels} 级量表却有 {count} 条描述</translation>
    </message>
    <message>
        <source>the post&apos;s name is empty</source>
        <translation>岗位名称为空</translation>
    </message>
    <message>
        <source>the post names no skill</source>
        <translation>该岗位未列出任何技能</translation>
    </message>
    <message>
        <source>the skill {code} is not in the rubric</source>
        <translation>技能 {code} 不在本评价标准中</translation>
    </message>
    <message>
        <source>the skill {code} is named twice</source>
        <translation>技能 {code} 列出了两次</translation>
    </message>
    <message>
        <source>the target {target} for {code} is outside the scale 1–{top}</source>
        <translation>{code} 的目标等级 {target} 超出 1–{top} 的范围</translation>
    </message>
    <message>
        <source>the post is already in row {row}</source>
        <translation>该岗位已在第 {row} 行出现</translation>
    </message>
    <message>
        <source>No programme named {name!r}</source>
        <translation>没有名为 {name!r} 的培养项目</translation>
    </message>
    <message>
        <source>Rubric version {version} is not a positive number</source>
        <translation>评价标准版本 {version} 不是正数</translation>
    </message>
</context>
<context>
    <name>RubricPane</name>
    <message>
        <source>Layer, module, skill</source>
        <translation>层级、模块、技能</translation>
    </message>
    <message>
        <source>Level descriptor</source>
        <translation>等级描述</translation>
    </message>
    <message>
        <source>Post, skill</source>
        <translation>岗位、技能</translation>
    </message>
    <message>
        <source>Target level</source>
        <translation>目标等级</translation>
    </message>
    <message>
        <source>Foundation</source>
        <translation>基础层</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向层</translation>
    </message>
    <message>
        <source>Job position</source>
        <translation>岗位层</translation>
    </message>
    <message>
        <source>Choose a programme to see its rubric and posts.</source>
        <translation>请选择一个培养项目以查看其评价标准和岗位。</translation>
    </message>
    <message>
        <source>Programme %1 has no rubric yet (mentordesk rubric import).</source>
        <translation>培养项目 %1 尚无评价标准（mentordesk rubric import）。</translation>
    </message>
    <message>
        <source>Rubric: %1 · version %2</source>
        <translation>评价标准：%1 · 第 %2 版</translation>
    </message>
    <message>
        <source>No post yet.</source>
        <translation>尚无岗位。</translation>
    </message>
</context>
<context>
    <name>Rubrics</name>
    <message>
        <source>rubric</source>
        <translation>评价标准</translation>
    </message>
    <message>
        <source>skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>A rubric needs at least two levels</source>
        <translation>评价标准至少需要两个等级</translation>
    </message>
    <message>
        <source>Rubric levels must be numbered 1, 2, 3 … without gaps</source>
        <translation>评价标准的等级必须按 1、2、3 … 连续编号</translation>
    </message>
    <message>
        <source>Skill {code}: {count} descriptors for a {levels}-level scale</source>
        <translation>技能 {code}：有 {count} 条描述，但量表为 {levels} 级</translation>
    </message>
    <message>
        <source>Skill code</source>
        <translation>技能代码</translation>
    </message>
    <message>
        <source>Skill name</source>
        <translation>技能名称</translation>
    </message>
    <message>
        <source>Rubric name</source>
        <translation>评价标准名称</translation>
    </message>
    <message>
        <source>Rubric {name!r} version {version} already exists</source>
        <translation>评价标准 {name!r} 版本 {version} 已存在</translation>
    </message>
    <message>
        <source>No rubric with id {uid}</source>
        <translation>找不到 ID 为 {uid} 的评价标准</translation>
    </message>
    <message>
        <source>Skill code {code} already exists in {rubric}</source>
        <translation>技能代码 {code} 已存在于 {rubric} 中</translation>
    </message>
</context>
<context>
    <name>ScannerBox</name>
    <message>
        <source>Scan or type a session code (Ctrl+K)</source>
        <translation>扫描或输入课次码（Ctrl+K）</translation>
    </message>
    <message>
        <source>Scan the QR code of a paper sign-in sheet, or type the session&apos;s id, then press Enter: the session opens.</source>
        <translation>扫描纸质签到表上的二维码，或输入课次编号，然后按 Enter：即可打开该课次。</translation>
    </message>
    <message>
        <source>“%1” is not a session code. Scan the QR code printed on a sign-in sheet, or type the session&apos;s id.</source>
        <translation>“%1”不是课次码。请扫描签到表上印的二维码，或输入课次编号。</translation>
    </message>
    <message>
        <source>Opened from its code: %1</source>
        <translation>已按课次码打开：%1</translation>
    </message>
</context>
<context>
    <name>SelfAssessmentWindow</name>
    <message>
        <source>Self-assessment — %1</source>
        <translation>学员自评 — %1</translation>
    </message>
    <message>
        <source>Self-assessment: %1</source>
        <translation>学员自评：%1</translation>
    </message>
    <message>
        <source>Hand back to mentor…</source>
        <translation>交还导师…</translation>
    </message>
    <message>
        <source>Pick the level you think you have reached in each skill. Your mentor sees your view beside theirs; it does not replace it.</source>
        <translation>请为每项技能选择你认为自己已达到的等级。导师会把你的评价与他们的评价并列查看，不会替代导师的评价。</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>My level</source>
        <translation>我的等级</translation>
    </message>
    <message>
        <source>What the level means</source>
        <translation>等级说明</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评定</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Print sign-in sheet…</source>
        <translation>打印签到表…</translation>
    </message>
    <message>
        <source>Save the session&apos;s paper sign-in sheet (PDF, with its QR code) to print</source>
        <translation>保存本课次的纸质签到表（PDF，含二维码）以便打印</translation>
    </message>
    <message>
        <source>Transcribe paper sheet…</source>
        <translation>录入纸质签到表…</translation>
    </message>
    <message>
        <source>Type in a filled-in sign-in sheet, trainee by trainee in its order</source>
        <translation>按签到表上的顺序逐个学员录入已填写的签到表</translation>
    </message>
    <message>
        <source>Reinstate session</source>
        <translation>恢复课次</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>取消课次</translation>
    </message>
    <message>
        <source>Cancelled: not held, nobody is expected</source>
        <translation>已取消：不上课，无应到学员</translation>
    </message>
    <message>
        <source>Planned: this session is still ahead</source>
        <translation>计划中：本课次尚未到来</translation>
    </message>
    <message>
        <source>Session cancelled: %1</source>
        <translation>课次已取消：%1</translation>
    </message>
    <message>
        <source>Session reinstated: %1</source>
        <translation>课次已恢复：%1</translation>
    </message>
    <message>
        <source>Save the sign-in sheet</source>
        <translation>保存签到表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Sign-in sheet saved: %1 (%2 trainees, %3 pages)</source>
        <translation>签到表已保存：%1（学员 %2 人，共 %3 页）</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New workshop session</source>
        <translation>新建实训课次</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;From – to</source>
        <translation>起止时间(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Cohort</source>
        <translation>班级(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Workshop / location</source>
        <translation>车间 / 地点(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Module</source>
        <translation>模块(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>M&amp;entor</source>
        <translation>导师(&amp;E)</translation>
    </message>
</context>
<context>
    <name>SessionOnScreen</name>
    <message>
        <source>No session yet — press Ctrl+N</source>
        <translation>还没有课次 — 按 Ctrl+N 新建</translation>
    </message>
    <message>
        <source>Choose the session to repeat first</source>
        <translation>请先选择要重复的课次</translation>
    </message>
    <message>
        <source>This session is already held today: %1. It is open.</source>
        <translation>今天已有这个课次：%1。已为您打开。</translation>
    </message>
    <message>
        <source>Session copied to today.</source>
        <translation>已将课次复制到今天。</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>session</source>
        <translation>课次</translation>
    </message>
    <message>
        <source>The session ends ({end:%H:%M}) before it starts ({start:%H:%M})</source>
        <translation>课次的结束时间（{end:%H:%M}）早于开始时间（{start:%H:%M}）</translation>
    </message>
    <message>
        <source>This cohort already has a session at that time: {title} (id {uid}). Its trainees would be counted twice: choose another date or time, or use that session.</source>
        <translation>该班级在这个时间已有课次：{title}（编号 {uid}）。学员会被重复计算：请换一个日期或时间，或使用那个课次。</translation>
    </message>
    <message>
        <source>Choose the cohort that attends the session</source>
        <translation>请选择参加该课次的班级</translation>
    </message>
    <message>
        <source>Unknown session field {field!r}</source>
        <translation>未知的课次字段 {field!r}</translation>
    </message>
    <message>
        <source>No session with id {uid}</source>
        <translation>找不到 ID 为 {uid} 的课次</translation>
    </message>
</context>
<context>
    <name>SettingsArea</name>
    <message>
        <source>Enterprise mentor</source>
        <translation>企业导师</translation>
    </message>
    <message>
        <source>Workshop supervisor</source>
        <translation>车间主管</translation>
    </message>
    <message>
        <source>School teacher</source>
        <translation>学校教师</translation>
    </message>
    <message>
        <source>School coordinator</source>
        <translation>学校协调员</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>人力资源</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>This is the language in use.</source>
        <translation>这是当前使用的语言。</translation>
    </message>
    <message>
        <source>MentorDesk changes to %1 the next time it starts: close it and start it again.</source>
        <translation>MentorDesk 将在下次启动时改用%1：请关闭后重新启动。</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>MentorDesk database (*.db)</source>
        <translation>MentorDesk 数据库 (*.db)</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>The database is sound.</source>
        <translation>数据库完好。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>保存个人资料</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>A new language applies the next time MentorDesk starts.</source>
        <translation>更改的语言将在下次启动 MentorDesk 时生效。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Check integrity</source>
        <translation>检查完整性</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>Sheets</name>
    <message>
        <source>No active trainees in {cohort}</source>
        <translation>{cohort} 中没有在训学员</translation>
    </message>
    <message>
        <source>No active trainees</source>
        <translation>没有在训学员</translation>
    </message>
    <message>
        <source>Writing sheets</source>
        <translation>正在生成考核表</translation>
    </message>
    <message>
        <source>Recording signatures</source>
        <translation>正在记录签名</translation>
    </message>
    <message>
        <source>{signed} signatures are recorded and {written} sheets written, but {count} could not be written: {errors}. The signed sheets are kept in MentorDesk: run the same batch again to write them</source>
        <translation>已记录 {signed} 个签名并写出 {written} 份考核表，但有 {count} 份无法写出：{errors}。已签名的考核表保存在 MentorDesk 中：再次运行同一批次即可写出</translation>
    </message>
    <message>
        <source>sheet language {language!r}: choose one of {choices}</source>
        <translation>考核表语言 {language!r}：请从 {choices} 中选择</translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <source>The drawn signature must be a PNG image</source>
        <translation>手写签名必须是 PNG 图片</translation>
    </message>
    <message>
        <source>The drawn signature image is too large (2 MB at most)</source>
        <translation>手写签名图片过大（最大 2 MB）</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here with the mouse, a pen or your finger</source>
        <translation>请用鼠标、手写笔或手指在此签名</translation>
    </message>
    <message>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>在此签名</translation>
    </message>
</context>
<context>
    <name>SignaturePadDialog</name>
    <message>
        <source>My drawn signature</source>
        <translation>我的手写签名</translation>
    </message>
    <message>
        <source>Nothing to save: draw your signature in the box first.</source>
        <translation>没有可保存的内容：请先在框中画出您的签名。</translation>
    </message>
</context>
<context>
    <name>SignaturePadForm</name>
    <message>
        <source>Draw your signature once. It is stamped, with your name and the date, in the mentor&apos;s box of every sheet you sign.</source>
        <translation>只需签一次名。今后您签署的每份考核表都会在导师栏盖上此签名及您的姓名和日期。</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>teacher</source>
        <translation>学校教师</translation>
    </message>
    <message>
        <source>trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Nothing was signed: {problem} (certificate of {name}). Create a new identity or import a current certificate</source>
        <translation>未签署任何文件：{problem}（{name} 的证书）。请新建签名身份，或导入一个有效的证书</translation>
    </message>
    <message>
        <source>A countersignature is by the {first} or the {second}</source>
        <translation>复核签署须由{first}或{second}完成</translation>
    </message>
    <message>
        <source>This PDF has no box for that signature (was it signed by MentorDesk?)</source>
        <translation>此 PDF 中没有该签名的签名栏（是否由 MentorDesk 签署？）</translation>
    </message>
    <message>
        <source>The {role}&apos;s box of this sheet is already signed</source>
        <translation>此考核表的{role}签名栏已签署</translation>
    </message>
    <message>
        <source>Not countersigned: the signature {field} by {signer} does not verify ({problem})</source>
        <translation>未会签：{signer} 的签名 {field} 验证未通过（{problem}）</translation>
    </message>
    <message>
        <source>The assessment of {name} is already {state}</source>
        <translation>{name} 的考核当前已为{state}状态</translation>
    </message>
    <message>
        <source>Choose a result for {name} before signing</source>
        <translation>签署前请为 {name} 选择结果</translation>
    </message>
    <message>
        <source>Only a signed assessment can be countersigned</source>
        <translation>只有已签署的考核才能复核签署</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({error})</source>
        <translation>{file}：无法读取（{error}）</translation>
    </message>
    <message>
        <source>This PDF&apos;s signatures do not check out ({fields}); it was not attached</source>
        <translation>此 PDF 的签名校验未通过（{fields}），因此未附加</translation>
    </message>
    <message>
        <source>This PDF&apos;s signatures do not check out; it was not attached</source>
        <translation>此 PDF 的签名校验未通过，因此未附加</translation>
    </message>
</context>
<context>
    <name>SigningIdentity</name>
    <message>
        <source>The passphrase does not unlock the signing identity</source>
        <translation>该口令无法解锁签名身份</translation>
    </message>
    <message>
        <source>{file}: {problem}; it was not imported</source>
        <translation>{file}：{problem}；未导入</translation>
    </message>
    <message>
        <source>Your signing identity cannot sign: {problem}. Create a new identity or import a current certificate</source>
        <translation>您的签名身份无法签名：{problem}。请新建签名身份，或导入一个有效的证书</translation>
    </message>
    <message>
        <source>The passphrase must have at least {count} characters</source>
        <translation>口令至少需要 {count} 个字符</translation>
    </message>
    <message>
        <source>The signing identity needs a name</source>
        <translation>签名身份需要一个名称</translation>
    </message>
    <message>
        <source>A signing identity already exists; replacing it means documents you sign from now on carry a new certificate (use --replace)</source>
        <translation>签名身份已存在；替换后，今后签署的文件将使用新的证书（请使用 --replace）</translation>
    </message>
    <message>
        <source>A signing identity already exists (use --replace to replace it)</source>
        <translation>签名身份已存在（如需替换，请使用 --replace）</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({error})</source>
        <translation>{file}：无法读取（{error}）</translation>
    </message>
    <message>
        <source>{file}: not a PKCS#12 file, or the file&apos;s passphrase is wrong</source>
        <translation>{file}：不是 PKCS#12 文件，或文件口令错误</translation>
    </message>
    <message>
        <source>{file}: holds no private key with its certificate</source>
        <translation>{file}：未包含私钥及其证书</translation>
    </message>
    <message>
        <source>{file}: only RSA and elliptic-curve keys can sign here</source>
        <translation>{file}：此处仅支持使用 RSA 和椭圆曲线密钥签署</translation>
    </message>
    <message>
        <source>No signing identity yet: create one or import a PKCS#12 file first</source>
        <translation>尚无签名身份：请先创建一个，或导入 PKCS#12 文件</translation>
    </message>
    <message>
        <source>{folder}: folder does not exist</source>
        <translation>{folder}：文件夹不存在</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>No cohort named {names}</source>
        <translation>没有名为 {names} 的班级</translation>
    </message>
    <message>
        <source>Unknown staff field {field!r}</source>
        <translation>未知的工作人员字段 {field!r}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role {role!r} is not one of: {allowed}</source>
        <translation>角色 {role!r} 不是以下之一：{allowed}</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Edit staff member</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Works with cohorts</source>
        <translation>负责班级</translation>
    </message>
    <message>
        <source>No cohort yet.</source>
        <translation>尚无班级。</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>No {what} with id {uid}</source>
        <translation>找不到 ID 为 {uid} 的{what}</translation>
    </message>
    <message>
        <source>{where}: cannot open the database ({reason}). If the file is damaged, restore a backup with &apos;mentordesk restore FILE&apos;.</source>
        <translation>{where}：无法打开数据库（{reason}）。如果文件已损坏，请使用“mentordesk restore FILE”恢复备份。</translation>
    </message>
</context>
<context>
    <name>SyncArea</name>
    <message>
        <source>All cohorts</source>
        <translation>全部班级</translation>
    </message>
    <message>
        <source>Choose a workbook to import</source>
        <translation>选择要导入的工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;Bundles with signed sheets (*.zip);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;含已签署考核表的数据包 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>正在读取工作簿…</translation>
    </message>
    <message>
        <source>No row of this workbook can be imported: the list says why for each.</source>
        <translation>此工作簿中没有可导入的行：列表中逐行列出了原因。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported (the list says why); the others are already here, unchanged.</source>
        <translation>
            <numerusform>%n 行无法导入（原因见列表）；其余各行本机已有，无需更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be left out (the list says why); Apply imports the rest.</source>
        <translation>
            <numerusform>%n 行将不会导入（原因见列表）；“应用导入”会导入其余各行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing this workbook would change nothing.</source>
        <translation>导入此工作簿不会带来任何更改。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>roster</source>
        <translation>名册</translation>
    </message>
    <message>
        <source>rubric</source>
        <translation>评价标准</translation>
    </message>
    <message>
        <source>results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>results bundle</source>
        <translation>结果数据包</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>Applied %1 (%2): %3</source>
        <translation>已应用 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Dry run of %1 (%2): %3. Nothing has changed yet.</source>
        <translation>预览导入 %1（%2）：%3。尚未做任何更改。</translation>
    </message>
    <message>
        <source>Ignored columns: %1</source>
        <translation>已忽略的列：%1</translation>
    </message>
    <message>
        <source>%1 further unchanged rows are not listed.</source>
        <translation>另有 %1 行未变，未列出。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import applied.</source>
        <translation>导入已应用。</translation>
    </message>
    <message>
        <source>Bundles with signed sheets (*.zip)</source>
        <translation>含已签署考核表的数据包 (*.zip)</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>期间的开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Exporting results…</source>
        <translation>正在导出结果…</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已将 %1 行导出到 %2</translation>
    </message>
    <message>
        <source>Sync with the school and HR</source>
        <translation>与学校和人力资源部门同步</translation>
    </message>
    <message>
        <source>Import a workbook (roster, rubric, or results from another MentorDesk)</source>
        <translation>导入工作簿（名册、评价标准，或来自其他 MentorDesk 的结果）</translation>
    </message>
    <message>
        <source>&amp;Choose workbook…</source>
        <translation>选择工作簿(&amp;C)…</translation>
    </message>
    <message>
        <source>No workbook chosen</source>
        <translation>未选择工作簿</translation>
    </message>
    <message>
        <source>Cohort for rows &amp;without one:</source>
        <translation>未填写班级的行归入(&amp;W)：</translation>
    </message>
    <message>
        <source>Choose a workbook to see what importing it would change. Nothing changes until you press Apply.</source>
        <translation>选择一个工作簿，先查看导入会带来哪些更改。按下“应用导入”之前，不会做任何更改。</translation>
    </message>
    <message>
        <source>Show &amp;unchanged rows</source>
        <translation>显示未变的行(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Known certificates…</source>
        <translation>已知证书(&amp;K)…</translation>
    </message>
    <message>
        <source>A&amp;ccept this certificate…</source>
        <translation>接受此证书(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Apply import</source>
        <translation>应用导入(&amp;A)</translation>
    </message>
    <message>
        <source>Export results for the school and HR</source>
        <translation>为学校和人力资源部门导出结果</translation>
    </message>
    <message>
        <source>C&amp;ohort:</source>
        <translation>班级(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>Chinese &amp;headers</source>
        <translation>中文表头(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation>导出结果(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>{what} must not be empty</source>
        <translation>{what}不能为空</translation>
    </message>
</context>
<context>
    <name>TodayArea</name>
    <message>
        <source>New session… (Ctrl+N)</source>
        <translation>新建课次… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Same again today (Ctrl+D)</source>
        <translation>复制到今天 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>课次(&amp;S)</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Minutes late</source>
        <translation>迟到分钟数</translation>
    </message>
    <message>
        <source>Hours credited</source>
        <translation>计入学时</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Short note on this mark (Enter saves)</source>
        <translation>对此考勤的简短备注（按 Enter 保存）</translation>
    </message>
    <message>
        <source>P
Present</source>
        <translation>P
出勤</translation>
    </message>
    <message>
        <source>L
Late</source>
        <translation>L
迟到</translation>
    </message>
    <message>
        <source>O
Left early</source>
        <translation>O
早退</translation>
    </message>
    <message>
        <source>A
Absent</source>
        <translation>A
缺勤</translation>
    </message>
    <message>
        <source>E
Excused</source>
        <translation>E
请假</translation>
    </message>
    <message>
        <source>Del
Clear</source>
        <translation>Del
清除</translation>
    </message>
    <message>
        <source>Mark all present (Ctrl+P)</source>
        <translation>全部记为出勤 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Skill ratings</source>
        <translation>技能评定</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>依据(&amp;V)</translation>
    </message>
    <message>
        <source>What you saw (Enter saves)</source>
        <translation>您观察到的情况（按 Enter 保存）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>观察记录</translation>
    </message>
    <message>
        <source>Record… (Ctrl+R)</source>
        <translation>档案… (Ctrl+R)</translation>
    </message>
    <message>
        <source>The trainee&apos;s attendance, skill history and notes</source>
        <translation>该学员的考勤、技能评定历史和观察记录</translation>
    </message>
    <message>
        <source>What did you observe? Ctrl+Enter saves</source>
        <translation>您观察到了什么？按 Ctrl+Enter 保存</translation>
    </message>
    <message>
        <source>Save note (Ctrl+Enter)</source>
        <translation>保存记录 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Missing marks</source>
        <translation>漏记考勤</translation>
    </message>
    <message>
        <source>Missing marks (%1)</source>
        <translation>漏记考勤（%1）</translation>
    </message>
    <message>
        <source>Each mark now moves on to the next trainee without one (Ctrl+M: the list).</source>
        <translation>每记录一人，光标即移到下一位未记录的学员（Ctrl+M：返回漏记列表）。</translation>
    </message>
    <message>
        <source>Every trainee expected at this session now has a mark.</source>
        <translation>本课次的应到学员现已全部记录考勤。</translation>
    </message>
    <message>
        <source>Opening your records…</source>
        <translation>正在打开记录…</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>撤销上一次更改 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>撤销 %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation>重做 %1 (Ctrl+Shift+Z)</translation>
    </message>
</context>
<context>
    <name>TraineeReadinessPanel</name>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Grey: target level · coloured: latest level (green at target, orange below) · ?: not yet rated</source>
        <translation>灰色：目标等级 · 彩色：最新等级（绿色为达标，橙色为未达标）· ?：尚未评定</translation>
    </message>
    <message>
        <source>No post to judge readiness against yet.</source>
        <translation>尚无可用于评估胜任度的岗位。</translation>
    </message>
</context>
<context>
    <name>TraineeRecordDialog</name>
    <message>
        <source>Readiness</source>
        <translation>岗位胜任度</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Between dates</source>
        <translation>指定日期范围</translation>
    </message>
    <message>
        <source>Trainee record — %1</source>
        <translation>学员档案 — %1</translation>
    </message>
    <message>
        <source>Attendance rate &lt;b&gt;%1&lt;/b&gt; · sessions %2 · present %3 · late %4 · left early %5 · absent %6 · excused %7 · hours credited %8 · skills rated %9</source>
        <translation>出勤率 &lt;b&gt;%1&lt;/b&gt; · 课次 %2 · 出勤 %3 · 迟到 %4 · 早退 %5 · 缺勤 %6 · 请假 %7 · 学时 %8 · 已评技能 %9</translation>
    </message>
    <message>
        <source>No skill rated in this period.</source>
        <translation>此期间内没有技能评定。</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <source>No notes in this period.</source>
        <translation>此期间内没有观察记录。</translation>
    </message>
</context>
<context>
    <name>TraineeRecordForm</name>
    <message>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>观察记录</translation>
    </message>
</context>
<context>
    <name>TraineeTableModel</name>
    <message>
        <source>Trainee ID</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Entry rules</source>
        <translation>入班条件</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在训</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>graduated</source>
        <translation>已结业</translation>
    </message>
    <message>
        <source>Meets entry rules</source>
        <translation>符合入班条件</translation>
    </message>
    <message>
        <source>Does not: %1</source>
        <translation>不符合：%1</translation>
    </message>
</context>
<context>
    <name>Trainees</name>
    <message>
        <source>trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Unknown trainee field {field!r}</source>
        <translation>未知的学员字段 {field!r}</translation>
    </message>
    <message>
        <source>Trainee ID</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Status {status!r} is not one of: {allowed}</source>
        <translation>状态 {status!r} 不是以下之一：{allowed}</translation>
    </message>
    <message>
        <source>{field}: {length:,} characters, more than the {limit} allowed</source>
        <translation>{field}：{length:,} 个字符，超过允许的 {limit} 个</translation>
    </message>
    <message>
        <source>Trainee ID {id} is already used by another trainee</source>
        <translation>学号 {id} 已被其他学员使用</translation>
    </message>
</context>
<context>
    <name>TraineesArea</name>
    <message>
        <source>Self-assessment…</source>
        <translation>学员自评…</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>全部班级</translation>
    </message>
    <message>
        <source>No trainees yet. Import a roster in Sync, or add one with New trainee.</source>
        <translation>还没有学员。请在“同步”中导入名册，或用“新增学员”添加。</translation>
    </message>
    <message numerus="yes">
        <source>%n trainee(s)</source>
        <translation>
            <numerusform>%n 名学员</numerusform>
        </translation>
    </message>
    <message>
        <source>New trainee</source>
        <translation>新增学员</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Withdraw trainee</source>
        <translation>学员退出</translation>
    </message>
    <message>
        <source>Withdraw %1 (%2) from today? Their records are kept.</source>
        <translation>从今天起让 %1（%2）退出吗？其记录将被保留。</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Search by name, trainee ID, employee no., cohort or track</source>
        <translation>按姓名、学号、工号、班级或方向搜索</translation>
    </message>
    <message>
        <source>Show withdrawn and graduated</source>
        <translation>显示已退出和已结业的学员</translation>
    </message>
    <message>
        <source>Feedback to the school…</source>
        <translation>对学校的反馈…</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Trainee ID</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty if not known</source>
        <translation>YYYY-MM-DD，不详可留空</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>学员退出…</translation>
    </message>
</context>
<context>
    <name>TranscribeDialog</name>
    <message>
        <source>Transcribe paper sheet</source>
        <translation>录入纸质签到表</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Minutes late (after L)</source>
        <translation>迟到分钟数（按 L 后）</translation>
    </message>
    <message>
        <source>Hours attended (after O)</source>
        <translation>实际学时（按 O 后）</translation>
    </message>
    <message>
        <source>%1 (LE on the sheet)</source>
        <translation>%1（签到表上为 LE）</translation>
    </message>
    <message>
        <source>%1 · Enter: next · ↑: back · Esc: close</source>
        <translation>%1 · Enter：下一位 · ↑：上一位 · Esc：关闭</translation>
    </message>
    <message>
        <source>All %1 transcribed</source>
        <translation>%1 人已全部录入</translation>
    </message>
    <message>
        <source>This session has nobody on its roster.</source>
        <translation>本课次名单上没有学员。</translation>
    </message>
    <message>
        <source>Esc closes; the marks are in Today.</source>
        <translation>按 Esc 关闭；考勤已记入“今日”。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 / %2 人</translation>
    </message>
    <message>
        <source>Late: type the minutes late, then Enter</source>
        <translation>迟到：输入迟到分钟数，然后按 Enter</translation>
    </message>
    <message>
        <source>Left early: type the hours attended, then Enter</source>
        <translation>早退：输入实际学时，然后按 Enter</translation>
    </message>
    <message>
        <source>, %1 min</source>
        <translation>，%1 分钟</translation>
    </message>
    <message>
        <source>, %1 credited</source>
        <translation>，计 %1</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>Now: on approved leave (not expected)</source>
        <translation>当前：已批准请假（不计应到）</translation>
    </message>
    <message>
        <source>Now: not marked</source>
        <translation>当前：未记录</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <source>{file}: cannot be read ({error})</source>
        <translation>{file}：无法读取（{error}）</translation>
    </message>
    <message>
        <source>{file}: not a certificate (PEM or DER expected)</source>
        <translation>{file}：不是证书（应为 PEM 或 DER 格式）</translation>
    </message>
    <message>
        <source>Not a readable PDF, or damaged beyond reading: {error}</source>
        <translation>不是可读取的 PDF，或已损坏到无法读取：{error}</translation>
    </message>
    <message>
        <source>(unreadable certificate)</source>
        <translation>（无法读取的证书）</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate cannot be read</source>
        <translation>无法读取签名人的证书</translation>
    </message>
    <message>
        <source>the signed bytes do not match the signature</source>
        <translation>已签名的字节内容与签名不匹配</translation>
    </message>
    <message>
        <source>the document was changed after this signature</source>
        <translation>文档在此签名之后被修改过</translation>
    </message>
    <message>
        <source>the signer is not the trusted certificate nor issued by it</source>
        <translation>签名者既不是受信任的证书，也不是由该证书签发</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>the About sheet has changed since it was read</source>
        <translation>About 工作表在读取后已被更改</translation>
    </message>
    <message>
        <source>--cohort does not apply to a results workbook; ignored</source>
        <translation>--cohort 不适用于结果工作簿，已忽略</translation>
    </message>
    <message>
        <source>no roster, Skills or results sheet found (sheets: {sheets}). A roster needs a header row within the first 10 rows with at least Trainee ID and Name (or 学号 and 姓名)</source>
        <translation>未找到名册、Skills 或结果工作表（工作表：{sheets}）。名册需要在前 10 行内有表头行，且至少包含 Trainee ID 和 Name（或学号和姓名）</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}</source>
        <translation>{file}，工作表 {sheet}</translation>
    </message>
    <message>
        <source>{file}, sheet {sheet}, row {row}</source>
        <translation>{file}，工作表 {sheet}，第 {row} 行</translation>
    </message>
    <message>
        <source>{place}: {problem}</source>
        <translation>{place}：{problem}</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>is a folder, not a workbook</source>
        <translation>是文件夹，不是工作簿</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is {size} MB, far larger than any workbook MentorDesk exchanges (limit {limit} MB)</source>
        <translation>文件大小为 {size} MB，远超 MentorDesk 交换的任何工作簿（上限 {limit} MB）</translation>
    </message>
    <message>
        <source>the workbook is password-protected (encrypted); open it in your office software, remove the password and save it again as .xlsx</source>
        <translation>工作簿受密码保护（已加密）；请在办公软件中打开，删除密码后重新另存为 .xlsx</translation>
    </message>
    <message>
        <source>this is an old-format .xls workbook; save it as .xlsx (Excel Workbook) and import that</source>
        <translation>这是旧格式的 .xls 工作簿；请将其另存为 .xlsx（Excel 工作簿）后再导入</translation>
    </message>
    <message>
        <source>not an .xlsx workbook (the file is not a zip package)</source>
        <translation>不是 .xlsx 工作簿（该文件不是 zip 压缩包）</translation>
    </message>
    <message>
        <source>part {part} declares XML entities (a possible XML bomb); genuine workbooks never do, so it was not read</source>
        <translation>部件 {part} 声明了 XML 实体（可能是 XML 炸弹）；正常的工作簿不会这样，因此未读取</translation>
    </message>
    <message>
        <source>part {part} opens with over {size} KB of comments before its content; genuine workbooks never do, so it was not read</source>
        <translation>部件 {part} 在内容之前有超过 {size} KB 的注释；正常的工作簿不会这样，因此未读取</translation>
    </message>
    <message>
        <source>not an .xlsx workbook (a zip file without workbook parts)</source>
        <translation>不是 .xlsx 工作簿（zip 文件中没有工作簿部件）</translation>
    </message>
    <message>
        <source>part {part} unpacks to {unpacked} MB from {packed} KB — a zip bomb, not a workbook</source>
        <translation>部件 {part} 从 {packed} KB 解压后达 {unpacked} MB——这是 zip 炸弹，不是工作簿</translation>
    </message>
    <message>
        <source>the workbook unpacks to {size} MB, far larger than any workbook MentorDesk exchanges</source>
        <translation>工作簿解压后达 {size} MB，远超 MentorDesk 交换的任何工作簿</translation>
    </message>
    <message>
        <source>the workbook is damaged or truncated (the zip package cannot be read: {error})</source>
        <translation>工作簿已损坏或不完整（无法读取 zip 压缩包：{error}）</translation>
    </message>
    <message>
        <source>the workbook cannot be read ({error})</source>
        <translation>无法读取工作簿（{error}）</translation>
    </message>
    <message>
        <source>the workbook cannot be read: a sheet part it lists is missing ({error})</source>
        <translation>无法读取工作簿：其中列出的某个工作表部件缺失（{error}）</translation>
    </message>
    <message>
        <source>the workbook cannot be read ({kind}: {error})</source>
        <translation>无法读取工作簿（{kind}：{error}）</translation>
    </message>
    <message>
        <source>more than {rows:,} rows, far larger than this kind of sheet gets; nothing was imported</source>
        <translation>超过 {rows:,} 行，远超此类工作表的正常规模；未导入任何数据</translation>
    </message>
    <message>
        <source>the sheet cannot be read ({kind}: {error})</source>
        <translation>无法读取工作表（{kind}：{error}）</translation>
    </message>
    <message>
        <source>{value} is an ID stored as a number, and the spreadsheet has already dropped its last digits; format the column as Text, type the IDs again and import again</source>
        <translation>{value} 是以数字形式保存的编号，电子表格已丢失其末尾数字；请将该列设为“文本”格式，重新输入编号后再导入</translation>
    </message>
</context>
<context>
    <name>area</name>
    <message>
        <source>Pass to trainee…</source>
        <translation>交给学员确认…</translation>
    </message>
    <message>
        <source>Show the draft full screen for the trainee to read, name and sign (no key)</source>
        <translation>全屏显示草稿，供学员阅读、填写姓名并签名（无需密钥）</translation>
    </message>
    <message>
        <source>Countersigned; the comment and result are recorded.</source>
        <translation>已会签；评语和考核结果已记录。</translation>
    </message>
    <message>
        <source>Countersign…</source>
        <translation>会签…</translation>
    </message>
    <message>
        <source>Countersign this signed sheet here as the school teacher, with a comment</source>
        <translation>在本机以学校教师身份会签此已签署的考核表，并填写评语</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Pass to trainee</source>
        <translation>交给学员确认</translation>
    </message>
</context>
</TS>
