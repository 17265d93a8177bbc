"""Entrypoints: the HTTP API, the web pages and the command line. They parse and check what
comes in, call one use case, and shape what goes out."""
