"""Custom Rasa NLU components: text normalisation and language identification."""
