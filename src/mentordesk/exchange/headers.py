"""The column headers of interchange.md: roster synonyms and the results sheets in two languages."""

from __future__ import annotations

from .cell_values import header_key

ROSTER_SHEETS = ("Trainees", "Roster", "学员", "名单")

ROSTER_HEADERS: dict[str, tuple[str, ...]] = {
    "trainee_id": ("Trainee ID", "Student ID", "Student No", "ID", "学号", "学员编号"),
    "name": ("Name", "Full Name", "Trainee", "Student", "姓名"),
    "cohort": ("Cohort", "Class", "Group", "班级", "班别"),
    "programme": ("Programme", "Program", "项目", "培养项目"),
    "track": ("Track", "Direction", "Major", "Specialty", "方向", "专业"),
    "employee_no": ("Employee No", "Employee ID", "Staff No", "工号", "员工编号"),
    "status": ("Status", "状态"),
    "email": ("Email", "E-mail", "邮箱"),
    "hire_date": ("Hire Date", "Date of Hire", "入职日期", "入职时间"),
    "post": ("Post", "Position", "Job", "岗位", "工种"),
}
ROSTER_KEYS = {header_key(h): f for f, names in ROSTER_HEADERS.items() for h in names}

STATUS_WORDS = {
    "active": "active",
    "withdrawn": "withdrawn",
    "graduated": "graduated",
    "在读": "active",
    "在训": "active",
    "退出": "withdrawn",
    "结业": "graduated",
    "毕业": "graduated",
}

ATTENDANCE_WORDS = {
    "present": "present",
    "late": "late",
    "left_early": "left_early",
    "leftearly": "left_early",
    "absent": "absent",
    "excused": "excused",
    "p": "present",
    "l": "late",
    "le": "left_early",
    "a": "absent",
    "e": "excused",
    "出勤": "present",
    "迟到": "late",
    "早退": "left_early",
    "缺勤": "absent",
    "请假": "excused",
}

# The Calendar sheet's Place: a block's (school, plant) or a day off's (holiday, closure).
PLACE_WORDS = {
    "school": "school",
    "plant": "plant",
    "holiday": "holiday",
    "closure": "closure",
    "学校": "school",
    "工厂": "plant",
    "节假日": "holiday",
    "停工": "closure",
}

# Every header of the results workbook, English first, then its Chinese form.
CHINESE = {
    "Trainee ID": "学号",
    "Employee No": "工号",
    "Name": "姓名",
    "Cohort": "班级",
    "Programme": "培养项目",
    "Track": "方向",
    "Period Start": "起始日期",
    "Period End": "截止日期",
    "Sessions": "实训次数",
    "Present": "出勤",
    "Late": "迟到",
    "Left Early": "早退",
    "Absent": "缺勤",
    "Excused": "请假",
    "Hours": "学时",
    "Attendance Rate": "出勤率",
    "Skills Rated": "已评技能数",
    "Mean Level": "平均等级",
    "Notes": "记录数",
    "Assessment Result": "考核结果",
    "Signed On": "签署时间",
    "Signed By": "签署人",
    "Expected": "应到次数",
    "Unrecorded": "未记录次数",
    "Planned Hours": "计划学时",
    "UID": "唯一标识",
    "Updated At": "更新时间",
    "Deleted": "已删除",
    "Status": "状态",
    "Email": "邮箱",
    "Enrolled On": "入学日期",
    "Left On": "离开日期",
    "Date": "日期",
    "Start": "开始时间",
    "End": "结束时间",
    "Location": "地点",
    "Module": "模块",
    "Task": "任务",
    "Mentor": "导师",
    "Session UID": "实训唯一标识",
    "Minutes Late": "迟到分钟",
    "Note": "备注",
    "Recorded By": "记录人",
    "Rubric": "评价标准",
    "Rubric Version": "标准版本",
    "Skill UID": "技能唯一标识",
    "Skill Code": "技能编号",
    "Skill": "技能",
    "Level": "等级",
    "Rated On": "评定日期",
    "Rater": "评定人",
    "Rater Role": "评定人角色",
    "Evidence": "依据",
    "Written At": "记录时间",
    "Category": "类别",
    "Text": "内容",
    "Author": "记录人员",
    "Version": "版本",
    "Supersedes UID": "取代的唯一标识",
    "Amendment Reason": "修订原因",
    "State": "状态标记",
    "Result": "结果",
    "Strengths": "优点",
    "Improvements": "改进方向",
    "Comment": "评语",
    "Signed At": "签署时刻",
    "Document SHA-256": "文件摘要",
    "Code": "编号",
    "Area": "领域",
    "Rubric UID": "标准唯一标识",
    "Level Labels": "等级名称",
    "Skill (zh)": "技能（中文）",
    "Place": "场所",
    "Label": "说明",
    "Suggestions": "建议",
    "Written By": "填写人",
    "School Reply": "学校回复",
    "Replied By": "回复人",
    "Replied At": "回复时间",
    "Key": "项目名",
    "Value": "值",
}
ENGLISH_BY_KEY = {header_key(h): h for h in CHINESE} | {
    header_key(zh): en for en, zh in CHINESE.items()
}


def level_number(header: object) -> int | None:
    """``Level 3``, ``3`` or ``等级3`` heads the descriptor column of level 3."""
    key = header_key(header)
    for prefix in ("level", "等级", "级别", ""):
        if key.startswith(prefix) and key[len(prefix) :].isdigit():
            return int(key[len(prefix) :])
    return None


def chinese_level(header: object) -> int | None:
    """``Level 3 (zh)`` or ``等级3（中文）`` heads the Chinese descriptor column of level 3."""
    key = header_key(header)
    for mark in ("zh", "中文"):
        if key.endswith(mark):
            return level_number(key[: -len(mark)])
    return None
