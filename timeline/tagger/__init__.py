"""The English rule engine: find time expressions in text and resolve them against an anchor."""
