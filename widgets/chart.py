"""A chart widget drawn with plotext 6, in the colours of the current Textual theme.

Data comes in through the `data` reactive (a `ChartData`); the chart is drawn in one thread
shared by all charts (plotext is imported there, on first use, after the first frame) at the
size the widget has, and drawn again when the data or the size changes. `Chart.Drawn` tells
the parents when it is on screen, so a screenshot can wait for it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Span, Text
from textual import work
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from widgets.plotting import ChartData

# `widgets.drawing` (and the thread pool) are imported when a chart first draws: an empty chart,
# as in the app's first frame, needs neither.

#: One component class per series colour, as many as `widgets.plotting.MAX_SERIES` (a test
#: checks that they agree).
_SERIES_CLASSES = tuple(f"chart--series-{i}" for i in range(1, 7))
_executor: ThreadPoolExecutor | None = None


def _drawing_thread() -> ThreadPoolExecutor:
    """The one thread every chart draws in (plotext's figure is global; one thread, one heap)."""
    from concurrent.futures import ThreadPoolExecutor

    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chart")
    return _executor


_Key = tuple["ChartData", int, int]

__all__ = ["Chart"]


class Chart(Widget):
    """A line, points or stacked-bar chart with a one-line legend above it."""

    DEFAULT_CSS = """
    Chart {
        height: 1fr;
        min-height: 5;
        color: $foreground-muted;
        text-wrap: nowrap;  /* a line too long is cut at the edge (the legend with an ellipsis) */
        text-overflow: ellipsis;
    }
    Chart > .chart--series-1 { color: $primary; }
    Chart > .chart--series-2 { color: $secondary; }
    Chart > .chart--series-3 { color: $accent; }
    Chart > .chart--series-4 { color: $success; }
    Chart > .chart--series-5 { color: $warning; }
    Chart > .chart--series-6 { color: $foreground; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = set(_SERIES_CLASSES)

    data: var[ChartData | None] = var(None, always_update=False)

    #: Draw in the shared thread (keeps keys responsive while plotext loads). A one-shot render
    #: such as a screenshot turns this off: each chart is then drawn as it is first painted
    #: (`_draw_inline`), which spares a thread and its heap, and a second frame to show it.
    draw_in_thread: ClassVar[bool] = True

    class Drawn(Message):
        """The chart finished drawing its current data at its current size."""

        def __init__(self, chart: Chart) -> None:
            super().__init__()
            self.chart = chart

        @property
        def control(self) -> Chart:
            return self.chart

    def __init__(
        self,
        data: ChartData | None = None,
        *,
        legend: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.legend = legend
        self._ready = False
        self._built_key: _Key | None = None
        self._drawing_key: _Key | None = None
        self._ansi: str | None = None
        self._parsed: tuple[str, Text] | None = None
        self.set_reactive(Chart.data, data)

    @property
    def is_drawn(self) -> bool:
        """Whether what is on screen is the current data at the current size (once laid out)."""
        return self._ready and self._wanted_key() in (None, self._built_key)

    def on_mount(self) -> None:
        if not self.draw_in_thread:
            # Drawn as it is painted, or (out of view) as it is laid out: no frame to wait for.
            self._ready = True
            return
        # Draw only once the first frame is on screen: plotext stays off the path to it.
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self._ready = True
        self._schedule()

    def watch_data(self) -> None:
        # After the frame that shows the rest of the change (a saved check-in's words): plotext
        # in its thread would otherwise share the interpreter with drawing that frame.
        self.call_after_refresh(self._schedule)

    def on_resize(self) -> None:
        self._schedule()

    def _plot_size(self) -> tuple[int, int]:
        width, height = self.content_size
        return width, height - (1 if self.legend else 0)

    def _wanted_key(self) -> _Key | None:
        data = self.data
        width, height = self._plot_size()
        if data is None or not data.has_values() or width < 12 or height < 4:
            return None
        return (data, width, height)

    def _schedule(self) -> None:
        if not self._ready:
            return
        key = self._wanted_key()
        if key is None:
            self._built_key = None
            self.refresh()
            self.post_message(self.Drawn(self))
        elif key not in (self._built_key, self._drawing_key):
            self._drawing_key = key
            self._draw(key)

    @work(exclusive=True, group="chart")
    async def _draw(self, key: _Key) -> None:
        from widgets.drawing import build_chart

        data, width, height = key
        if self.draw_in_thread:
            loop = asyncio.get_running_loop()
            ansi = await loop.run_in_executor(_drawing_thread(), build_chart, data, width, height)
        else:
            ansi = build_chart(data, width, height)
        if key != self._wanted_key():
            return  # the data or the size changed meanwhile: a newer drawing is on its way
        self._built_key = key
        self._ansi = ansi
        self.refresh()
        self.post_message(self.Drawn(self))

    def _draw_inline(self) -> None:
        """Drawn as it is first painted, at the size it is painted (a one-shot render: the
        first frame is the one wanted, and no second frame need follow to show the chart)."""
        key = self._wanted_key()
        if key is not None and key != self._built_key:
            from widgets.drawing import build_chart

            self._ansi = build_chart(*key)
            self._built_key = key

    def _palette(self) -> list[Style]:
        """The series styles; a colour with alpha (`$foreground 40%`) is blended over the chart's
        background, so that series can differ in lightness alone (in a theme of one grey)."""
        background = self.background_colors[1]
        palette = []
        for name in _SERIES_CLASSES:
            style = self.get_component_rich_style(name, partial=True)
            color = self.get_component_styles(name).color
            if color.a < 1:
                style += Style(color=(background + color).rich_color)
            palette.append(style)
        return palette

    def _legend_line(self, data: ChartData, palette: list[Style]) -> Text:
        """`█ walk   █ snack`: each series shown, its mark in its colour; closer together when
        the chart is narrow, and cut with "…" when even that does not fit."""
        line = Text(no_wrap=True, overflow="ellipsis")
        for gap in ("   ", " "):
            line = Text(no_wrap=True, overflow="ellipsis")
            for i, series in enumerate(data.series[: len(palette)]):
                if not any(series.values):
                    continue  # nothing of it in this window (a kind she did not do)
                mark = {"bar": "█", "points": "⠂", "line": "─", "dotted": "┈"}[series.style]
                if line:
                    line.append(gap)
                line.append(mark + " ", palette[i])
                line.append(series.name)  # appended as plain text: never markup
            if line.cell_len <= self.content_size.width:
                break
        return line

    def render(self) -> Text:
        data = self.data
        if data is None:
            return Text("")
        if not data.has_values():
            return Text(data.empty_text)
        if not self.draw_in_thread:
            self._draw_inline()
        palette = self._palette()
        out = self._legend_line(data, palette) if self.legend else Text()
        chart = self._chart_text(palette)
        if chart is None:
            return out
        if self.legend:
            out.append("\n")
        out.append_text(chart)
        return out

    def _chart_text(self, palette: list[Style]) -> Text | None:
        """The built chart with its sentinel colours replaced by this theme's series colours."""
        if self._ansi is None or self._built_key is None:
            return None
        if self._parsed is None or self._parsed[0] is not self._ansi:
            self._parsed = (self._ansi, Text.from_ansi(self._ansi, no_wrap=True, end=""))
        parsed = self._parsed[1]
        spans = []
        for span in parsed.spans:
            style = span.style
            color = style.color if isinstance(style, Style) else None
            number = color.number if color is not None else None
            if number is not None and 1 <= number <= len(palette):
                spans.append(Span(span.start, span.end, palette[number - 1]))
        return Text(parsed.plain, spans=spans, no_wrap=True, end="")
