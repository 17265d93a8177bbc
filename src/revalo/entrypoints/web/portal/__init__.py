"""The customer's return portal: public pages, no account (see ``pages``)."""

from revalo.entrypoints.web.portal.pages import router

__all__ = ["router"]
