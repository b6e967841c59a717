"""The launch story in Simplified Chinese: a translation of each page news/demo.py makes.

The texts are data, in demo_content_zh.toml, keyed by the English slugs. Each Chinese page is
the English page's copy for translation (same translation key), so the language switcher and
hreflang pair them; its links to companies point at the companies' Chinese pages. Idempotent:
a page that already has its Chinese translation is left as the editors keep it.
"""

import tomllib
from pathlib import Path

from wagtail.models import Page

from maghub.site_tree import ensure_translation
from news.demo import stream
from news.models import (
    ArticleCompany,
    ArticlePage,
    Author,
    Award,
    Certification,
    CompanyIndexPage,
    CompanyProfilePage,
    EventIndexPage,
    EventOrganiser,
    EventReportPage,
    NewsIndexPage,
)
from news.signals import pages_written

CONTENT = Path(__file__).with_name("demo_content_zh.toml")
SECTIONS = {"news": NewsIndexPage, "companies": CompanyIndexPage, "events": EventIndexPage}


def load(home, locale, log=print):
    """Translate the demo pages under `home` (the English home page, already translated into
    `locale`); safe to run any number of times. Returns the Chinese pages."""
    texts = tomllib.loads(CONTENT.read_text(encoding="utf-8"))
    results = [
        ensure_translation(SECTIONS[slug].objects.child_of(home).get(slug=slug), locale, **fields)
        for slug, fields in texts["sections"].items()
    ]
    results += [
        translate_company(home, locale, slug, summary, texts["countries"])
        for slug, summary in texts["companies"].items()
    ]
    credit = texts["image_credit"]
    results.append(translate_event(home, locale, credit=credit, **texts["event"]))
    results += [
        translate_article(home, locale, slug, captions=texts["images"], lead_image_credit=credit, **fields)
        for slug, fields in texts["articles"].items()
    ]
    name_in_chinese(texts)
    pages = [page for page, _ in results]
    # A company's search document holds its certifications' names: announce both languages' pages.
    keys = [page.translation_key for page in pages]
    pages_written.send(
        sender=Page, ids=list(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    )
    made = sum(created for _, created in results)
    log(f"Chinese demo content ready: {len(results)} pages ({made} translated this run).")
    return pages


def name_in_chinese(texts):
    """The Chinese names of the certification and the award, and the author's Chinese role, where
    none has been given yet."""
    for model, names in ((Certification, texts["certifications"]), (Award, texts["awards"])):
        for name, name_zh in names.items():
            model.objects.filter(name=name, name_zh="").update(name_zh=name_zh)
    for slug, role_zh in texts["author_roles"].items():
        Author.objects.filter(slug=slug, role_zh="").update(role_zh=role_zh)


def translations(pages, locale) -> list[Page]:
    """The translations of `pages` into `locale`, in their order; a page without one is left out."""
    keys = [page.translation_key for page in pages]
    found = {
        page.translation_key: page for page in Page.objects.filter(locale=locale, translation_key__in=keys)
    }
    return [found[key].specific for key in keys if key in found]


def translate_company(home, locale, slug, summary, countries):
    english = CompanyProfilePage.objects.descendant_of(home).get(slug=slug)
    return ensure_translation(
        english,
        locale,
        title=english.name_zh or english.title,
        summary=summary,
        home_country=countries.get(english.home_country, english.home_country),
    )


def translate_event(home, locale, *, slug, gallery, credit, body, **fields):
    english = EventReportPage.objects.descendant_of(home).get(slug=slug)
    photos = [
        {"image": photo["image"], "caption": caption, "credit": credit}
        for photo, caption in zip(english.gallery[0].value, gallery, strict=True)
    ]
    hosts = english.host_list
    host_pages = translations([host.company for host in hosts], locale)
    return ensure_translation(
        english,
        locale,
        # In the English order: sort_order is what orders them (ties come back in any order).
        organisers=[
            EventOrganiser(name=page.title, company=page, role=host.role, sort_order=order)
            for order, (host, page) in enumerate(zip(hosts, host_pages, strict=True))
        ],
        participating_companies=translations(english.participating_companies.order_by("pk"), locale),
        body=stream(body),
        gallery=[("photos", photos)],
        **fields,
    )


def translate_article(home, locale, slug, *, captions, body, **fields):
    english = ArticlePage.objects.descendant_of(home).get(slug=slug)
    mentioned = [mention.companyprofilepage for mention in english.company_mentions.all()]
    return ensure_translation(
        english,
        locale,
        lead_image_caption=captions.get(english.lead_image_caption, english.lead_image_caption),
        company_mentions=ArticleCompany.mentioning(translations(mentioned, locale)),
        body=stream(body),
        **fields,
    )
