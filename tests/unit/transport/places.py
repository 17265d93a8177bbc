"""Named places for the transport tests, easy to check by hand."""

from __future__ import annotations

from revalo.engines.transport.places import Place

LYON = Place("HUB-FR", "FR", 45.7640, 4.8357)
PARIS = Place("PARIS", "FR", 48.8566, 2.3522)
COLOGNE = Place("HUB-DE", "DE", 50.9375, 6.9603)
MILAN = Place("MILAN", "IT", 45.4642, 9.1900)
LYON_EAST = Place("LYON-EAST", "FR", 45.7640, 4.9357)
