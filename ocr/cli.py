"""PLACEHOLDER `kehoach ocr` (owned by the OCR work)."""


def add_arguments(p):
    p.add_argument("file")
    p.add_argument("--tsv", action="store_true")


def main(args) -> int:
    raise NotImplementedError
