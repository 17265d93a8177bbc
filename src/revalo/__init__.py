"""Revalo: reverse logistics, from the return request to the item's second life."""

__version__ = "0.1.0"
