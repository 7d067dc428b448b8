"""What the benchmark scripts share: their --help formatting."""

from __future__ import annotations

import argparse


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """--help shows the module's usage examples as written and each option's default (1,000,000)."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if action.option_strings and default is not None and default is not argparse.SUPPRESS:
            big = isinstance(default, int) and not isinstance(default, bool) and abs(default) >= 10_000
            shown = f"{default:,}" if big else str(default)  # 1,000,000 employees; year 2026
            text += f" (default: {shown})"
        return text
