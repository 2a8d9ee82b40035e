"""Personal data never reaches storage or logs: masking shared by Rasa's channels and the service."""

from privacy.masking import mask_personal_data

__all__ = ["mask_personal_data"]
