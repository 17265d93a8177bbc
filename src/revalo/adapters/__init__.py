"""Adapters: persistence and outside systems behind small interfaces."""
