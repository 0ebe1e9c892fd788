"""The closed vocabularies that contract, roster and records share (rules 3, 4)."""

from __future__ import annotations

from typing import Literal

Shift = Literal["day", "night", "duty"]
SHIFTS: tuple[Shift, ...] = ("day", "night", "duty")
SHIFT_TITLES = {"day": "白班", "night": "夜班", "duty": "值班"}

Role = Literal["seat", "team-lead", "project-manager"]
ROLES: tuple[Role, ...] = ("seat", "team-lead", "project-manager")

Degree = Literal["secondary", "associate", "bachelor", "master", "doctor"]
DEGREES: tuple[Degree, ...] = ("secondary", "associate", "bachelor", "master", "doctor")


def degree_rank(degree: str) -> int:
    return DEGREES.index(degree)
