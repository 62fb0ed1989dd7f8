"""The domain in plain Python: no Textual, no TinyDB."""
