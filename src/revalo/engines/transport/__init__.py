"""Transport model: road distances, carriers and rate cards, quotes, emissions.

Everything here is pure (frozen dataclasses and NumPy arrays) except ``osrm``, the one
module that talks to an outside routing server.
"""
