"""A realistic, seeded demo scenario played through the service layer."""

from revalo.demo.build import DemoReport, build_demo

__all__ = ["DemoReport", "build_demo"]
