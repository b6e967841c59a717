"""Production settings as the load benchmark serves them (bench/load/): the same settings, with
two differences that come from the bench machine, not from the product."""

from maghub.settings.production import *  # noqa: F403

# The local search engine is OpenSearch: the client adapter the dev and test settings select.
ELASTICSEARCH_NODE_CLASS = "search.opensearch.OpenSearchNode"
# Every simulated member posts from 127.0.0.1. The per-IP posting limit is meant for one office
# behind one address; here it would throttle all members as one. Each member's own limit stays.
COMMUNITY_RATE_LIMITS = {"post": {"ip": "1000000/m"}}
