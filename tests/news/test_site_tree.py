from news.models import ArticlePage, District, Industry


def test_article_takes_terms_from_both_vocabularies(news_index):
    Industry.objects.create(name="Logistics")
    District.objects.create(name="Changning")
    article = news_index.add_child(instance=ArticlePage(title="DSV opens a Hongqiao hub", slug="dsv-hub"))
    article.industries.add("Logistics")
    article.districts.add("Changning")
    article.save_revision().publish()

    article = ArticlePage.objects.get(pk=article.pk)
    assert [t.name for t in article.industries.all()] == ["Logistics"]
    assert [t.name for t in article.districts.all()] == ["Changning"]
