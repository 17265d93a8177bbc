"""Road distances from an OSRM-compatible routing server (HTTP table service).

The one module of the transport model that does I/O. The server is expected on the local
network (a self-hosted OSRM); nothing here calls a public service.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx
import numpy as np

from revalo.engines.transport.distances import DistanceMatrix
from revalo.engines.transport.errors import RoutingUnavailable
from revalo.engines.transport.places import Place


class OsrmDistances:
    """Asks ``{base_url}/table/v1/{profile}/...`` for distances (m) and durations (s).

    Parameters
    ----------
    base_url
        Root of the OSRM server, e.g. ``http://127.0.0.1:5000``.
    profile
        OSRM profile in the URL (``driving`` for trucks and vans on the road network).
    timeout_s
        Time allowed for one answer.
    client
        An ``httpx.Client`` to reuse (connection pooling); one is made per call otherwise.
    """

    def __init__(
        self,
        base_url: str,
        *,
        profile: str = "driving",
        timeout_s: float = 10.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.profile = profile
        self.timeout_s = timeout_s
        self._client = client

    def matrix(self, origins: Sequence[Place], destinations: Sequence[Place]) -> DistanceMatrix:
        places = list(origins) + list(destinations)
        coords = ";".join(f"{p.lon:.6f},{p.lat:.6f}" for p in places)
        n = len(origins)
        params = {
            "annotations": "distance,duration",
            "sources": ";".join(str(i) for i in range(n)),
            "destinations": ";".join(str(n + j) for j in range(len(destinations))),
        }
        url = f"{self.base_url}/table/v1/{self.profile}/{coords}"
        try:
            if self._client is not None:
                response = self._client.get(url, params=params, timeout=self.timeout_s)
            else:
                with httpx.Client(timeout=self.timeout_s) as client:
                    response = client.get(url, params=params)
        except httpx.HTTPError as exc:
            raise RoutingUnavailable(
                f"routing server {self.base_url} did not answer: {exc}"
            ) from exc
        try:
            body = response.json()
        except ValueError as exc:
            raise RoutingUnavailable(
                f"routing server {self.base_url} answered HTTP {response.status_code} "
                "with something that is not JSON"
            ) from exc
        if response.status_code != 200 or body.get("code") != "Ok":
            raise RoutingUnavailable(
                f"routing server {self.base_url} refused the table request "
                f"(HTTP {response.status_code}, {body.get('code')}: {body.get('message', '')})"
            )
        km = self._grid(body, "distances", origins, destinations) / 1000.0
        hours = self._grid(body, "durations", origins, destinations) / 3600.0
        return DistanceMatrix(tuple(origins), tuple(destinations), km, hours)

    def _grid(
        self, body: dict[str, object], key: str, origins: Sequence[Place], dests: Sequence[Place]
    ) -> np.ndarray:
        rows = body.get(key)
        shape = (len(origins), len(dests))
        if (
            not isinstance(rows, list)
            or len(rows) != shape[0]
            or any(not isinstance(r, list) or len(r) != shape[1] for r in rows)
        ):
            raise RoutingUnavailable(
                f"routing server {self.base_url} gave no {shape[0]}x{shape[1]} '{key}' table"
            )
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                if value is None:
                    raise RoutingUnavailable(
                        f"no road route from {origins[i].code} to {dests[j].code} "
                        f"(routing server {self.base_url})"
                    )
        return np.array(rows, dtype=float)
