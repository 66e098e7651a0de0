"""Languages as data: each sub-package holds TOML rule tables, no code."""
