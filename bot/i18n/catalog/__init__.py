"""Message catalogs by area, each module holding both languages side by side:

    MESSAGES = {"en": {"visit.logged": "…"}, "zh-CN": {"visit.logged": "…"}}

Every module in this package is merged into the catalog at import.
"""

import importlib
import pkgutil


def area_messages() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {"en": {}, "zh-CN": {}}
    for module in pkgutil.iter_modules(__path__):
        messages = importlib.import_module(f"{__name__}.{module.name}").MESSAGES
        for locale, entries in messages.items():
            merged[locale].update(entries)
    return merged
