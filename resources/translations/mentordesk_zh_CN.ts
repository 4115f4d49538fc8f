<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Welcome to MentorDesk</source>
        <translation>欢迎使用 MentorDesk</translation>
    </message>
    <message>
        <source>This database is empty. Load demo data (a steel plant&apos;s rolling and steelmaking order classes) to look around?</source>
        <translation>数据库是空的。要载入演示数据（某钢厂的轧钢和炼钢订单班）先看看吗？</translation>
    </message>
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
        <source>MentorDesk cannot open the database</source>
        <translation>MentorDesk 无法打开数据库</translation>
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
        <source>Attendance: %1 sessions — %2 present, %3 late, %4 left early, %5 absent, %6 excused; %7 hours; rate %8</source>
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
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>No PDF viewer opened %1</source>
        <translation>没有 PDF 阅读器能打开 %1</translation>
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
        <source>Your &amp;name</source>
        <translation>您的姓名(&amp;N)</translation>
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
    <name>Job</name>
    <message>
        <source>The work stopped on an unexpected error: %1</source>
        <translation>操作因意外错误而中止：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>This area is not available in this build.</source>
        <translation>此版本中没有这一部分。</translation>
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
        <source>— unmarked</source>
        <translation>— 未记录</translation>
    </message>
    <message>
        <source>Not in this session&apos;s cohort on this date, but marked</source>
        <translation>当天不属于本课次的班级，但已记录考勤</translation>
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
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>正在读取工作簿…</translation>
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
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>撤销上一次更改 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做 (Ctrl+Shift+Z)</translation>
    </message>
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
        <source>No session yet — press Ctrl+N</source>
        <translation>还没有课次 — 按 Ctrl+N 新建</translation>
    </message>
    <message>
        <source>Choose the session to repeat first</source>
        <translation>请先选择要重复的课次</translation>
    </message>
    <message>
        <source>%1 already has a session today; it is open.</source>
        <translation>%1 今天已有课次，已为您打开。</translation>
    </message>
    <message>
        <source>Session copied to today.</source>
        <translation>已将课次复制到今天。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
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
    <message>
        <source>Unmarked</source>
        <translation>未记录</translation>
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
    <name>TraineeRecordDialog</name>
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
        <source>Attendance rate &lt;b&gt;%1&lt;/b&gt; · sessions %2 · present %3 · late %4 · left early %5 · absent %6 · excused %7 · hours %8 · skills rated %9</source>
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
</context>
<context>
    <name>TraineesArea</name>
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
</TS>
