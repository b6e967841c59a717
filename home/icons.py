"""/favicon.ico at the site's root, where browsers and crawlers ask for it whatever the page says."""

from pathlib import Path

from django.http import FileResponse
from django.views.decorators.cache import cache_control

# The source file, not a collected copy: it is in every checkout and image, whatever the static storage.
FAVICON = Path(__file__).resolve().parent.parent / "maghub" / "static" / "icons" / "favicon.ico"


@cache_control(public=True, max_age=7 * 24 * 60 * 60)
def favicon(request):
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
