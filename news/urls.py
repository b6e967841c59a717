from django.urls import path

from news import feeds, views
from news.models import District, Industry

app_name = "news"

urlpatterns = [
    path("industries/", views.term_list, {"vocabulary": Industry}, name="industry_list"),
    path("industries/<slug:slug>/", views.term_detail, {"vocabulary": Industry}, name="industry"),
    path("districts/", views.term_list, {"vocabulary": District}, name="district_list"),
    path("districts/<slug:slug>/", views.term_detail, {"vocabulary": District}, name="district"),
    path("feeds/news/", feeds.NewsFeed(), name="feed"),
    path("feeds/industries/<slug:slug>/", feeds.IndustryFeed(), name="industry_feed"),
    path("feeds/districts/<slug:slug>/", feeds.DistrictFeed(), name="district_feed"),
]
