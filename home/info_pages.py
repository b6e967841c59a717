"""About, Contact, Privacy and Terms: the footer's pages, created once for a new site (and the demo)."""

from home.models import InfoPage
from maghub.site_tree import ensure_child

DEFAULT_PAGES = [
    (
        "about",
        "About MagHub",
        "MagHub is the news and community site of Shanghai Daily's MNC Club "
        "for multinational companies in Shanghai.",
        "<p>Our editors report on the companies, industries and districts that matter to "
        "multinationals in Shanghai: policy, investment, people and events. Members of the MagHub "
        "community, staff of multinational companies approved by our team, compare notes in a "
        "private forum.</p>",
    ),
    (
        "contact",
        "Contact",
        "Story tips, corrections, membership questions and event partnerships.",
        '<p>Newsroom and corrections: <a href="mailto:news@maghub.example">news@maghub.example</a></p>'
        '<p>Membership: <a href="mailto:community@maghub.example">community@maghub.example</a></p>'
        "<p>Shanghai Daily MNC Club, 1 Shanghai Daily Road, Shanghai.</p>",
    ),
    (
        "privacy",
        "Privacy",
        "What MagHub keeps about you, why, and for how long.",
        "<p>Readers are not tracked: the site sets no cookie until you log in, and loads nothing from "
        "other sites. Members' applications (name, company, job title, work e-mail) are kept to run "
        "the community and deleted on request.</p>",
    ),
    (
        "terms",
        "Terms of use",
        "The rules for reading MagHub and taking part in its community.",
        "<p>Articles are © Shanghai Daily unless credited otherwise. Members keep the community "
        "civil, post only what they may share, and follow the moderators' decisions.</p>",
    ),
]


def ensure_info_pages(home) -> list[InfoPage]:
    """The footer's pages under `home`, created and published if missing; editors' changes are kept."""
    return [
        ensure_child(home, InfoPage, slug, title=title, intro=intro, body=body)[0]
        for slug, title, intro, body in DEFAULT_PAGES
    ]
