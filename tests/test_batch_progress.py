"""Progress: a tqdm bar for terminals, plain lines for logs, and a summary that groups failures."""
import io

from kehoach.progress import Progress


def test_log_lines_and_summary_group_failures():
    out = io.StringIO()
    p = Progress(4, stream=out, bar=False, log_every=0)
    p.update("a.pdf", "ok", 3)
    p.update("b.pdf", "failed", None, error="b.pdf: 'tesseract' is not installed (sudo apt-get install tesseract-ocr)")
    p.update("c.pdf", "failed", None, error="c.pdf: 'tesseract' is not installed (sudo apt-get install tesseract-ocr)")
    p.update("d.txt", "ok", 1, skipped=True)
    p.close("out")
    text = out.getvalue()
    assert "failed: b.pdf: 'tesseract' is not installed" in text
    assert "progress: 4/4 documents (1 ok, 2 failed, 1 skipped), 3 pages" in text
    assert "4 documents: 1 ok, 2 failed, 1 skipped" in text
    assert "2 x 'tesseract' is not installed (sudo apt-get install tesseract-ocr)" in text


def test_bar_shows_documents_pages_and_failures():
    out = io.StringIO()  # no terminal size: the bar falls back to a fixed width instead of vanishing
    p = Progress(2, stream=out, bar=True)
    p.update("a.pdf", "ok", 5)
    p.update("b.pdf", "failed", None, error="b.pdf: bad")
    p.close("out")
    text = out.getvalue()
    assert "2/2" in text and "pages=5" in text and "failed=1" in text
    assert "failed: b.pdf: bad" in text
