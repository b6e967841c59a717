"""Every search parameter validated before it reaches a backend."""

from django import forms
from django.conf import settings
from django.core.validators import slug_re
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from maghub.i18n import content_language

from .facets import VOCABULARIES, vocabulary_names
from .languages import ALL_LANGUAGES
from .queries import KIND_LABELS, SORT_CHOICES, SORT_RELEVANCE, SearchRequest

MAX_VALUES = 10
MAX_PAGE = 500


class SlugListField(forms.MultipleChoiceField):
    """Any number (up to MAX_VALUES) of slugs, without a fixed list of choices."""

    def valid_value(self, value):
        return len(value) <= 100 and bool(slug_re.match(value))

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(gettext("Choose at most %(count)d values.") % {"count": MAX_VALUES})


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label=_("Search for"))
    industry = forms.MultipleChoiceField(required=False, label=_("Industry"))
    district = forms.MultipleChoiceField(required=False, label=_("District"))
    type = forms.MultipleChoiceField(required=False, choices=list(KIND_LABELS.items()), label=_("Type"))
    company = SlugListField(required=False, label=_("Company"))
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES, label=_("Sort by"))
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, label=_("Page"))
    lang = forms.ChoiceField(
        required=False,
        choices=[(ALL_LANGUAGES, ALL_LANGUAGES), *settings.WAGTAIL_CONTENT_LANGUAGES],
        label=_("Language"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for facet in VOCABULARIES:
            self.fields[facet].choices = list(vocabulary_names(facet).items())
        # "from" and "to" are Python keywords, so they are added here rather than declared.
        self.fields["from"] = forms.DateField(required=False, label=_("From"), input_formats=["%Y-%m-%d"])
        self.fields["to"] = forms.DateField(required=False, label=_("To"), input_formats=["%Y-%m-%d"])

    # The filters the search box keeps (as hidden fields) when the reader types a new query.
    kept_on_new_query = ("industry", "district", "type", "company", "lang")

    def kept_filters(self) -> list[tuple[str, str]]:
        """(name, value) of every filter in force that a new query keeps, as the reader gave it."""
        kept = []
        for name in self.kept_on_new_query:
            value = self[name].value()
            kept += [(name, item) for item in (value if isinstance(value, list | tuple) else [value]) if item]
        return kept

    def clean(self):
        data = super().clean()
        if data.get("from") and data.get("to") and data["from"] > data["to"]:
            self.add_error("to", gettext("The end date must not be before the start date."))
        return data

    def to_request(self, audiences: frozenset[str]) -> SearchRequest:
        """The validated parameters as a search request for ``audiences``."""
        data = self.cleaned_data
        return SearchRequest(
            q=" ".join(data["q"].split()),
            industries=tuple(data["industry"]),
            districts=tuple(data["district"]),
            kinds=tuple(data["type"]),
            companies=tuple(data["company"]),
            date_from=data["from"],
            date_to=data["to"],
            sort=data["sort"] or SORT_RELEVANCE,
            page=data["page"] or 1,
            audiences=audiences,
            **_languages(data["lang"]),
        )


def _languages(lang: str) -> dict:
    """``lang=`` as a request's language filter and first-ranked language: none given, every
    language with the reader's first; ``all``, every language alike; a code, that language alone."""
    if lang == ALL_LANGUAGES:
        return {"languages": (), "language": None}
    if lang:
        return {"languages": (lang,), "language": lang}
    return {"languages": (), "language": content_language()}
