"""Demo content built from the real story behind MagHub's launch (idempotent).

The story itself is data, in demo_content.toml; this module turns it into pages.
`load(home)` is what `manage.py load_demo` runs under the site's home page; another app
adds its own `demo.py` with a `load(log)` and one line in that command.
"""

import tomllib
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText

from PIL import Image, ImageDraw

from maghub.site_tree import ensure_child
from news.models import (
    ArticleAuthor,
    ArticleCompany,
    ArticlePage,
    Author,
    Award,
    Certification,
    CompanyCertification,
    CompanyIndexPage,
    CompanyProfilePage,
    District,
    EventIndexPage,
    EventOrganiser,
    EventReportPage,
    Industry,
    NewsIndexPage,
)
from news.signals import pages_written

CONTENT = Path(__file__).with_name("demo_content.toml")


def load(home, log=print):
    """Build (or complete) the demo site under `home`; safe to run any number of times. Returns `home`."""
    story = tomllib.loads(CONTENT.read_text(encoding="utf-8"))
    news, _ = ensure_child(
        home, NewsIndexPage, "news", title="News", intro="What multinationals in Shanghai need to know."
    )
    companies, _ = ensure_child(
        home, CompanyIndexPage, "companies", title="Companies", intro="The companies in MagHub's stories."
    )
    events, _ = ensure_child(
        home, EventIndexPage, "events", title="Events", intro="Reports from MagHub events."
    )
    load_vocabulary(Industry, story["industries"])
    load_vocabulary(District, story["districts"])
    photos = {key: demo_image(**spec) for key, spec in story["images"].items()}

    profiles = {
        spec["slug"]: company_profile(companies, story["event"]["start"], **spec)
        for spec in story["companies"]
    }
    certify(profiles, **story["certification"])
    Award.objects.get_or_create(
        name=story["award"]["name"], defaults={"description": story["award"]["description"]}
    )
    event = event_report(events, profiles, photos, **story["event"])
    author, _ = Author.objects.get_or_create(slug=story["author"]["slug"], defaults=story["author"])
    articles = [demo_article(news, author, photos, **spec) for spec in story["articles"]]
    created = [article.slug for article, is_new in articles if is_new]
    # Certifications are added after the companies were published: announce every demo page.
    pages = [*profiles.values(), event, *(article for article, _ in articles)]
    pages_written.send(sender=Page, ids=[page.pk for page in pages])
    live = {
        model: model.objects.live().filter(locale=home.locale).count()
        for model in (ArticlePage, CompanyProfilePage, EventReportPage)
    }
    log(
        f"Demo content ready: {live[ArticlePage]} articles, {live[CompanyProfilePage]} companies, "
        f"{live[EventReportPage]} event reports ({len(created)} articles created this run)."
    )
    return home


def load_vocabulary(model, terms):
    """The terms, each with its Chinese name; a term that exists keeps its names, or gets the
    Chinese name if it has none yet."""
    for name, name_zh in terms:
        term, _ = model.objects.get_or_create(name=name, defaults={"name_zh": name_zh})
        if not term.name_zh:
            model.objects.filter(pk=term.pk).update(name_zh=name_zh)


def terms(model, names):
    return list(model.objects.filter(name__in=names))


def stream(blocks):
    """StreamField data from the TOML's [type, value...] lists."""
    values = []
    for block_type, *value in blocks:
        if block_type == "paragraph":
            values.append((block_type, RichText(value[0])))
        elif block_type == "fact_box":
            values.append((block_type, {"title": value[0], "body": RichText(value[1])}))
        else:
            values.append((block_type, value[0]))
    return values


def demo_image(title, label, colours):
    """A picture drawn locally (no downloads), stored once."""
    image = get_image_model().objects.filter(title=title).first()
    if image is None:
        image = get_image_model()(
            title=title,
            alt_text=f"Illustration: {label}",
            credit="MagHub demo illustration",
            collection=Collection.get_first_root_node(),
            file=ImageFile(draw_picture(colours, label), name=f"demo-{label.lower().replace(' ', '-')}.png"),
        )
        image.save()
    return image


def draw_picture(colours, label, size=(1200, 675)):
    """A vertical gradient between two colours with a caption, as PNG bytes in memory."""
    (r1, g1, b1), (r2, g2, b2) = colours
    width, height = size
    picture = Image.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / (height - 1)
        colour = (round(r1 + (r2 - r1) * t), round(g1 + (g2 - g1) * t), round(b1 + (b2 - b1) * t))
        draw.line([(0, y), (width, y)], fill=colour)
    draw.rectangle([(40, height - 120), (width - 40, height - 40)], fill=(255, 255, 255))
    draw.text((60, height - 100), f"MagHub · {label}", fill=(27, 29, 33), font_size=40)
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def company_profile(parent, published, *, slug, industries, districts, **fields):
    page, _ = ensure_child(
        parent,
        CompanyProfilePage,
        slug,
        industries=terms(Industry, industries),
        districts=terms(District, districts),
        first_published_at=published,
        **fields,
    )
    return page


def certify(profiles, *, name, awarded_by, description, holders):
    certification, _ = Certification.objects.get_or_create(
        name=name, defaults={"awarded_by": awarded_by, "description": description}
    )
    for slug in holders:
        CompanyCertification.objects.get_or_create(
            company=profiles[slug], certification=certification, defaults={"year": 2024}
        )


def event_report(
    parent,
    profiles,
    photos,
    *,
    slug,
    image,
    gallery,
    hosts,
    participants,
    industries,
    districts,
    body,
    **fields,
):
    photos_block = [{"image": photos[key], "caption": caption, "credit": ""} for key, caption in gallery]
    page, _ = ensure_child(
        parent,
        EventReportPage,
        slug,
        lead_image=photos[image],
        organisers=[
            EventOrganiser(name=profiles[s].title, company=profiles[s], role="host", sort_order=order)
            for order, s in enumerate(hosts)
        ],
        participating_companies=[profiles[s] for s in participants],
        body=stream(body),
        gallery=[("photos", photos_block)],
        industries=terms(Industry, industries),
        districts=terms(District, districts),
        first_published_at=fields["end"],
        **fields,
    )
    return page


def demo_article(
    parent, author, photos, *, slug, image, published, companies, industries, districts, body, **fields
):
    """(article, created)."""
    return ensure_child(
        parent,
        ArticlePage,
        slug,
        lead_image=photos[image],
        lead_image_caption=photos[image].title,
        body=stream(body),
        author_links=[ArticleAuthor(author=author)],
        company_mentions=ArticleCompany.mentioning(CompanyProfilePage.objects.filter(slug__in=companies)),
        industries=terms(Industry, industries),
        districts=terms(District, districts),
        first_published_at=published,
        **fields,
    )
