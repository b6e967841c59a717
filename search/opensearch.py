"""What OpenSearch needs from the Elasticsearch client, for the tests, `make bench` and dev.

Production talks to Elasticsearch 8 with the client as it ships. OpenSearch answers the
same request bodies, but refuses the client's versioned vendor media types
(``application/vnd.elasticsearch+json; compatible-with=8``) and sends no
``X-Elastic-Product`` header, which the client checks on its first response. This node
class, selected by ``ELASTICSEARCH_NODE_CLASS`` in the test and dev settings, sends plain
JSON and vouches for the product: nothing else differs.
"""

from elastic_transport import Urllib3HttpNode

_VENDOR_JSON = "application/vnd.elasticsearch+"


def _plain(value: str) -> str:
    """``application/vnd.elasticsearch+json; compatible-with=8`` -> ``application/json``."""
    return "application/" + value.split("+", 1)[1].split(";", 1)[0].strip()


class OpenSearchNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                value = headers.get(name)
                if value and _VENDOR_JSON in value:
                    headers[name] = _plain(value)
        response = super().perform_request(method, target, body=body, headers=headers, **kwargs)
        response.meta.headers.setdefault("x-elastic-product", "Elasticsearch")
        return response
