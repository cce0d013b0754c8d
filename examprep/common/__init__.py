"""Shared by every command: terminal rendering, languages, time formats, atomic files, data paths."""
