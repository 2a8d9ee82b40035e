"""Custom actions for the Rasa action server (rasa-sdk).

Pure decision logic lives in `checks/` and free-text parsing in `parsing/`, so both can be tested
without an action server; the modules at this level only adapt them to rasa-sdk.
"""
