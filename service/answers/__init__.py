"""Answer texts: gettext catalogs per language + facts, formatted per locale with Babel."""

from service.answers.catalogs import SUPPORTED_LANGUAGES, Catalogs
from service.answers.render import render_response

__all__ = ["SUPPORTED_LANGUAGES", "Catalogs", "render_response"]
