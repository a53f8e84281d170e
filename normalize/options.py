from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class NormalizeOptions:
    restore: Literal["auto", "always", "never"] = "auto"  # diacritic restoration, decided per line
    remove_furniture: bool = True  # page numbers, repeated header/footer/link lines
    dehyphenate: bool = True
