"""Content-Security-Policy: a strict one for the site, a looser one for the Wagtail admin.

The site loads nothing from another origin (its readers are in mainland China, where most
third-party hosts are slow or blocked) and runs no inline script or style, so an injected
<script> or style attribute does nothing even if it slipped past the sanitiser. The Wagtail
admin's own templates and widgets write inline scripts that we cannot give nonces (the page
editor stops working under the site's policy), so /admin/ gets its own policy: still
same-origin only, with inline code allowed. Only staff
reach the admin, and the sanitiser is what stands between member text and the admin pages.
"""

from __future__ import annotations

from django.conf import settings

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

SITE_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "media-src": [SELF],
    "frame-src": [NONE],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # The admin's live preview frames the public pages.
    "frame-ancestors": [SELF],
}

ADMIN_DIRECTIVES = {
    **SITE_DIRECTIVES,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    # The admin previews pages and documents in frames of its own origin.
    "frame-src": [SELF],
}


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin policy for paths under ADMIN_CSP_PREFIX."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_CSP_PREFIX)
        ):
            parts.config = ADMIN_DIRECTIVES
        return parts
