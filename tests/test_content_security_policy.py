"""Every response carries a Content-Security-Policy: strict on the site, its own in the admin."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.parametrize("path", ["/", "/news/", "/search/?q=hub", "/accounts/login/", "/no-such-page/"])
def test_public_pages_allow_only_their_own_origin_and_no_inline_code(client, path):
    policy = directives(client.get(path))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    every_source = {source for values in policy.values() for source in values}
    assert every_source <= {"'self'", "'none'", "data:"}


def test_the_admin_has_its_own_same_origin_policy(client):
    policy = directives(client.get("/admin/login/"))
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]
    every_source = {source for values in policy.values() for source in values}
    assert every_source <= {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}
