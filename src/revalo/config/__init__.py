"""Configuration files shipped with Revalo, and their loaders."""
