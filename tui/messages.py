"""Messages between the app and its screens.

`JournalChanged`: something wrote to her data file (a form saved, a goal changed). Whoever wrote
posts it to the app; the app passes it on to each screen that shows her data, which refreshes
once. A burst of them (several writes before the screens catch up) collapses into one.

`SaveKeyDone`: a form has handled the Enter that saves it (saved and closed, or stayed open to
show what needs a look), or has closed without it (an Escape typed just before); or a one-key
dialog has closed on its answer. The app holds the keys typed after such a key (a screen that
`HoldsKeys` says which) until then, so none of them lands in the form while it saves, nor in
the dialog as it closes (`tui.key_order`).

`WriteFailed`: a change shown on screen could not be written to the file (the store writes behind
the screen, see tui/store/storage.py): posted from the writer thread, said on screen by the app.
"""

from __future__ import annotations

from textual.message import Message


class JournalChanged(Message, bubble=False):
    """Her data changed: screens that show it read it again."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, JournalChanged)


class WriteFailed(Message, bubble=False):
    """The last change could not be written: it is gone from memory as from the file."""

    def __init__(self, why: str) -> None:
        super().__init__()
        self.why = why


class HoldsKeys:
    """A screen after some of whose keys the app holds the keys typed next, until the screen
    posts `SaveKeyDone` (see the module's doc)."""

    def holds_keys_after(self, key: str) -> bool:
        """Whether the keys typed after `key` wait for this screen's `SaveKeyDone`."""
        return False


class SaveKeyDone(Message, bubble=False):
    """A form handled its save key (or closed): the keys typed after it may go on."""

    def __init__(self, form: object) -> None:
        super().__init__()
        self.form = form
