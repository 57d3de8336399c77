"""Shared lexicons and patterns: one home for cue verbs, titles, number words,
casualty nouns. Each section is owned by the stage named in its header."""
