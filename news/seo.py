"""schema.org descriptions of the news page types (registered with maghub.seo)."""

from django.urls import reverse

from maghub.images import SCHEMA_LOGO_SPEC
from maghub.seo import describe, image_url, publisher, schema_for, schema_language
from maghub.site_urls import absolute_url

SHANGHAI = {"@type": "PostalAddress", "addressLocality": "Shanghai", "addressCountry": "CN"}


def person(author, request) -> dict:
    return {
        "@type": "Person",
        "name": author.name,
        "url": absolute_url(reverse("author_detail", kwargs={"slug": author.slug}), request),
    }


def organization_ref(company, request) -> dict:
    return {"@type": "Organization", "name": company.title, "url": company.get_full_url(request)}


def keywords(page) -> list[str]:
    return [term.display_name for term in (*page.industry_list, *page.district_list)]


@schema_for("news.ArticlePage", og_type="article")
def article_schema(page, request) -> dict:
    image = page.effective_share_image
    return {
        "@type": "NewsArticle",
        "inLanguage": schema_language(),
        "headline": page.title[:110],
        "description": describe(page),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "datePublished": page.first_published_at,
        "dateModified": page.last_published_at or page.latest_revision_created_at,
        "author": [person(author, request) for author in page.authors]
        or [{"@type": "Organization", "name": publisher(request)["name"]}],
        "image": [image_url(request, image)] if image else [],
        "publisher": publisher(request),
        "articleSection": [term.display_name for term in page.industry_list],
        "keywords": keywords(page),
        "about": [organization_ref(company, request) for company in page.companies],
        "isAccessibleForFree": True,
    }


@schema_for("news.CompanyProfilePage")
def company_schema(page, request) -> dict:
    data = {
        "@type": "Organization",
        "name": page.title,
        "description": describe(page),
        "url": page.website or page.get_full_url(request),
        "sameAs": [page.get_full_url(request)] if page.website else [],
        "location": {"@type": "Place", "address": SHANGHAI},
        # An organisation has no language; the profile describing it has.
        "mainEntityOfPage": {
            "@type": "ProfilePage",
            "url": page.get_full_url(request),
            "inLanguage": schema_language(),
        },
        "award": [str(award) for award in page.award_list],
        "hasCredential": [
            {"@type": "EducationalOccupationalCredential", "name": held.certification.display_name}
            for held in page.certification_list
        ],
        "keywords": keywords(page),
    }
    if page.name_zh:
        data["alternateName"] = page.name_zh
    if page.home_country:
        data["foundingLocation"] = {"@type": "Country", "name": page.home_country}
    if page.logo:
        data["logo"] = image_url(request, page.logo, SCHEMA_LOGO_SPEC)
    return data


@schema_for("news.EventReportPage", og_type="article")
def event_schema(page, request) -> dict:
    image = page.effective_share_image
    return {
        "@type": "Event",
        "inLanguage": schema_language(),
        "name": page.title,
        "description": describe(page),
        "url": page.get_full_url(request),
        "startDate": page.start,
        "endDate": page.end or page.start,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": page.venue or "Shanghai", "address": SHANGHAI},
        "organizer": [
            organization_ref(link.company, request)
            if link.company
            else {"@type": "Organization", "name": link.name}
            for link in page.host_list
        ],
        "image": [image_url(request, image)] if image else [],
        "attendee": [organization_ref(company, request) for company in page.companies],
    }
