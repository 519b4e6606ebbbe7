"""Fix 4 of bibliography.py, inside citeproc-py itself: a `cs:substitute` printed twice.

Tied to citeproc-py 0.11.x internals (hence the pin in pyproject.toml): re-check these
patches when upgrading it. Applied once per process, guarded by a flag on the class.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_CSL = "{http://purl.org/net/xbiblio/csl}"


def patch_citeproc(model: Any) -> None:
    """Fix 4: suppress what a `cs:substitute` rendered, also a macro's variables or names.

    citeproc 0.11.1 records only the `variable` attribute of the substituting element
    itself, which a `<text macro="title"/>` or a `<choose>` does not have, and its
    `cs:names` never looks at that record. This replaces `Substitute.render` (same loop,
    plus a walk of what was rendered) and wraps `Names.process`, once per process; it
    also indexes macros (see `_indexed_get_macro`).
    """
    if not getattr(model.Substitute, "her2kb_fixed", False):
        model.Substitute.render = _substitute_render(model)
        model.Names.process = _names_process(model, model.Names.process)
        model.CitationStylesElement.get_macro = _indexed_get_macro(
            model.CitationStylesElement.get_macro
        )
        model.Substitute.her2kb_fixed = True


def _indexed_get_macro(original: Any) -> Any:
    """Speed, not a fix: `get_macro` runs an XPath query over the whole style on every call
    (about 200 calls per APA entry), which made up 40% of APA's time. The macros are
    indexed once per parsed style, on its root element, so the index dies with the style.
    """
    def get_macro(self: Any, name: str) -> Any:
        root = self.get_root()
        macros = root.__dict__.get("her2kb_macros")
        if macros is None:
            macros = {}
            for macro in root.iterchildren(f"{_CSL}macro"):
                macros.setdefault(macro.get("name"), macro)  # XPath `[1]`: the first wins
            root.her2kb_macros = macros
        return macros[name] if name in macros else original(self, name)

    return get_macro


def _substitute_render(model: Any) -> Any:
    def render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        for child in self.getchildren():
            try:
                if isinstance(child, model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            if text:
                item["her2kb_substituted"] = True  # tells `process` to look for repression
                repressed = context.get_layout().repressed
                for tag, variable in _printed_variables(model, child, item, context):
                    repressed.setdefault(tag, []).append(variable)
                return text
        return None

    return render


def _names_process(model: Any, original: Any) -> Any:
    def process(self: Any, item: Any, names_context: Any = None, context: Any = None,
                **kwargs: Any) -> Any:
        # Finding the layout is an XPath query: only for items that ever had a substitute.
        if context is not None and "her2kb_substituted" in item:
            repressed = context.get_layout().repressed.get(self.tag)
            roles = [role for role in self.get("variable").split()
                     if role.replace("-", "_") in item.reference]
            if repressed and roles and set(roles) <= set(repressed):
                raise model.VariableError  # all printed by a substitute already: now empty
        return original(self, item, names_context, context, **kwargs)

    return process


def _printed_variables(
    model: Any, element: Any, item: Any, context: Any
) -> Iterator[tuple[str, str]]:
    """`(tag, variable)` of the text and names an element renders, through macro and choose."""
    tag = element.tag.removeprefix(_CSL) if isinstance(element.tag, str) else ""
    if tag == "names":
        for variable in element.get("variable", "").split():
            yield element.tag, variable
    elif tag == "text" and element.get("variable"):
        yield element.tag, element.get("variable")
    elif tag == "text" and element.get("macro"):
        macro = element.get_macro(element.get("macro"))
        yield from _printed_variables(model, macro, item, context)
    elif tag == "choose":
        for branch in element.getchildren():
            try:
                branch.render(item, context=context)  # raises ConditionFailed if not taken
            except model.ConditionFailed:
                continue
            except model.VariableError:
                pass
            yield from _printed_variables(model, branch, item, context)
            return
    elif tag in ("group", "macro", "if", "else-if", "else"):
        for child in element.getchildren():
            yield from _printed_variables(model, child, item, context)


# -- text out --------------------------------------------------------------------------
