"""A realistic, seeded demo scenario played through the service layer.

``build_demo`` and ``DemoReport`` are loaded when first asked for: the command line reads
the demo's defaults without loading the application."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revalo.demo.build import DemoReport, build_demo

__all__ = ["DemoReport", "build_demo"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from revalo.demo import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
