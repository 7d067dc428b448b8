"""Charts as PNG images, money and percent ticks, label placement without overlaps."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import ipywidgets as W

from calc.core.text import money_short, num, percent


class Chart:
    """A matplotlib figure (no pyplot state) shown as a PNG in an ``Image`` widget of fixed size.

    :meth:`draw` splits a chart into a static part (axes, curves, labels — redrawn only when ``key``
    changes) and a dynamic part (e.g. the person's own point) drawn on a cached copy of the static
    image, so moving a slider redraws in a few milliseconds. matplotlib is imported and the figure made
    on the first draw: a page whose charts are not drawn (yet) never loads it.
    """

    def __init__(self, width: float = 6.6, height: float = 3.4, dpi: int = 100, cls: str = "chart") -> None:
        self.dpi = dpi
        self.size = (width, height)
        self._fig: Any = None
        self._canvas: Any = None
        self._key: Any = None
        self._background: Any = None
        self.image = W.Image(format="png", layout=W.Layout(width="100%", max_width=f"{int(width * dpi)}px",
                                                             height="auto"))
        self.image.add_class("pa-chart")
        self.image.add_class(cls)

    @property
    def fig(self) -> Any:
        """The matplotlib ``Figure`` (made, with its Agg canvas, on first use)."""
        if self._fig is None:
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from matplotlib.figure import Figure as MplFigure

            self._fig = MplFigure(figsize=self.size, dpi=self.dpi)
            self._canvas = FigureCanvasAgg(self._fig)
        return self._fig

    @property
    def canvas(self) -> Any:
        """The figure's Agg canvas."""
        return self.fig.canvas if self._canvas is None else self._canvas

    def draw(self, key: Any, static: Callable[[Any], None], dynamic: Callable[[Any], list[Any]] | None = None) -> None:
        """Draw the chart: ``static(fig)`` when ``key`` changed, then ``dynamic(fig)`` → artists on top."""
        if key != self._key or self._background is None:
            self._key = None
            self.fig.clear()
            static(self.fig)
            self.canvas.draw()
            self._background = self.canvas.copy_from_bbox(self.fig.bbox)
            self._key = key
        else:
            self.canvas.restore_region(self._background)
        if dynamic is not None:
            artists = dynamic(self.fig)
            renderer = self.canvas.get_renderer()
            for a in artists:
                a.draw(renderer)
            for a in artists:
                a.remove()
        self.publish()

    def publish(self) -> None:
        """Encode what the canvas holds as PNG (fast compression) and send it to the page."""
        import io

        from PIL import Image

        w, h = self.canvas.get_width_height()
        im = Image.frombuffer("RGBA", (w, h), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
        buf = io.BytesIO()
        im.save(buf, format="png", compress_level=1)
        self.image.value = buf.getvalue()


def nice_ceiling(value: float) -> float:
    """The smallest 'round' number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or above ``value``.

    Used as an axis limit so that the static part of a chart (axes, ticks) stays the same while the
    bars move, and only the bars need drawing.
    """
    import math

    if value <= 0:
        return 1.0
    k = 10 ** math.floor(math.log10(value))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * k >= value:
            return m * k
    return 10 * k


_UNITS = {"ru": ((10**9, "\u00a0млрд"), (10**6, "\u00a0млн")), "en": ((10**9, "B"), (10**6, "M"))}


def money_tick(value: float, lang: str, scale: str = "auto", step: float | None = None) -> str:
    """A compact amount for a chart: '45 000 ₽', '1,5 млн ₽' / '1.5M ₽', '2 млрд ₽' / '2B ₽', '0,05 ₽'.

    ``scale``: ``auto`` (millions and billions from 1 million), ``millions`` (always in millions, for an
    axis of yearly sums) or ``rubles``. ``step`` (the distance between neighbouring ticks) sets how many
    decimals are shown, so that neighbouring ticks never read the same (salary 1 ₽: 0,05 ₽, 0,1 ₽ …).
    Digits are grouped and decimals separated by babel (``calc.core.text.num``) in the page's language.
    """
    import math

    v = float(value)
    if v == 0:
        return "0"
    divisor, unit = 1, ""
    if scale == "millions":
        divisor, unit = 10**6, _UNITS[lang][1][1]
    elif scale == "auto":
        for d, u in _UNITS[lang]:
            if abs(v) >= d:
                divisor, unit = d, u
                break
    if step and step > 0:
        digits = max(0, min(4, math.ceil(-math.log10(step / divisor) - 1e-9)))
    else:
        digits = 2 if divisor > 1 or abs(v) < 1 else 0
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    shown = num(Decimal(str(round(v / divisor, digits))), lang, pattern)
    return f"{shown}{unit}\u00a0₽"


def money_formatter(lang: str, scale: str = "auto") -> Any:
    """A matplotlib tick formatter for rubles (see :func:`money_tick`): precise enough for the ticks shown."""
    from matplotlib.ticker import Formatter

    class MoneyFormatter(Formatter):
        step: float | None = None

        def set_locs(self, locs: Any) -> None:
            super().set_locs(locs)
            values = sorted({float(x) for x in locs})
            gaps = [b - a for a, b in itertools.pairwise(values) if b > a]
            self.step = min(gaps) if gaps else None

        def __call__(self, v: float, pos: Any = None) -> str:
            return money_tick(v, lang, scale, self.step)

    return MoneyFormatter()


def money_label(value: Decimal | float, lang: str) -> str:
    """An amount for a label on a chart: whole rubles up to 10 million, compact above ('1,15 млрд ₽')."""
    import math

    v = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if abs(v) < 10**7:
        return money_short(v.quantize(Decimal(1)), lang)
    rounded = float(f"{float(v):.4g}")  # 4 significant digits; 999 999 999 → 1 млрд, not 1 000 млн
    return money_tick(rounded, lang, "auto", step=10 ** (math.floor(math.log10(abs(rounded))) - 3))


def place_text(ax: Any, make: Callable[[Any], Any], options: Sequence[Any], avoid: Sequence[Any] = (),
               lines: Sequence[Any] = (), inside: Any = None, pad: float = 2.0) -> tuple[Any, Any]:
    """Add a label where it does not collide: ``make(option)`` adds a text artist for one candidate place;
    the first that stays ``inside`` (a display-coordinate Bbox; default: the axes) and overlaps neither
    the boxes in ``avoid`` nor the ``lines`` (arrays of display points) is kept. If none fits, the one
    that collides least is kept. Returns (artist, its box) — add the box to ``avoid`` for the next label.
    """
    from matplotlib.path import Path as MplPath
    from matplotlib.text import Text

    renderer = ax.figure.canvas.get_renderer()
    frame = inside if inside is not None else ax.get_window_extent(renderer)
    paths = [MplPath(pts) for pts in lines if len(pts) > 1]
    best: tuple[float, Any, Any] | None = None
    for option in options:
        artist = make(option)
        if hasattr(artist, "update_positions"):  # an annotation: place its text first
            artist.update_positions(renderer)
        box = Text.get_window_extent(artist, renderer).padded(pad)  # the text, not an annotation's leader
        score = _outside_area(box, frame) * 10
        score += sum(_overlap_area(box, b) * 10 for b in avoid)
        score += sum(400.0 for path in paths if path.intersects_bbox(box, filled=False))
        if score == 0:
            if best is not None:
                best[1].remove()
            return artist, box
        if best is None or score < best[0]:
            if best is not None:
                best[1].remove()
            best = (score, artist, box)
        else:
            artist.remove()
    if best is None:
        raise ValueError("no place to try")
    return best[1], best[2]


def _overlap_area(a: Any, b: Any) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _outside_area(box: Any, frame: Any) -> float:
    return box.width * box.height - _overlap_area(box, frame)


def percent_formatter(lang: str) -> Any:
    """A matplotlib tick formatter for a fraction shown as percent."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos=None: percent(Decimal(str(round(float(v), 4))), lang))

