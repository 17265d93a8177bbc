"""The OSRM client against a tiny OSRM-like server on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from revalo.engines.transport.choice import choose_service
from revalo.engines.transport.distances import CachedDistances
from revalo.engines.transport.errors import RoutingUnavailable
from revalo.engines.transport.osrm import OsrmDistances
from revalo.engines.transport.shipment import Parcel, Shipment

from .cards import tiny
from .places import COLOGNE, LYON, MILAN, PARIS

# Road distances (m) and durations (s) the fake server knows, keyed by "lon,lat" pairs.
ROADS = {
    (LYON, PARIS): (465_000.0, 16_200.0),
    (LYON, COLOGNE): (720_000.0, 25_200.0),
    (PARIS, PARIS): (0.0, 0.0),
    (PARIS, COLOGNE): (500_000.0, 17_400.0),
}
BY_COORD = {f"{p.lon:.6f},{p.lat:.6f}": p for p in (LYON, PARIS, COLOGNE, MILAN)}


class FakeOsrm(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        url = urlsplit(self.path)
        prefix = "/table/v1/driving/"
        if not url.path.startswith(prefix):
            return self._answer(400, {"code": "InvalidUrl", "message": "bad path"})
        places = [BY_COORD[c] for c in url.path[len(prefix) :].split(";")]
        query = parse_qs(url.query)
        if query.get("annotations") != ["distance,duration"]:
            return self._answer(400, {"code": "InvalidQuery", "message": "annotations"})
        sources = [places[int(i)] for i in query["sources"][0].split(";")]
        dests = [places[int(i)] for i in query["destinations"][0].split(";")]
        pairs = [[ROADS.get((s, d)) for d in dests] for s in sources]
        self._answer(
            200,
            {
                "code": "Ok",
                "distances": [[p[0] if p else None for p in row] for row in pairs],
                "durations": [[p[1] if p else None for p in row] for row in pairs],
            },
        )

    def _answer(self, status: int, body: dict[str, object]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def osrm_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOsrm)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_table_gives_km_and_hours(osrm_url: str) -> None:
    m = OsrmDistances(osrm_url).matrix([LYON, PARIS], [PARIS, COLOGNE])
    assert m.km.tolist() == [[465.0, 720.0], [0.0, 500.0]]
    assert m.hours[0, 0] == pytest.approx(4.5)
    assert m.km_between(PARIS, COLOGNE) == 500.0


def test_no_route_names_both_places(osrm_url: str) -> None:
    with pytest.raises(RoutingUnavailable, match="from HUB-FR to MILAN"):
        OsrmDistances(osrm_url).matrix([LYON], [MILAN])


def test_an_error_answer_is_reported(osrm_url: str) -> None:
    with pytest.raises(RoutingUnavailable, match="InvalidUrl"):
        OsrmDistances(osrm_url, profile="bike").matrix([LYON], [PARIS])


def test_a_server_that_is_down_is_reported() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOsrm)
    port = server.server_address[1]
    server.server_close()
    with pytest.raises(RoutingUnavailable, match="did not answer"):
        OsrmDistances(f"http://127.0.0.1:{port}", timeout_s=2).matrix([LYON], [PARIS])


def test_cached_osrm_answers_a_choice_and_is_asked_once(osrm_url: str) -> None:
    cache = CachedDistances(OsrmDistances(osrm_url))
    laptop = Shipment(LYON, PARIS, (Parcel(2.5, 45, 35, 10),), date(2026, 11, 2))
    first = choose_service(laptop, tiny().rate_cards, cache)
    again = choose_service(laptop, tiny().rate_cards, cache)
    assert first == again and cache.asked_pairs == 1
    assert first.chosen is not None and first.chosen.km == 465.0
