"""Realistic synthetic articles in bulk, for benchmarks (`manage.py generate_content`).

Pages are written with bulk inserts and tree paths computed here rather than one
`add_child()` per page: the Page rows, then the ArticlePage rows that extend them,
then tags, bylines and company mentions as plain multi-row INSERTs, a batch per transaction. Articles are
live and public, without revisions. Each batch is announced with
:data:`news.signals.pages_written`, since bulk inserts send no save or publish signals.
"""

import random
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from maghub.content_cache import bump_content_version
from maghub.planner import refresh_statistics
from news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    CompanyProfilePage,
    District,
    Industry,
    NewsIndexPage,
    PageDistrict,
    PageIndustry,
)
from news.signals import pages_written

HEADLINES = [
    "{company} opens new {topic} centre in {district}",
    "{district} draws record {industry} investment",
    "How {company} is rethinking {topic} in China",
    "{industry} firms in {district} look to Greater Hongqiao",
    "{company} marks {years} years in Shanghai",
    "New rules ease {topic} for foreign-funded enterprises",
    "{district} hosts {industry} forum for multinationals",
    "{company} expands {topic} team as demand grows",
]
TOPICS = [
    "research and development", "supply chain", "digital", "green energy", "customer service",
    "logistics", "training", "cross-border trade", "innovation", "sustainability",
]  # fmt: skip
SENTENCES = [
    "Executives said the move reflects growing confidence in the Shanghai market.",
    "The district government has promised faster approvals for foreign-funded projects.",
    "Industry associations expect more companies to follow in the coming year.",
    "The company plans to hire local graduates and train them alongside overseas colleagues.",
    "Analysts point to improving connections between Hongqiao and the Yangtze River Delta.",
    "Foreign chambers of commerce welcomed the announcement.",
    "Officials highlighted the area's transport links and business services.",
    "The project is expected to be completed within eighteen months.",
    "Local partners will help the company navigate licensing and compliance.",
    "The investment adds to a cluster of multinational headquarters in the area.",
]
# Articles per transaction; each batch also costs the search indexes a pass over their whole
# table (Wagtail's SQLite index recomputes its average title length), so batches are large.
BATCH_SIZE = 5000
AUTHORS = ["Wang Lin", "Emily Chen", "Zhou Ying", "Thomas Keller", "Li Qian", "Sara Rossi"]


class Vocabulary:
    """Everything the generator picks from, loaded once: the companies of the articles' own
    language (a Chinese profile linked from an English story would send its reader to /zh/)."""

    def __init__(self, locale):
        self.industries = list(Industry.objects.all()) or [
            Industry.objects.create(name="Professional Services")
        ]
        self.districts = list(District.objects.all()) or [District.objects.create(name="Changning")]
        self.companies = list(CompanyProfilePage.objects.live().filter(locale=locale).only("pk", "title"))
        self.authors = [Author.objects.get_or_create(name=name)[0] for name in AUTHORS]
        self.image_ids = list(get_image_model().objects.values_list("pk", flat=True)[:20]) or [None]


def article_text(rng, vocabulary):
    company = rng.choice(vocabulary.companies).title if vocabulary.companies else "A European multinational"
    fill = {
        "company": company,
        "district": rng.choice(vocabulary.districts).name,
        "industry": rng.choice(vocabulary.industries).name,
        "topic": rng.choice(TOPICS),
        "years": rng.choice([10, 15, 20, 25, 30]),
    }
    title = rng.choice(HEADLINES).format(**fill)
    paragraphs = [" ".join(rng.sample(SENTENCES, 3)) for _ in range(rng.randint(3, 5))]
    body = [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]
    return title, paragraphs[0], body


class ArticleBatchWriter:
    """Appends articles under one news index, batch by batch, keeping the page tree consistent.

    Only the Page rows go through the ORM (bulk_create hands their ids back); the rows that
    extend and link them are plain multi-row INSERTs, without a model instance per row.
    """

    def __init__(self, index, vocabulary, rng, text=article_text):
        self.index = index
        self.vocabulary = vocabulary
        self.rng = rng
        self.text = text
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        last_child = index.get_last_child()
        self.next_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
        self.now = timezone.now()
        self.body_field = ArticlePage._meta.get_field("body")

    def build(self, count):
        """(Page, ArticlePage columns) for `count` new articles."""
        articles = []
        for _ in range(count):
            step, self.next_step = self.next_step, self.next_step + 1
            title, standfirst, body = self.text(self.rng, self.vocabulary)
            slug = f"{slugify(title)[:80]}-{step}"
            published = self.now - timedelta(minutes=self.rng.randint(0, 3 * 365 * 24 * 60))
            page = Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(self.index.path, self.index.depth + 1, step),
                depth=self.index.depth + 1,
                numchild=0,
                url_path=f"{self.index.url_path}{slug}/",
                content_type=self.content_type,
                locale_id=self.index.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                search_description=standfirst[:255],
            )
            article = {
                "standfirst": standfirst,
                "body": self.body_field.get_db_prep_save(self.body_field.to_python(body), connection),
                "lead_image_id": self.rng.choice(self.vocabulary.image_ids),
            }
            articles.append((page, article))
        return articles

    @transaction.atomic
    def write(self, count):
        """Writes `count` articles; returns their page ids."""
        built = self.build(count)
        pages = Page.objects.bulk_create(page for page, _ in built)
        ids = [page.pk for page in pages]
        insert_values(
            ArticlePage,
            ["page_ptr_id", "standfirst", "body", "lead_image_id", "lead_image_caption", "lead_image_credit"],
            [
                (pk, article["standfirst"], article["body"], article["lead_image_id"], "", "")
                for pk, (_, article) in zip(ids, built, strict=True)
            ],
        )
        self.link(ids)
        Page.objects.filter(pk=self.index.pk).update(numchild=F("numchild") + count)
        return ids

    def link(self, ids):
        rng, vocabulary = self.rng, self.vocabulary
        industries, districts, bylines, mentions = [], [], [], []
        for pk in ids:
            industries += [
                (t.pk, pk) for t in rng.sample(vocabulary.industries, min(2, len(vocabulary.industries)))
            ]
            districts.append((rng.choice(vocabulary.districts).pk, pk))
            bylines.append((0, pk, rng.choice(vocabulary.authors).pk))
            if vocabulary.companies and rng.random() < 0.3:
                mentions.append((pk, rng.choice(vocabulary.companies).pk))
        insert_values(PageIndustry, ["tag_id", "content_object_id"], industries)
        insert_values(PageDistrict, ["tag_id", "content_object_id"], districts)
        insert_values(ArticleAuthor, ["sort_order", "page_id", "author_id"], bylines)
        insert_values(
            ArticlePage.companies_mentioned.through, ["articlepage_id", "companyprofilepage_id"], mentions
        )


def insert_values(model, columns, rows):
    """One INSERT of `rows` (tuples of database values for `columns`) into `model`'s table,
    run for every row: no model instance, no per-row SQL to compile."""
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model, quoted
        quote(model._meta.db_table), ", ".join(map(quote, columns)), ", ".join(["%s"] * len(columns))
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def generate_articles(count, *, batch_size=BATCH_SIZE, seed=None, progress=None, text=article_text):
    """Add `count` live synthetic articles under the news index; returns how many were written.

    ``text(rng, vocabulary)`` returns each article's (title, standfirst, body).
    """
    index = NewsIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise LookupError("There is no news index page: run `manage.py load_demo` first.")
    writer = ArticleBatchWriter(index, Vocabulary(index.locale), random.Random(seed), text)  # noqa: S311 - not for secrets
    written = 0
    while written < count:
        ids = writer.write(min(batch_size, count - written))
        pages_written.send(sender=ArticlePage, ids=ids)
        written += len(ids)
        if progress:
            progress(written)
    bump_content_version()  # bulk inserts send no publish signals
    refresh_statistics()  # the page table may have grown a thousandfold
    return written
