"""The demo site: the home page, then each app's demo content under it, in English and then in
Simplified Chinese (idempotent). The Chinese texts are data, in demo_content_zh.toml files."""

import tomllib
from pathlib import Path

from wagtail.models import Locale

from home.info_pages import ensure_info_pages
from home.models import InfoPage
from home.site_tree import ensure_home_page
from maghub.site_tree import ensure_translation
from news import demo as news_demo
from news import demo_chinese as news_demo_chinese

TAGLINE = "News and community for multinational companies in Shanghai"
CHINESE = Path(__file__).with_name("demo_content_zh.toml")


def load(log=print, *, hostname="localhost", port=80):
    """Build (or complete) the demo pages served at `hostname`:`port`; safe to run any number of
    times. Returns the (English) home page."""
    home = ensure_home_page(tagline=TAGLINE, hostname=hostname, port=port)
    news_demo.load(home, log=log)
    ensure_info_pages(home)  # About, Contact, Privacy, Terms: the footer's pages
    load_chinese(home, log=log)
    return home


def load_chinese(home, log=print):
    """The Chinese home page (the site root's translation, served at /zh/), then the Chinese
    versions of the demo pages under it."""
    chinese = Locale.objects.get(language_code="zh-hans")
    texts = tomllib.loads(CHINESE.read_text(encoding="utf-8"))
    ensure_translation(home, chinese, **texts["home"])
    news_demo_chinese.load(home, chinese, log=log)
    for slug, fields in texts["info_pages"].items():
        ensure_translation(InfoPage.objects.child_of(home).get(slug=slug), chinese, **fields)
