"""How the SKM follow-up plan (rencana tindak lanjut, RTL) scores in PEKPPP (domain spec 1.7, 2):

Indicator 8 (8.a.Ak, % tindak lanjut SKM)::

    realised % = realised actions / all actions × 100
    score      = 0 no plan; 1 plan but nothing realised; 2 below 30 %; 3 from 30 % to 80 %;
                 4 above 80 % and below 100 %; 5 at 100 %

Indicator 9 (9.a.Ak, kecepatan tindak lanjut SKM), on the time from the end of the surveyed period
to the completion of the last action, in calendar months (the spec scores "all within ..."; until
every action is done there is no speed score)::

    score = 5 within 1 month; 4 within 3; 3 within 6; 2 within 9; 1 within 12; 0 later or none
"""

from datetime import date
from fractions import Fraction


def realised_percent(total: int, realised: int) -> Fraction | None:
    if total <= 0:
        return None
    if not 0 <= realised <= total:
        raise ValueError("Realised actions must be between 0 and the total.")
    return Fraction(realised * 100, total)


def realisation_score(total: int, realised: int) -> int:
    percent = realised_percent(total, realised)
    if percent is None:
        return 0
    if realised == 0:
        return 1
    if percent < 30:
        return 2
    if percent <= 80:
        return 3
    if percent < 100:
        return 4
    return 5


def months_between(start: date, end: date) -> Fraction:
    """Calendar months from start to end; a part month counts by its days (e.g. 1 month and 1 day > 1)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    day_delta = end.day - start.day
    return Fraction(months) + Fraction(day_delta, 31)


SPEED_STEPS = ((1, 5), (3, 4), (6, 3), (9, 2), (12, 1))


def speed_score(period_end: date, completed_on: date | None) -> int:
    if completed_on is None:
        return 0
    elapsed = months_between(period_end, completed_on)
    for limit, score in SPEED_STEPS:
        if elapsed <= limit:
            return score
    return 0
