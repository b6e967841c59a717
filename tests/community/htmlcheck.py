"""Parse a page and list anything that could run script."""

from html import unescape
from html.parser import HTMLParser

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "base", "frame", "applet"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcdoc",
}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")


def browser_url(value: str) -> str:
    """The URL as a browser reads an attribute (WHATWG URL: tabs and newlines removed, C0/space trimmed)."""
    url = unescape(value)
    for char in "\t\n\r":
        url = url.replace(char, "")
    return url.strip("".join(chr(c) for c in range(0x21)))


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name == "style" and value and "url(" in value.lower():
                self.problems.append(f"style with url() on <{tag}>")
            if name in URL_ATTRIBUTES and value and browser_url(value).lower().startswith(BAD_SCHEMES):
                self.problems.append(f"{name}={value!r} on <{tag}>")

    handle_startendtag = handle_starttag


def script_hazards(html: str) -> list[str]:
    """Every element or attribute in `html` that could execute script."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.problems
