"""Offline base map: country outlines drawn as a line layer over the ``white-bg`` style.

Source: the simplified country polygons (GeoJSON, decimal degrees WGS84) shipped in the
``countryinfo`` package's data files (one JSON per country, key ``geoJSON``), so the map
shows where things are without any tile server.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path


@functools.lru_cache(maxsize=1)
def country_outlines() -> dict:
    """All country outlines as one GeoJSON ``FeatureCollection`` (about 170 features, ~280 kB).

    Returns:
        dict: ``{"type": "FeatureCollection", "features": [...]}``; empty features when the
        package data cannot be read (the map then shows markers on white).
    """
    features: list[dict] = []
    try:
        import countryinfo

        data_dir = Path(countryinfo.__file__).resolve().parent / "data"
        for path in sorted(data_dir.glob("*.json")):
            try:
                geo = json.loads(path.read_text(encoding="utf-8")).get("geoJSON") or {}
            except (OSError, ValueError):
                continue
            features += [f for f in geo.get("features", []) if f.get("geometry")]
    except ImportError:
        pass
    return {"type": "FeatureCollection", "features": features}
