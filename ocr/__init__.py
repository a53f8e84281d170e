"""OCR/text stage: PDFs, images -> pages of text with words, boxes and confidences."""
from ocr.document import recognize_document
from ocr.options import OcrOptions
from ocr.types import DocumentText, PageText, Word

__all__ = ["recognize_document", "OcrOptions", "DocumentText", "PageText", "Word"]
