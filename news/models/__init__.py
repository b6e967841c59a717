from .articles import ArticleAuthor, ArticleCompany, ArticlePage, Author, NewsIndexPage
from .companies import (
    Award,
    Certification,
    CompanyAward,
    CompanyCertification,
    CompanyIndexPage,
    CompanyProfilePage,
)
from .events import EventIndexPage, EventOrganiser, EventReportPage
from .taxonomy import District, Industry, PageDistrict, PageIndustry

__all__ = [
    "ArticleAuthor",
    "ArticleCompany",
    "ArticlePage",
    "Author",
    "Award",
    "Certification",
    "CompanyAward",
    "CompanyCertification",
    "CompanyIndexPage",
    "CompanyProfilePage",
    "District",
    "EventIndexPage",
    "EventOrganiser",
    "EventReportPage",
    "Industry",
    "NewsIndexPage",
    "PageDistrict",
    "PageIndustry",
]
