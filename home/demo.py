"""The demo site: the home page, then each app's demo content under it (idempotent)."""

from home.info_pages import ensure_info_pages
from home.site_tree import ensure_home_page
from news import demo as news_demo

TAGLINE = "News and community for multinational companies in Shanghai"


def load(log=print, *, hostname="localhost", port=80):
    """Build (or complete) the demo pages served at `hostname`:`port`; safe to run any number of
    times. Returns the home page."""
    home = ensure_home_page(tagline=TAGLINE, hostname=hostname, port=port)
    news_demo.load(home, log=log)
    ensure_info_pages(home)  # About, Contact, Privacy, Terms: the footer's pages
    return home
