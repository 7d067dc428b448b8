"""Russia: the rules and formulas of Russian pay (data in rules/*.yaml)."""
