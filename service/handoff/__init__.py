"""Handing conversations to staff: the queue, live delivery, transcripts and outcomes."""
