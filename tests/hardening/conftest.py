"""Fixtures for the malformed-input tests: the search tests' newsroom and backends, community members."""

from tests.community.conftest import category, member_client, thread, users  # noqa: F401
from tests.search.conftest import backend, corpus, elasticsearch, vocabulary  # noqa: F401
