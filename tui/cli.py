"""Command line (placeholder, being written)."""


def main() -> int:
    return 0
