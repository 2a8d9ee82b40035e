"""Personal data is masked before anything stores or logs it."""

from __future__ import annotations

import pytest

from privacy import mask_personal_data
from privacy.masking import EMAIL, PERSONAL_NUMBER, PHONE


@pytest.mark.parametrize(
    "text,masked",
    [
        ("mitt personnummer är 19900101-1234", f"mitt personnummer är {PERSONAL_NUMBER}"),
        ("pnr 900101-1239 tack", f"pnr {PERSONAL_NUMBER} tack"),
        ("199001011239", PERSONAL_NUMBER),
        ("samordningsnummer 701063-2391", f"samordningsnummer {PERSONAL_NUMBER}"),
        ("ring mig på 070-123 45 67", f"ring mig på {PHONE}"),
        ("call +46 70 123 45 67 please", f"call {PHONE} please"),
        ("mitt nummer 08-123 456 78", f"mitt nummer {PHONE}"),
        ("+44 20 7946 0958", PHONE),
        ("mail anna.svensson@example.se", f"mail {EMAIL}"),
        ("رقمي ٠٧٠-١٢٣ ٤٥ ٦٧", f"رقمي {PHONE}"),
    ],
)
def test_personal_data_is_masked(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "I work 8 hours and travel 45 min",
        "in 14 days",
        "2026-12-01",
        "15/12",
        "1,5 h",
        "resebidrag 3600 kr",
        "",
        "۴۵ دقیقه",
        "ክልተ ሰዓት",
    ],
)
def test_answers_to_the_checks_are_left_alone(text: str) -> None:
    assert mask_personal_data(text) == text


def test_official_numbers_can_be_kept_while_personal_ones_are_masked() -> None:
    text = "Ring oss på 0771-416 416, inte på 070-123 45 67. Ditt personnummer 19850101-1234 skriver vi aldrig."
    masked = mask_personal_data(text, keep_numbers=["0771-416 416"])
    assert "0771-416 416" in masked and "070-123 45 67" not in masked and "19850101-1234" not in masked
    assert "0771-416 416" not in mask_personal_data(text)
