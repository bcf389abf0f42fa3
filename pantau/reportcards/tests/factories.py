"""Cards made as a unit head makes them: through the services."""

from typing import Any

from pantau.reportcards import services
from pantau.reportcards.models import ReportCard


def prepared_card(unit: Any, *, actor: Any, year: int = 2025, message: str = "") -> ReportCard:
    return services.prepare_card(actor=actor, unit=unit, year=year, message=message)


def published_card(unit: Any, *, actor: Any, year: int = 2025, message: str = "") -> ReportCard:
    card = prepared_card(unit, actor=actor, year=year, message=message)
    return services.publish_card(actor=actor, card=card)
