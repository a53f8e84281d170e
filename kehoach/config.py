"""Pipeline configuration: typed options per stage, and a fingerprint for the batch cache key."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field

from normalize.options import NormalizeOptions
from ocr.options import OcrOptions


@dataclass(frozen=True)
class ExtractOptions:
    use_ner: bool = True
    include_pages: bool = True  # write the final page text into the JSON (`pages`)


@dataclass(frozen=True)
class PipelineConfig:
    ocr: OcrOptions = field(default_factory=OcrOptions)
    normalize: NormalizeOptions = field(default_factory=NormalizeOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def fingerprint(self) -> str:
        """Stable hash of every option: part of each document's cache key."""
        blob = json.dumps(self.to_dict(), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]
