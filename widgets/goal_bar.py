"""Weekly goals' progress: each goal's name, done of target, a bar, and a calm note (rest days).

The widget knows nothing of goals or weeks: the screen gives it `Progress` values to show. One
widget draws every goal (two lines each), which keeps the dashboard light to lay out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.reactive import var
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class Progress:
    """What one goal bar shows. `label` and `note` are shown literally, never as markup."""

    label: str
    done: float
    target: float
    unit: str = ""
    note: str = ""

    @property
    def reached(self) -> bool:
        return self.target > 0 and self.done >= self.target

    @property
    def fraction(self) -> float:
        if self.target <= 0:
            return 1.0
        return max(0.0, min(1.0, self.done / self.target))

    def figures(self) -> str:
        """`2 of 3 times`, with whole numbers shown without decimals."""
        unit = f" {self.unit}" if self.unit else ""
        return f"{_number(self.done)} of {_number(self.target)}{unit}"


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
    bar_width = max(4, width - (cell_len(note) + 2 if note else 0))
    filled = round(bar_width * progress.fraction)
    bottom = Text(no_wrap=True, overflow="ellipsis", end="")
    bottom.append("━" * filled, style("reached" if progress.reached else "done"))
    bottom.append("━" * (bar_width - filled), style("todo"))
    if note:
        bottom.append("  ")
        bottom.append(note, style("note"))
    return [top, bottom]


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
        width = max(10, self.content_size.width)
        lines: list[Text] = []
        for progress in self.progress:
            lines.extend(_goal_lines(self, progress, width))
        return Text("\n", end="").join(lines)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
