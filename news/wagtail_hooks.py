"""The Vocabulary menu: the terms and names editors manage once and pick everywhere."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import Author, Award, Certification, District, Industry


class TermViewSet(SnippetViewSet):
    list_display = ["name", "name_zh", "slug"]
    search_fields = ["name", "name_zh"]
    ordering = ["name"]


class IndustryViewSet(TermViewSet):
    model = Industry
    icon = "tag"


class DistrictViewSet(TermViewSet):
    model = District
    icon = "site"


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "role_zh"]
    search_fields = ["name"]


class RecognitionViewSet(SnippetViewSet):
    list_display = ["name", "name_zh", "awarded_by"]
    search_fields = ["name", "name_zh"]


class CertificationViewSet(RecognitionViewSet):
    model = Certification
    icon = "success"


class AwardViewSet(RecognitionViewSet):
    model = Award
    icon = "pick"


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = "Vocabulary"
    menu_icon = "tag"
    menu_order = 250
    items = (IndustryViewSet, DistrictViewSet, AuthorViewSet, CertificationViewSet, AwardViewSet)


register_snippet(VocabularyGroup)


@hooks.register("insert_editor_js")
def vocabulary_field_js():
    return format_html('<script src="{}"></script>', static("news/admin/vocabulary-field.js"))
