"""Problems found in catalogue files, with the bilingual messages people read.

A problem carries the file, the 1-based line and column, the dotted key and a message
code; `MESSAGES` holds every message once, in Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

from learning_city.data.characters import visible

# code -> (Chinese, English); {placeholders} are filled from Problem.args.
MESSAGES: dict[str, tuple[str, str]] = {
    "not_utf8": ("文件不是 UTF-8 编码，请用 UTF-8 重新保存", "the file is not UTF-8; save it as UTF-8"),
    "gbk": (
        "文件是 GBK 编码，请在编辑器中“另存为 UTF-8”",
        "the file is saved as GBK; save it as UTF-8",
    ),
    "empty": ("文件是空的", "the file is empty"),
    "tab": ("用了 Tab 缩进，请改用空格", "tab used for indentation; use spaces"),
    "fullwidth_colon": (
        "用了全角冒号“：”，键名后应为半角冒号“:”加空格",
        "full-width colon '：' after a key; type ':' and a space",
    ),
    "conflict_marker": (
        "合并冲突标记 {marker}：两次修改冲突了，请保留正确的内容，删除 <<<<<<<、=======、>>>>>>> 这几行",
        "merge conflict marker {marker}: two changes collided; keep the right text and delete the <<<<<<<, ======= and >>>>>>> lines",
    ),
    # typing mistakes named on their own line (yamllines.py): what is wrong and what to type instead
    "fullwidth_space": (
        "用了全角空格“　”：缩进和冒号后面只能用半角空格。请删掉这些空格，切换到英文输入法后重新按空格键",
        "a full-width space '　': indentation and the space after a colon must be ordinary spaces; delete it and type the spaces again with the input method in English mode",
    ),
    "colon_without_space": (
        "冒号后面少了一个空格：请改成 {fix}（半角冒号“:”后面加一个空格）",
        "no space after the colon: write {fix} (a colon ':' and then a space)",
    ),
    "dash_without_space": ("列表项的“-”后面少了一个空格：请改成 {fix}", "no space after the '-' of a list item: write {fix}"),
    "unclosed_quote": (
        "引号没有配对：值以 {quote} 开头，这一行却没有结尾的 {quote}。请在文字末尾补上 {quote}，改成 {fix}",
        "the quote {quote} that begins this value is not closed on this line: add {quote} at the end of the text: {fix}",
    ),
    "text_after_quote": (
        "引号后面还有文字：引号要括住整段文字，如 {fix}；文字中间要用引号时，可以用中文引号“”",
        "text goes on after the closing quote: put the whole text in quotes, e.g. {fix}",
    ),
    "reserved_start": (
        "值的第一个字符“{char}”在这里有特殊用途：请给整段文字加上英文双引号，改成 {fix}",
        "'{char}' has a special meaning at the start of a value: put the whole text in double quotes: {fix}",
    ),
    "colon_in_value": (
        "值里有“冒号加空格”，会被当作又一个键：请给整段文字加上英文双引号，改成 {fix}；或把冒号改成中文冒号“：”",
        "the value holds a colon followed by a space, which would start another key: put the whole text in double quotes: {fix}",
    ),
    "no_colon": (
        "这一行缺少冒号：应写成“键名: 值”（半角冒号“:”后面加一个空格），如 {fix}",
        "this line has no colon: write 'key: value' (a colon ':' and then a space), e.g. {fix}",
    ),
    "indent": (
        "缩进没对齐：这一行前面有 {found} 个空格，应与第 {line} 行的“{name}”对齐，前面有 {expected} 个空格（同一层的键上下对齐，每深一层多 2 个空格）",
        "indentation: this line starts after {found} spaces; line it up with '{name}' on line {line}, after {expected} spaces (keys of one level line up, each level 2 spaces deeper)",
    ),
    "unclosed_bracket": (
        "括号没有配对：以“{open}”开始的内容要以“{close}”结束，各项之间用英文逗号隔开，如 {example}；如果是文字，请整段加上英文双引号",
        "the '{open}' is not closed: end it with '{close}' and separate the items with commas, e.g. {example}; if it is text, put it in double quotes",
    ),
    "syntax": (
        "文件格式有误：请检查这一行和上一行的缩进、冒号和引号",
        "YAML syntax error ({detail}): check this line and the line above for indentation, colons and quotes",
    ),
    "duplicate_key": (
        "键重复，第 {first} 行已经写过",
        "duplicate key, already given on line {first}",
    ),
    "anchor": (
        "不允许使用 YAML 锚点和别名（& 和 *），请直接写出内容",
        "YAML anchors and aliases (& and *) are not allowed; write the content out",
    ),
    "tag": ("不允许使用 YAML 标签（{tag}）", "YAML tags ({tag}) are not allowed"),
    "multiple_documents": ("一个文件只能有一个文档（去掉多余的 ---）", "one document per file (remove the extra ---)"),
    "yes_no": (
        "“{value}”会被部分工具读成是/否：文字请加引号，是否字段请写 true 或 false",
        "'{value}' reads as a boolean in some tools: quote it if it is text, write true or false for a yes/no field",
    ),
    "non_string_key": ("键名必须是文字", "keys must be text"),
    "top_not_mapping": ("文件顶层必须是“键: 值”的映射", "the top level of the file must be a mapping of keys"),
    "missing": ("缺少必填项", "required field is missing"),
    "missing_zh": ("缺少中文内容（zh）", "Chinese text (zh) is required"),
    "unknown_key": ("未知的键{hint}", "unknown key{hint_en}"),
    "slug": (
        "编号“{value}”不合规：只能用小写字母、数字和连字符，如 nanhu-adult-school",
        "id '{value}' is not a safe slug: lowercase letters, digits and hyphens, e.g. nanhu-adult-school",
    ),
    "clock": (
        '时间“{value}”应写成带引号的 "HH:MM"，如 "19:30"，从 "00:00" 到 "23:59"（开到午夜写 "23:59"）',
        'time \'{value}\' must be written "HH:MM" in quotes, e.g. "19:30", from "00:00" to "23:59" (open until midnight: "23:59")',
    ),
    "link_scheme": (
        "链接“{value}”不安全：只允许 http、https、mailto、tel",
        "link '{value}' is not allowed: only http, https, mailto and tel",
    ),
    "end_before_start": ("结束早于开始（开始为 {start}）", "ends before it starts (start {start})"),
    "not_after_start": ("须晚于开始（开始为 {start}）", "must be after the start ({start})"),
    "bad_date": (
        "日期“{value}”不对：请写成 2026-09-06 这样的年-月-日（数字之间用“-”），而且须是日历上有的日子",
        "'{value}' is not a date: write it YYYY-MM-DD, e.g. 2026-09-06, and a day the calendar has",
    ),
    "date_out_of_range": (
        "日期 {value} 超出范围：应在 {min} 至 {max} 之间，请检查年份",
        "the date {value} is out of range: it must be between {min} and {max}; check the year",
    ),
    "bad_value": ("取值不对：{detail}", "invalid value: {detail}"),
    "bad_choice": ("只能取以下之一：{choices}", "must be one of: {choices_en}"),
    "expected_text": ("这里应为文字（数字、true/false 请加引号）", "text expected here (quote numbers and true/false)"),
    "expected_number": ("这里应为数字", "a number is expected here"),
    "plain_number": (
        "“{value}”不是数字：只写阿拉伯数字，需要时加小数点，如 24 或 1.5（不要空格、下划线、单位）",
        "'{value}' is not a plain number: write digits, with a decimal point if needed, e.g. 24 or 1.5 (no spaces, underscores or units)",
    ),
    "expected_list": ("这里应为列表（每项以“- ”开头）", "a list is expected here (items start with '- ')"),
    "expected_mapping": ("这里应为“键: 值”的映射", "a mapping of keys is expected here"),
    "expected_bool": ("这里应为 true 或 false（不加引号）", "true or false expected here, without quotes"),
    "id_mismatch": (
        "编号“{value}”与文件名“{stem}”不一致",
        "id '{value}' does not match the file name '{stem}'",
    ),
    "duplicate_id": ("编号“{value}”重复，已在 {first} 使用", "id '{value}' is used twice, first at {first}"),
    "unknown_ref": ("引用了不存在的{what}“{value}”", "refers to a {what_en} '{value}' that does not exist"),
    "bad_token": ("政策正文中的引用“{value}”无法识别", "unknown reference '{value}' in the policy text"),
    "missing_file": ("缺少目录文件", "catalogue file is missing"),
    "metric_missing": ("computed 目标必须给出 metric", "a computed target needs a metric"),
    "unknown_metric": ("未知的计算方法“{value}”，可用：{choices}", "unknown metric '{value}'; known: {choices}"),
    "range_needs_max": ("comparator 为 range 时必须给出 value_max", "a range needs value_max"),
    "deadline_missing": ("kind 为 deadline 的目标必须给出 deadline", "a target of kind deadline needs a deadline"),
    "deadline_not_allowed": (
        "“{kind}”目标没有期限（文件未规定日期），请删去 deadline",
        "a {kind} target has no deadline (the document gives no date): remove deadline",
    ),
    "token_without_deadline": (
        "政策正文中的“{value}”引用了没有期限的目标",
        "'{value}' in the policy text asks for the deadline of a target that has none",
    ),
    "no_kind_tier": ("“{kind}”不属于四级网络，不能有上级", "a {kind} is outside the four-tier network and has no parent"),
    "wrong_parent_tier": (
        "上级机构必须在上一级（第 {tier} 级）",
        "the parent must be one tier up (tier {tier})",
    ),
    "children_wrong_tier": (
        "下属机构“{children}”的上级须为第 {tier} 级机构，与本机构现在的类型不符：请改回机构类型，或先为下属机构改选上级",
        "the providers under this one ({children_en}) need a parent of tier {tier}, and a provider of kind {kind} is not: "
        "change the kind back, or first give them another parent",
    ),
    "repeated_recognition": (
        "与第 {row} 项是同一个称号（类型、级别、年份和获评对象都相同）：同一称号只写一次，请删去一项",
        "the same recognition as item {row} (same kind, level, year and recipient): list it once; remove one",
    ),
    "hours_overlap": (
        "{day}的这段开放时间与第 {row} 段（{opens}–{closes}）重叠：同一天分段开放时，各段不能重叠",
        "on {day_en} these hours overlap row {row} ({opens}–{closes}): a day's separate opening hours may not overlap",
    ),
    "no_class_day": (
        "{start} 至 {end} 之间一次课也没有（上课日：{days}，已除去不上课的日期）：请检查上课日、起止日期和不上课的日期",
        "no class between {start} and {end} (class days: {days_en}, days off left out): check the class days, the dates and the days off",
    ),
    "parent_other_county": (
        "上级机构“{parent}”在{parent_county}，本机构在{county}：镇（街道）和村（社区）的学校，上级是本县（市、区）的学校；请改选上级，或改所在地区",
        "the parent {parent_en} is in {parent_county_en} and this provider in {county_en}: a town or village school's parent "
        "is a school of its own county; choose another parent, or correct the region",
    ),
    "children_other_county": (
        "下属机构“{children}”在{children_county}，本机构在{county}，不在同一县（市、区）：本机构的所在地区填错了就请改正，否则请下属机构改选上级",
        "the providers under this one ({children_en}) are in {children_county_en}, and this one in {county_en}: "
        "correct this one's region if it is wrong; otherwise they need another parent",
    ),
    "venue_other_county": (
        "场馆“{venue}”在{venue_county}，所在地区却是{county}：请改选场馆，或改所在地区",
        "the venue {venue_en} is in {venue_county_en}, and the region given is in {county_en}: choose another venue, or correct the region",
    ),
    "no_english": ("没有英文（en），英文网站将显示中文", "no English (en): the English site will show the Chinese"),
    "enrolment_passed": ("报名已于 {closes} 截止", "enrolment closed on {closes}"),
    "not_yet": (
        "{value} 还没到（今天是 {today}）：这里只能填已经过去的日子或年份，请检查年份",
        "{value} is still to come (today is {today}): only a past day or year goes here; check the year",
    ),
    "stale": ("信息已超过一年未核实（{date}）", "not checked for over a year (last {date})"),
    "schema_line": (
        "第一行应为 {line}（编辑器据此提示字段）",
        "the first line should be {line} (editors use it to suggest fields)",
    ),
    "internal": ("程序内部错误：{detail}", "internal error: {detail}"),
    # what the catalogue folder holds
    "symlink": (
        "不接受符号链接（未读取）：请提交文件本身",
        "symbolic links are refused (not read): commit the file itself",
    ),
    "not_regular": ("不是普通文件（未读取）", "not a regular file (not read)"),
    "wrong_extension": ("扩展名应为 .yml：请改名为 {name}", "the extension must be .yml: rename it to {name}"),
    "stray_file": (
        "目录里不应有这个文件：记录放在 {folders}，每条一个 .yml 文件",
        "this file does not belong here: records go in {folders}, one .yml file each",
    ),
    "stray_folder": (
        "目录里不应有这个文件夹：记录放在 {folders}，每条一个 .yml 文件",
        "this folder does not belong here: records go in {folders}, one .yml file each",
    ),
    "unreadable": ("无法读取：{detail}", "cannot be read: {detail}"),
    "wrong_folder": ("“{value}”类的记录应放在 {folder} 文件夹", "a record of kind '{value}' belongs in the {folder} folder"),
    "too_large": ("文件太大（{size} 字节，上限 {limit}）", "the file is too large ({size} bytes, limit {limit})"),
    "too_deep": ("嵌套超过 {limit} 层", "nested more than {limit} levels deep"),
    # text hygiene
    "hidden_character": (
        "含有看不见的字符 {char}，请删除（它会让文字显示得与内容不同）",
        "contains the invisible character {char}; delete it (it makes text show other than it is)",
    ),
    "fullwidth": (
        "“{value}”含全角字符，请改为半角：{ascii}",
        "'{value}' has full-width characters; write it in ASCII: {ascii}",
    ),
    # values and their order
    "less_than": ("不能小于下限 {start}", "may not be less than {other} ({other} is {start})"),
    "too_small": ("不能小于 {limit}", "must be at least {limit}"),
    "too_big": ("不能大于 {limit}", "must be at most {limit}"),
    "not_above": ("须大于 {limit}", "must be more than {limit}"),
    "not_whole": ("“{value}”须为整数，如 {whole}", "'{value}' must be a whole number, e.g. {whole}"),
    "too_few": ("至少需要 {limit} 项", "needs at least {limit} item(s)"),
    "bad_format": ("格式不对", "malformed value"),
    "bad_phone": (
        "电话“{value}”的格式不对：只写一个号码，用数字和“-”，分机写在“转”后，如 0573-82000000 或 0573-82000000 转 8001",
        "the phone '{value}' is malformed: one number, digits and '-', an extension after 转, e.g. 0573-82000000 or 0573-82000000 转 8001",
    ),
    "bad_handle": (
        "账号“{value}”的格式不对：写代码托管平台上的用户名，不带 @，只用字母、数字和“-”，如 jx-nanhu-cc",
        "the account '{value}' is malformed: the user name on the code forge, without @, letters, digits and '-', e.g. jx-nanhu-cc",
    ),
    "blank": ("只有空格，没有文字：请填写内容，或删去这一项", "only spaces, no text: write the text or remove the line"),
    "repeated": ("“{value}”写了两次，请删去一个", "'{value}' is given twice; remove one"),
    "enrolment_after_start": (
        "报名截止日 {closes} 晚于开课日 {start}",
        "enrolment closes on {closes}, after classes start on {start}",
    ),
    "enrolment_after_end": (
        "报名日期 {date} 晚于结课日 {end}：报名时课程已结束",
        "the enrolment date {date} is after the last day of classes, {end}",
    ),
    "dates_outside_term": (
        "课程日期 {start} 至 {end} 超出学期 {term_start} 至 {term_end}",
        "the course runs {start} to {end}, outside its term ({term_start} to {term_end})",
    ),
    "not_a_class_day": (
        "{date} 不是本课程的上课日（不在课程日期内，或不是上课的星期几），无须列为不上课的日期",
        "{date} is not a class day (outside the course dates, or not one of its weekdays), so it need not be skipped",
    ),
    "percent_over_100": ("目标以百分比计，填报数值 {value} 超过 100", "the target is a percentage: {value} is over 100"),
    "too_many_sessions": (
        "课次 {sessions} 多于日期范围内的上课日（{possible} 天）",
        "{sessions} sessions do not fit: the dates have {possible} class day(s)",
    ),
    # issue 22: online resources
    "web_link": (
        "网址“{value}”应以 http:// 或 https:// 开头，后接网站域名，如 https://example.org/，不能有空格、账号或密码",
        "the address '{value}' is not a web address: http:// or https://, then the site's name, e.g. https://example.org/, with no space, user name or password",
    ),
    "email_link": (
        "邮箱“{value}”应写成 mailto: 加邮箱地址，如 mailto:office@example.org",
        "the e-mail '{value}' must be mailto: and an address, e.g. mailto:office@example.org",
    ),
    "reserved_id": (
        "编号“{value}”是网站保留的（栏目首页用它），请换一个编号",
        "the id '{value}' is reserved: a section's own page has it; choose another id",
    ),
    "line_break": ("这一项只能写一行：请删除其中的换行和制表符", "this field is one line: remove its line breaks and tabs"),
    "too_long": ("内容太长：最多 {limit} 个字", "too long: at most {limit} characters"),
    # events (issue 22); the Chinese names no keys (the form shows these, and the validator's line
    # starts with the key): school staff read Chinese only
    "event_no_host": (
        "活动须写明举办场馆或主办机构，居民才知道找谁",
        "an event names its venue (venue) or the provider that runs it (provider), so residents know whom to ask",
    ),
    "event_no_place": (
        "现场参加的活动须写明举办场馆或地点",
        "the event is held in person ({mode}): give its venue (venue) or a place (place)",
    ),
    "event_no_link": (
        "线上参加的活动须写明线上参加链接",
        "the event is held online ({mode}): give the link to join (online_url)",
    ),
    # issue 22: recognitions of residents (百姓学习之星) and organisations (学习型组织)
    "not_for_kind": (
        "此项只用于称号类型为“{only}”的称号，本条是“{kind}”：请删除此项，或改正称号类型",
        "this field is only for recognitions of kind {only_en}, and this one is {kind}: remove it or correct the kind",
    ),
    "consent_without_person": (
        "勾选了同意公开姓名，但没有填姓名：请补上姓名，或取消同意",
        "consent to publish a name (name_public: true) but no name (person): add the name or remove the consent",
    ),
}

# Messages of the spreadsheet import (`make import`), which the catalogue's files never give.
SHEET_MESSAGES: dict[str, tuple[str, str]] = {
    "not_xlsx": ("不是 Excel 工作簿（.xlsx），未读取：{detail}", "not an Excel workbook (.xlsx), not read: {detail}"),
    "too_big_unpacked": (
        "解压后太大（{size} 字节，上限 {limit}），未读取",
        "too large when unpacked ({size} bytes, limit {limit}), not read",
    ),
    "unsafe_xml": ("文件含有不安全的 XML（DTD 或实体），未读取", "the file holds unsafe XML (a DTD or entities), not read"),
    "unknown_sheet": (
        "未知的工作表“{value}”，其内容不会导入：工作表应为 {names}",
        "unknown sheet '{value}', its content would not be imported: the sheets are {names}",
    ),
    "no_sheet": ("缺少工作表“{value}”", "the sheet '{value}' is missing"),
    "missing_column": (
        "缺少列“{value}”（请用 make template 生成的表格）",
        "the column '{value}' is missing (use the sheet make template writes)",
    ),
    "unknown_column": ("未知的列“{value}”，其内容不会导入{hint}", "unknown column '{value}', its content would not be imported{hint_en}"),
    "duplicate_column": ("列“{value}”出现了两次", "the column '{value}' is given twice"),
    "formula": (
        "单元格是公式（{value}），不接受公式：请直接填写内容",
        "the cell holds a formula ({value}); formulas are refused: type the value itself",
    ),
    "formula_text": (
        "单元格以 = + - @ 或制表符、换行开头，表格软件会把它当作公式（{value}）：请去掉开头的符号，或改写",
        "the cell begins with = + - @, a tab or a line break, which a spreadsheet takes for a formula ({value}): remove the sign or reword it",
    ),
    "number_for_text": (
        "这里应为文字，单元格却是数字 {value}：表格软件会去掉开头的 0、改写很长的数字。请把单元格格式设为“文本”后重新输入（如 0573-82000000）",
        "text is expected but the cell holds the number {value}: a spreadsheet drops a leading 0 and rewrites long numbers. Format the cell as text and type it again (e.g. 0573-82000000)",
    ),
    "merged": ("单元格 {value} 是合并的：请取消合并，每格分别填写", "the cells {value} are merged: unmerge them and fill each cell"),
    "too_many_rows": ("行数超过 {limit}：请分成几个文件导入", "more than {limit} rows: split it into several files"),
    "number_for_date": (
        "这里应为日期，单元格却是数字 {value}：请把单元格格式设为日期，或写成 YYYY-MM-DD",
        "a date is expected but the cell holds the number {value}: format the cell as a date, or type YYYY-MM-DD",
    ),
    "number_for_clock": (
        "这里应为时间，单元格却是数字 {value}：请把单元格格式设为时间，或写成 HH:MM，如 19:30",
        "a time is expected but the cell holds the number {value}: format the cell as a time, or type HH:MM, e.g. 19:30",
    ),
    "error_cell": ("单元格是错误值 {value}", "the cell holds an error value {value}"),
    "yes_no_cell": ("这里请从下拉列表选“是”或“否”", "choose 是 (yes) or 否 (no) from the cell's list here"),
    "nothing_to_import": ("没有可导入的记录", "no records to import"),
    "id_changed": (
        "编号不能在表格中修改（原为“{old}”）：编号是网址，也被其他记录引用；改名请联系维护者",
        "the id cannot be changed in a sheet (it was '{old}'): ids are addresses that other records refer to; ask a maintainer to rename",
    ),
    "owner_not_in_book": (
        "“{value}”不在本表格的“{sheet}”工作表中：一行是整条记录，请从 make export 导出的该记录表格开始填写",
        "'{value}' is not on this workbook's {sheet} sheet: a row is the whole record, so start from the workbook make export wrote for it",
    ),
}


# What a reference names, for unknown_ref's {what} and {what_en}: the validator and the web editor say it alike.
REFERENCES: dict[str, tuple[str, str]] = {
    "section": ("政策章节", "policy section"),
    "target": ("目标", "target"),
    "region": ("地区", "region"),
    "provider": ("机构", "provider"),
    "parent": ("上级机构", "parent provider"),
    "term": ("学期", "term"),
    "venue": ("场馆", "venue"),
}


class Reference(TypedDict):
    what: str
    what_en: str


def reference(kind: str) -> Reference:
    """unknown_ref's arguments naming what was referred to."""
    zh, en = REFERENCES[kind]
    return Reference(what=zh, what_en=en)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    key: str
    code: str
    args: dict = field(default_factory=dict, compare=False, hash=False)
    severity: str = "error"

    def message(self) -> str:
        """Both languages; values from the file are echoed with hidden characters escaped."""
        zh, en = MESSAGES.get(self.code) or SHEET_MESSAGES[self.code]
        args = {name: visible(str(value)) for name, value in self.args.items()}
        return f"{zh.format(**args)} / {en.format(**args)}"

    def __str__(self) -> str:
        key = visible(self.key) or "-"
        return f"{visible(self.path)}:{self.line}:{self.col}: {self.severity}: {key}: {self.message()}"


def dotted(loc: tuple) -> str:
    """('courses', 2, 'title', 'zh') -> 'courses[2].title.zh'"""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
