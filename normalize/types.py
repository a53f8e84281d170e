"""What `normalize` hands to `extract`: one clean text with offsets back to source pages."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal, Optional

from ocr.types import DocumentText

PAGE_SEPARATOR = "\n\f\n"


@dataclass(frozen=True)
class NormalizedPage:
    number: int  # 1-based source page number
    start: int  # offsets of this page in NormalizedDocument.text
    end: int


@dataclass
class NormalizedDocument:
    text: str  # NFC Vietnamese, pages joined by PAGE_SEPARATOR
    pages: list[NormalizedPage]
    diacritics: Literal["present", "restored"] = "present"
    warnings: list[str] = field(default_factory=list)
    source: Optional[DocumentText] = None

    def page_of(self, offset: int) -> Optional[int]:
        """Source page number holding `offset` of `text` (None if outside every page)."""
        starts = [p.start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset <= self.pages[i].end:
            return self.pages[i].number
        return None

    def page_text(self, number: int) -> str:
        for p in self.pages:
            if p.number == number:
                return self.text[p.start : p.end]
        raise KeyError(number)

    @classmethod
    def from_pages(cls, texts: list[tuple[int, str]], **kw) -> "NormalizedDocument":
        parts, pages, pos = [], [], 0
        for i, (number, t) in enumerate(texts):
            if i:
                parts.append(PAGE_SEPARATOR)
                pos += len(PAGE_SEPARATOR)
            pages.append(NormalizedPage(number, pos, pos + len(t)))
            parts.append(t)
            pos += len(t)
        return cls(text="".join(parts), pages=pages, **kw)
