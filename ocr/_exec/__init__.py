"""One module per external program (Tesseract, poppler): how to call it, check it and time it out."""
