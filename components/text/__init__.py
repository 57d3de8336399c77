"""Shared text utilities used by every extraction stage: numbers (:mod:`.numbers`) and dates
(:mod:`.dates`), each built on a library (numerizer; dateparser and the standard ``calendar``)."""
