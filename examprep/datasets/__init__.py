"""Data files shipped with examprep (katakana15: see NOTICE.md here and tools/make_katakana15.py)."""
