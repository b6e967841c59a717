"""The search benchmark's view of the wire (not a benchmark itself).

:class:`RecordingNode` talks to the real engine like the site's own transport node and notes,
for every answer, the engine's own ``took`` and the request body that asked for it.
:class:`ReplayNode` answers each request the recording saw with the engine's recorded answer
and never leaves the process: with it, a search request times MagHub's share alone (building
the query body, sending it through the client, parsing the answer, building facets and hits,
rendering the page).
"""

import re
from dataclasses import dataclass, field

from search.opensearch import OpenSearchNode

RECORDING_NODE = "bench.engine.RecordingNode"
REPLAY_NODE = "bench.engine.ReplayNode"
_TOOK = re.compile(rb'^\{"took"\s*:\s*(\d+)')


@dataclass
class Wire:
    """What went over the wire: ``took`` (ms) per search answer, request bodies, recorded answers."""

    took: list[int] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    answers: dict[tuple[str, str, bytes], object] = field(default_factory=dict)

    def mark(self) -> int:
        return len(self.took)

    def took_since(self, mark: int) -> int:
        """The engine's own time for the answers received since ``mark``."""
        return sum(self.took[mark:])


WIRE = Wire()


class RecordingNode(OpenSearchNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        response = super().perform_request(method, target, body=body, headers=headers, **kwargs)
        took = _TOOK.match(response.body[:32])
        if took:
            WIRE.took.append(int(took.group(1)))
            WIRE.bodies.append(body or b"")
        WIRE.answers[(method, target, body or b"")] = response
        return response


class ReplayNode(OpenSearchNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        try:
            response = WIRE.answers[(method, target, body or b"")]
        except KeyError:
            raise LookupError(f"bench: no recorded answer for {method} {target} {body!r:.200}") from None
        return response
