"""Decision logic of the guided checks, free of rasa-sdk."""
