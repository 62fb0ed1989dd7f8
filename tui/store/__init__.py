"""Her data on disk: TinyDB, atomic writes, the process lock, schema versions, backups."""

from tui.store.db import Store, StoreError, default_path
from tui.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "default_path"]
