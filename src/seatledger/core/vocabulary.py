"""The tool's own keys in Chinese: units, windows, kinds of day, weekdays, holidays, statuses,
roster rules, payers, settings. JSON and English text keep the key; Chinese text shows the word
(`shown`), so a zh reader meets no English key where they need not type one."""

from __future__ import annotations

from seatledger.core.choices import DEGREE_TITLES, ROLE_TITLES, SHIFT_TITLES
from seatledger.core.i18n import Term, current, local

UNITS = {
    "person-shifts": "人次",
    "occurrences": "次",
    "cases": "件",
    "per-person-shift": "每人次",
    "per-occurrence": "每次",
    "per-case": "每件",
    "percent-of-total": "合同总额的百分比",
    "points": "个百分点",
}
WINDOWS = {
    "day": "每日",
    "iso-week": "每周",
    "month": "每月",
    "half-term": "每半个合同期",
    "rolling-months": "滚动月份",
}
DAY_KINDS = {"working": "工作日", "weekend": "休息日", "holiday": "节假日"}
WEEKDAYS = {
    "Mon": "周一",
    "Tue": "周二",
    "Wed": "周三",
    "Thu": "周四",
    "Fri": "周五",
    "Sat": "周六",
    "Sun": "周日",
}
# chinesecalendar's English holiday names
HOLIDAYS = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
STATUSES = {"open": "未整改", "cured": "已整改", "past cure-by": "已过整改期限", "terminated": "已解除合同"}
ROSTER_RULES = {
    "headcount": "座席人数",
    "degree-quota": "学历比例",
    "project-manager": "项目经理",
    "team-leaders": "组长",
    "groups": "小组配置",
    "replacement": "人员更换",
    "manager-change": "管理人员变更",
    "fire-hazard-removal": "消防隐患人员调离",
}
PAYERS = {"company": "乙方", "person": "个人"}
SETTINGS = {
    "headcount_includes_management": "座席人数含管理人员",
    "shortage_basis": "缺口计算依据",
    "early_request_counts_from_period_start": "提前申请自期间开始计",
    "presence": "按在岗人数",
    "vacancy": "按空缺人数",
    "per-day": "按日",
    "True": "是",
    "False": "否",
}
CHANGES = {"added": "新增", "removed": "删除", "changed": "修改", "voided": "作废"}
KINDS = {
    "attendance": "考勤",
    "incident": "事件",
    "demand": "需求调整",
    "activity": "计次工作",
    "request": "付款申请",
    "payment": "付款",
    "completion": "完成验收",
    "invoice": "发票",
    "replace-request": "更换要求",
    "consent": "书面同意",
    "dispute": "争议",
    "ruling": "裁定",
    "notice": "整改通知",
    "cured": "整改完成",
    "termination": "解除合同",
    "document": "付款依据文件",
    "void": "作废",
    "person": "人员",
    "measurement": "服务水平实测",
    "assessment": "季度考核",
}
# a record's fields, where a change lists them (diff): the file's keys, in words
FIELDS = {
    "absent": "缺勤",
    "amount": "金额",
    "badge": "考勤编号",
    "clause": "条款",
    "count": "次数",
    "cure_by": "整改期限",
    "deducted": "已扣款",
    "degree": "学历",
    "dispute": "争议",
    "document": "文件",
    "excused": "免责",
    "group": "小组",
    "incident": "事件",
    "instalment": "期次",
    "invoiced": "已开票",
    "joined": "入职",
    "left": "离职",
    "name": "名称",
    "notice": "整改通知",
    "obligation": "计次工作",
    "paid": "已付",
    "penalty": "扣款项目",
    "present": "在岗",
    "reason": "原因",
    "ref": "文号",
    "repeat": "重复",
    "required": "需要",
    "role": "岗位",
    "shift": "班次",
    "staff": "人员",
    "target": "作废对象",
    "to": "至",
}
# the command line's own choices (--by, --format, --lang), by a Chinese name too
OPTION_TITLES = {
    "month": "按月",
    "quarter": "按季度",
    "text": "文本",
    "json": "JSON",
    "csv": "CSV",
    "md": "Markdown",
    "html": "网页",
    "xlsx": "Excel",
    "zh": "中文",
    "en": "英文",
}
OPTION_ALIASES = {
    **{t: k for k, t in OPTION_TITLES.items()},
    "月": "month",
    "季度": "quarter",
    "季": "quarter",
    "表格": "xlsx",
    "打印": "html",
}
WORDS: dict[str, str] = {
    **UNITS,
    **WINDOWS,
    **DAY_KINDS,
    **WEEKDAYS,
    **HOLIDAYS,
    **STATUSES,
    **ROSTER_RULES,
    **PAYERS,
    **SETTINGS,
    **SHIFT_TITLES,
    **ROLE_TITLES,
    **DEGREE_TITLES,
}


def shown(key: object, words: dict[str, str] | None = None) -> str:
    """`key` for people: its Chinese word under zh (from `words`, else any table), else the key."""
    if current() != "zh":
        return local(key)
    text = str(key)
    return (words or WORDS).get(text) or WORDS.get(text) or local(key)


def titled(key: str, title: str | None) -> str:
    """A contract key for people: its title under zh (the title names it there), else the key."""
    return title if title and current() == "zh" else key


def term(key: str, words: dict[str, str] | None = None) -> Term:
    """`key` as a Term: the key in JSON and English, its word in Chinese text."""
    return Term(key, (words or WORDS).get(key) or WORDS.get(key, key))
