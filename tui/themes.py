"""Gentle Flow's own themes: a calm everyday one, and a quiet one for flare days.

Both are ordinary Textual themes, so every Textual theme works too (the command palette lists them).
The quiet theme has few colours, all muted and close together, and the app turns off animations
while it is on: on a high-pain day bright colour and motion hurt.
"""

from __future__ import annotations

from textual.theme import Theme

CALM = "gentle"
QUIET = "gentle-quiet"

CALM_THEME = Theme(
    name=CALM,
    primary="#7FA3C0",  # soft blue
    secondary="#9DB08A",  # sage
    accent="#C4A484",  # sand
    success="#8DB596",  # soft green
    warning="#C9AE74",  # muted gold
    error="#C48B8B",  # dusty rose: only for a value a form cannot take
    foreground="#D6D2CA",
    background="#1E2024",
    surface="#24272B",
    panel="#2B2F34",
    dark=True,
    variables={
        "footer-key-foreground": "#9DB08A",
        "block-cursor-background": "#3A4550",
        "block-cursor-foreground": "#E4E0D8",
        "input-selection-background": "#7FA3C0 30%",
    },
)

QUIET_THEME = Theme(
    name=QUIET,
    primary="#8C939A",
    secondary="#858B86",
    accent="#948E86",
    success="#8A938C",
    warning="#958F82",
    error="#9C8F8F",
    foreground="#A29E98",
    background="#131415",
    surface="#17181A",
    panel="#1B1D1F",
    dark=True,
    luminosity_spread=0.05,
    text_alpha=0.85,
    variables={
        "footer-key-foreground": "#A29E98",
        "footer-background": "#17181A",
        "block-cursor-background": "#2A2D30",
        "block-cursor-foreground": "#B4B0AA",
        "input-selection-background": "#8C939A 25%",
        "scrollbar": "#1B1D1F",
        "scrollbar-hover": "#25282B",
    },
)

THEMES = (CALM_THEME, QUIET_THEME)
