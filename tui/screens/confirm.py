"""The app's yes/no dialog: the keys typed after its answer wait until it has closed."""

from __future__ import annotations

from tui.messages import HoldsKeys, SaveKeyDone
from widgets.confirm import ConfirmScreen


class Confirm(HoldsKeys, ConfirmScreen):
    """`ConfirmScreen` whose answer holds the keys typed after it until the dialog has closed
    (`tui.key_order`): typed into it as it closed, they were lost (`g x y l 5 enter` removed the
    goal and logged nothing)."""

    def holds_keys_after(self, key: str) -> bool:
        return self.is_current and key in (*self.YES_KEYS, *self.NO_KEYS)

    def on_unmount(self) -> None:
        self.app.post_message(SaveKeyDone(self))
