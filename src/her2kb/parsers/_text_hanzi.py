"""Records of Chinese databases (CNKI, Wanfang, VIP) copied as text (formats.md §7).

They print `题名：…`, `作者：王晓明；李娜`, `刊名：…`, `年：2018`, `卷：40`, `期：6`,
`页码：432-437` and so on, with a full-width colon; the labels below join the reader's
own. Authors are written in characters, family name first with nothing between the
parts: the family name is the first character, or two for the compound surnames below.
"""

from __future__ import annotations

import re

# Label -> the generic reader's common key, beside the Web of Science labels there.
HANZI_LABELS = {
    "题名": "title", "篇名": "title", "题目": "title", "刊名": "container_title",
    "期刊": "container_title", "文献来源": "container_title", "来源": "container_title",
    "年": "date", "年份": "date", "出版日期": "date", "页码": "pages", "关键词": "keywords",
    "关键字": "keywords", "文献类型": "article_type", "作者单位": "_affiliations",
    "机构": "_affiliations", "分类号": "_class", "基金项目": "_funding", "基金": "_funding",
    "在线出版日期": "online_date",
}
# Two-character family names (复姓) common enough to meet in an author list.
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
    "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "申屠",
})
_HANZI_NAME = re.compile(r"^[\u4e00-\u9fff]{2,5}$")
_SEPARATOR = re.compile(r"\s*[；;，,、]\s*")


def hanzi_names(value: str) -> str | None:
    """`王晓明；欧阳志强` -> `王, 晓明; 欧阳, 志强`; None unless every name is in characters."""
    names = [part for part in _SEPARATOR.split(value.strip().rstrip("；;")) if part]
    if not names or not all(_HANZI_NAME.match(name) for name in names):
        return None
    split = [(name[:2], name[2:]) if name[:2] in COMPOUND_SURNAMES and len(name) > 2
             else (name[:1], name[1:]) for name in names]
    return "; ".join(f"{family}, {given}" for family, given in split)
