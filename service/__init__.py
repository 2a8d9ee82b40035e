"""The web service in front of the assistant: chat page, chat API, NLG endpoint, health."""
