"""Messages between the app and its screens.

`JournalChanged`: something wrote to her data file (a form saved, a goal changed). Whoever wrote
posts it to the app; the app passes it on to each screen that shows her data, which refreshes
once. A burst of them (several writes before the screens catch up) collapses into one.
"""

from __future__ import annotations

from textual.message import Message


class JournalChanged(Message, bubble=False):
    """Her data changed: screens that show it read it again."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, JournalChanged)
