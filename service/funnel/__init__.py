"""The mobility funnel as staff see it: stage changes under pseudonyms, counted per stage and language."""
