"""Weekly goals' progress: each goal's name, done of target, a bar, and a calm note (rest days).

The widget knows nothing of goals or weeks: the screen gives it `Progress` values to show. One
widget draws every goal (two lines each), which keeps the dashboard light to lay out.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.reactive import var
from textual.widget import Widget

from widgets.progress import Progress

__all__ = ["GoalBar", "GoalBars", "Progress"]


_CSS = """
{name} {{ height: auto; }}
{name} > .goal-bar--done {{ color: $primary; }}
{name} > .goal-bar--reached {{ color: $success; }}
{name} > .goal-bar--todo {{ color: $panel-lighten-2; }}
{name} > .goal-bar--note {{ color: $secondary; }}
{name} > .goal-bar--figures {{ color: $foreground-muted; }}
"""
_COMPONENTS = {
    "goal-bar--done",
    "goal-bar--reached",
    "goal-bar--todo",
    "goal-bar--note",
    "goal-bar--figures",
}


def _goal_lines(widget: Widget, progress: Progress, width: int) -> list[Text]:
    """The two lines of one goal, in `widget`'s component styles."""

    def style(name: str) -> Style:
        return widget.get_component_rich_style(f"goal-bar--{name}", partial=True)

    # Widths in terminal cells, not characters: an emoji or a CJK name takes two cells a
    # character, a combining accent none.
    figures = progress.figures()
    room = max(1, width - cell_len(figures) - 1)
    label = Text(progress.label, end="")  # plain text: a name like "[b]x[/b]" shows as typed
    label.truncate(room, overflow="ellipsis")
    top = Text(no_wrap=True, overflow="ellipsis", end="")
    top.append_text(label)
    top.append(" " * max(1, width - label.cell_len - cell_len(figures)))
    top.append(figures, style("figures"))

    note = progress.note
    bottom = Text(no_wrap=True, overflow="ellipsis", end="")
    _append_bar(bottom, widget, progress, max(4, width - (cell_len(note) + 2 if note else 0)))
    if note:
        bottom.append("  ")
        bottom.append(note, style("note"))
    return [top, bottom]


def _append_bar(line: Text, widget: Widget, progress: Progress, width: int) -> None:
    filled = round(width * progress.fraction)
    done = "reached" if progress.reached else "done"
    line.append("━" * filled, widget.get_component_rich_style(f"goal-bar--{done}", partial=True))
    line.append(
        "━" * (width - filled), widget.get_component_rich_style("goal-bar--todo", partial=True)
    )


def _goal_line(
    widget: Widget, progress: Progress, width: int, label_width: int, figures_width: int
) -> Text:
    """One goal on one line, for a box too short for two each: name, bar, figures (no note);
    the bars of every line start and end in the same columns."""
    figures = progress.figures()
    label = Text(progress.label, end="")  # plain text, as typed
    label.truncate(label_width, overflow="ellipsis", pad=True)
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append_text(label)
    bar = width - label_width - figures_width - 2
    if bar >= 4:
        line.append(" ")
        _append_bar(line, widget, progress, bar)
    line.append(" " * max(1, width - line.cell_len - cell_len(figures)))
    line.append(figures, widget.get_component_rich_style("goal-bar--figures", partial=True))
    return line


class GoalBar(Widget):
    """One goal: its name and figures, then the bar and the note (two lines)."""

    DEFAULT_CSS = _CSS.format(name="GoalBar")
    COMPONENT_CLASSES: ClassVar[set[str]] = _COMPONENTS

    progress: var[Progress | None] = var(None)

    def __init__(
        self,
        progress: Progress | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(GoalBar.progress, progress)

    def watch_progress(self) -> None:
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 2 if self.progress is not None else 1

    def render(self) -> Text:
        if self.progress is None:
            return Text("")
        lines = _goal_lines(self, self.progress, max(10, self.content_size.width))
        return Text("\n", end="").join(lines)


class GoalBars(Widget):
    """Every goal, two lines each (one widget: light for a dashboard to lay out)."""

    DEFAULT_CSS = _CSS.format(name="GoalBars")
    COMPONENT_CLASSES: ClassVar[set[str]] = _COMPONENTS

    progress: var[tuple[Progress, ...]] = var(())

    def __init__(
        self,
        progress: tuple[Progress, ...] = (),
        *,
        empty_text: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.empty_text = empty_text
        self.set_reactive(GoalBars.progress, progress)

    def watch_progress(self) -> None:
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 2 * len(self.progress) if self.progress else 1

    def render(self) -> Text:
        if not self.progress:
            return Text(self.empty_text)
        width, rows = max(10, self.content_size.width), self.content_size.height
        if not rows or 2 * len(self.progress) <= rows:
            lines = [line for p in self.progress for line in _goal_lines(self, p, width)]
            return Text("\n", end="").join(lines)
        # More goals than the box holds at two lines each: one line each, and if even that is
        # too many, as many as fit and then how many more (never a goal cut off without a sign).
        shown = self.progress if len(self.progress) <= rows else self.progress[: rows - 1]
        label_width = min(max(cell_len(p.label) for p in shown), width * 2 // 5)
        figures_width = max(cell_len(p.figures()) for p in shown)
        lines = [_goal_line(self, p, width, label_width, figures_width) for p in shown]
        if len(shown) < len(self.progress):
            more = f"… {len(self.progress) - len(shown)} more"
            figures = self.get_component_rich_style("goal-bar--figures", partial=True)
            lines.append(Text(more, figures))
        return Text("\n", end="").join(lines)
