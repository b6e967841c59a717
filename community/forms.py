"""Forms of the community and of membership applications."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from community.markup import renders_empty
from community.models import Category, Membership, Report, Thread

FREE_MAIL_DOMAINS = {
    "126.com", "163.com", "aol.com", "foxmail.com", "gmail.com", "hotmail.com", "icloud.com",
    "live.com", "outlook.com", "qq.com", "sina.com", "sohu.com", "yahoo.com", "yeah.net",
}  # fmt: skip

handle_validator = RegexValidator(
    r"^[A-Za-z0-9_-]{3,30}$", _("3 to 30 letters, digits, hyphens or underscores: others @mention you by it.")
)


def _company_choices():
    return Membership.company_pages().live().order_by("title")


class MembershipDetailsForm(forms.ModelForm):
    """The parts of an application a member can also edit later."""

    company_page = forms.ModelChoiceField(
        queryset=Membership.company_pages().none(),
        required=False,
        label=_("Company"),
        empty_label=_("My company is not listed"),
        help_text=_("Choose your company from MagHub's directory, or type its name below."),
    )

    class Meta:
        model = Membership
        fields = ["full_name", "company_page", "company_name", "job_title"]
        labels = {
            "full_name": _("Full name"),
            "company_name": _("Company (if not listed)"),
            "job_title": _("Job title"),
        }
        help_texts = {"company_name": _("The company as the applicant wrote it, when it has no profile.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company_page"].queryset = _company_choices()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("company_page") and cleaned.get("company_name"):
            cleaned["company_page"] = (
                _company_choices().filter(title__iexact=cleaned["company_name"].strip()).first()
            )
        if not cleaned.get("company_page") and not cleaned.get("company_name"):
            self.add_error("company_name", _("Tell us which company you work for."))
        return cleaned


class AccountForm(UserCreationForm):
    """The account half of an application: handle, work e-mail and password."""

    username = forms.CharField(
        label=_("Handle"), validators=[handle_validator], help_text=handle_validator.message
    )
    email = forms.EmailField(
        label=_("Work e-mail"), help_text=_("We send a confirmation link to this address.")
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ["username", "email"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.rsplit("@", 1)[-1].lower() in FREE_MAIL_DOMAINS:
            raise forms.ValidationError(_("Please use your work e-mail address, not a personal one."))
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email


class ApplicationForm(MembershipDetailsForm):
    """The half of an application staff review: who the applicant is and why they apply."""

    class Meta(MembershipDetailsForm.Meta):
        fields = [*MembershipDetailsForm.Meta.fields, "reason"]
        labels = {**MembershipDetailsForm.Meta.labels, "reason": _("Why would you like to join?")}
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True

    def save_for(self, user) -> Membership:
        """Create the pending membership of a freshly created `user`."""
        membership = super().save(commit=False)
        membership.user = user
        membership.company_page = self.cleaned_data.get("company_page")
        membership.save()
        return membership


class ProfileForm(MembershipDetailsForm):
    class Meta(MembershipDetailsForm.Meta):
        fields = [
            *MembershipDetailsForm.Meta.fields,
            "email_on_reply",
            "email_on_mention",
            "email_on_moderation",
            "email_on_report",
        ]


class PostForm(forms.Form):
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        label=_("Body"),
        help_text=_(
            "Markdown: **bold**, *italic*, [links](https://…), > quotes, `code`. @handle mentions a member."
        ),
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if renders_empty(body):
            raise forms.ValidationError(
                _("Nothing of this post would show: write some text (HTML tags and scripts are removed).")
            )
        return body


class ReplyForm(PostForm):
    quote = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class ThreadForm(PostForm):
    title = forms.CharField(max_length=200, label=_("Title"))
    field_order = ["title", "body"]


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "details"]
        labels = {"reason": _("Reason"), "details": _("Details")}
        widgets = {"reason": forms.RadioSelect, "details": forms.Textarea(attrs={"rows": 3})}


class DeletePostForm(forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=500,
        label=_("Reason (optional)"),
        help_text=_("Only MagHub's staff can read this, with the deleted post, should they need to."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MoveThreadForm(forms.ModelForm):
    class Meta:
        model = Thread
        fields = ["category"]
        labels = {"category": _("Category")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.exclude(pk=self.instance.category_id)
