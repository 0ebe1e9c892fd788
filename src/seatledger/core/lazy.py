"""Modules imported when first used: a run imports the app code of the command it runs, not of
every command (importing all of them was a third of a warm `check`)."""

from __future__ import annotations

import importlib
import types
from typing import Any


def module(name: str) -> Any:
    class Lazy(types.ModuleType):
        def __getattr__(self, attr: str) -> Any:
            real = importlib.import_module(name)
            self.__dict__.update(real.__dict__)
            return getattr(real, attr)

    return Lazy(name)
