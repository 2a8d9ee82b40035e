"""Input channels: Rasa's own, hardened where they fail on bad input."""
