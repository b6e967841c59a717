"""/sitemap.xml and /robots.txt: public live pages only, private areas disallowed."""

from django.urls import reverse

from wagtail.models import Page

from news.models import ArticlePage


def sitemap_locations(client):
    response = client.get(reverse("sitemap"), HTTP_HOST="localhost")
    assert response.status_code == 200
    return response.content.decode()


def test_sitemap_lists_public_live_pages_and_author_pages(client, article, company, event):
    xml = sitemap_locations(client)

    for page in (article, company, event):
        assert f"<loc>http://localhost{page.url}</loc>" in xml
    assert "<loc>http://localhost/authors/li-wei/</loc>" in xml


def test_sitemap_leaves_out_drafts_private_and_community_pages(
    client, home_page, article, draft_article, private_article
):
    community = home_page.add_child(instance=Page(title="Community", slug="community"))
    members = community.add_child(instance=ArticlePage(title="Members only thread", slug="members"))

    xml = sitemap_locations(client)

    assert article.url in xml
    for hidden in (draft_article, private_article, community, members):
        assert hidden.get_url() not in xml


def test_robots_txt_disallows_private_areas_and_points_to_the_sitemap(client, db):
    response = client.get(reverse("robots_txt"), HTTP_HOST="localhost")

    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/plain"
    for area in ("/admin/", "/search/", "/community/", "/accounts/"):
        assert f"Disallow: {area}" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
