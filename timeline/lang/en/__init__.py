"""English: lexicon.toml, cues.toml and rules/*.toml."""
