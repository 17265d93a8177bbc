"""The domain model: plain dataclasses, enums and rules. Imports only the standard library."""
