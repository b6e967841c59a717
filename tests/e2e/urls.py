"""The site's URLs plus /media/ from the test storage, for the live server only.

Test settings keep uploads in an InMemoryStorage, which the live server thread shares
with the test (one process); serving it lets the browser show uploaded images and
their renditions. Production serves media from its storage, never through Django.
"""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import path

from maghub.urls import urlpatterns as site_urlpatterns


def media(request, path):
    try:
        file = default_storage.open(path)
    except FileNotFoundError:
        raise Http404(path) from None
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(file, content_type=content_type)


urlpatterns = [path("media/<path:path>", media), *site_urlpatterns]
