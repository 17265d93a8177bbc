"""The web pages: server-rendered pages for the flow manager and the warehouse team (the
application's part is ``site``). Importing the package loads nothing else, so that the
catalogue of texts (``i18n``) and the formats serve the API and the command line too."""
