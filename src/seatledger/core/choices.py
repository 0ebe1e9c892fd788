"""The closed vocabularies that contract, roster and records share (rules 3, 4)."""

from __future__ import annotations

from typing import Literal

Shift = Literal["day", "night", "duty"]
SHIFTS: tuple[Shift, ...] = ("day", "night", "duty")
SHIFT_TITLES = {"day": "白班", "night": "夜班", "duty": "值班"}

Role = Literal["seat", "team-lead", "project-manager"]
ROLES: tuple[Role, ...] = ("seat", "team-lead", "project-manager")
ROLE_TITLES = {"seat": "座席", "team-lead": "组长", "project-manager": "项目经理"}

Degree = Literal["secondary", "associate", "bachelor", "master", "doctor"]
DEGREES: tuple[Degree, ...] = ("secondary", "associate", "bachelor", "master", "doctor")
DEGREE_TITLES = {
    "secondary": "中专",
    "associate": "大专",
    "bachelor": "本科",
    "master": "硕士",
    "doctor": "博士",
}


def degree_rank(degree: str) -> int:
    return DEGREES.index(degree)
