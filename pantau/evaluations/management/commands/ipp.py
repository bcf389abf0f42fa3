import json
import sys
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import NoReturn

from django.utils.translation import gettext as _

from pantau.analytics.ipp import GUIDE_GRADES, METHODS, IppError, ItemTotal, compute_ipp
from pantau.common.cli_language import LocalisedCommand
from pantau.common.readers import read_table
from pantau.common.tabular import TableError
from pantau.evaluations.models import EvaluationInstrument
from pantau.evaluations.selectors import ipp_model

MAX_PROBLEMS = 20


def find_instrument(text: str) -> EvaluationInstrument | None:
    """``code`` (latest version) or ``code:number``, e.g. pekppp-eksisting or pekppp-eksisting:1."""
    code, _sep, number = text.partition(":")
    versions = EvaluationInstrument.objects.filter(code=code)
    if number:
        return versions.filter(number=number).first() if number.isdigit() else None
    return versions.order_by("-number").first()


class Command(LocalisedCommand):
    help = (
        "Compute the IPP (PEKPPP, 0-5) of a CSV or XLSX file with columns code and score: one row "
        "per indicator (e.g. 1.a.Ak), optionally rows of citizen item scores (e.g. a1-persyaratan, "
        "one row per answer), or aspect scores A1..A6 for an instrument without indicator detail."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--instrument",
            required=True,
            help="instrument code, optionally :version (pekppp-eksisting, pekppp-17-2017:1)",
        )
        parser.add_argument("--method", choices=METHODS, default=None)
        parser.add_argument(
            "--grades",
            choices=["instrument", "guide"],
            default="instrument",
            help="the instrument version's grade table (default) or the pekppp-guide variant "
            "(no C-, D 2,01-2,50, E 0,00-2,00)",
        )
        parser.add_argument("--json", action="store_true", dest="as_json")

    def _fail(self, problems: list[str], more: int = 0) -> NoReturn:
        for line in problems[:MAX_PROBLEMS]:
            sys.stderr.write(line + "\n")
        more += max(0, len(problems) - MAX_PROBLEMS)
        if more:
            sys.stderr.write(_("... and %(n)s more problems.") % {"n": more} + "\n")
        sys.exit(2)

    def handle(
        self, *args, file: Path, instrument: str, method, grades: str, as_json: bool, **options
    ):
        """Long: the command's steps in the order its output reads (instrument, file, grades,
        scores, result, table); each is a few lines."""
        found = find_instrument(instrument)
        if found is None:
            codes = ", ".join(
                sorted(set(EvaluationInstrument.objects.values_list("code", flat=True)))
            )
            self._fail(
                [
                    _("Unknown instrument %(name)r; known: %(codes)s.")
                    % {"name": instrument, "codes": codes}
                ]
            )
            return
        model = ipp_model(found)
        if grades == "guide":
            model = replace(model, grades=GUIDE_GRADES)
        indicator_codes = {i.code for a in model.aspects for i in a.indicators}
        aspect_codes = {a.code for a in model.aspects if not a.indicators}
        citizen_codes = {c for a in model.aspects for c in a.citizen_items}
        try:
            header, rows = read_table(file, max_rows=None, stream=True)
        except TableError as error:
            self._fail([str(error)])
        names = [name.strip().lower() for name in header]
        if "code" not in names or "score" not in names:
            self._fail(
                [_("%(file)s: the header must name the columns code and score.") % {"file": file}]
            )
        code_at, score_at = names.index("code"), names.index("score")
        scores: dict[str, int] = {}
        aspects: dict[str, Fraction] = {}
        citizen: dict[str, list[int]] = {}  # code -> [answers, sum]: constant memory
        problems: list[str] = []
        more = 0

        def add(problem: str) -> None:  # the first problems are kept, the rest only counted
            nonlocal more
            if len(problems) < MAX_PROBLEMS:
                problems.append(problem)
            else:
                more += 1

        try:
            for line, row in enumerate(rows, start=2):
                row = row + [""] * (max(code_at, score_at) + 1 - len(row))
                code, raw = row[code_at].strip(), row[score_at].strip().replace(",", ".")
                if not code and not raw:
                    continue
                try:
                    value = Fraction(raw)
                except (ValueError, ZeroDivisionError):
                    add(
                        _("row %(row)s, %(code)s: %(value)r is not a number.")
                        % {"row": line, "code": code, "value": raw}
                    )
                    continue
                if not 0 <= value <= 5:
                    add(
                        _("row %(row)s, %(code)s: %(value)s is not between 0 and 5.")
                        % {"row": line, "code": code, "value": raw}
                    )
                elif code in indicator_codes:
                    if value.denominator != 1:
                        add(
                            _("row %(row)s, %(code)s: an indicator score is a whole number.")
                            % {"row": line, "code": code}
                        )
                    elif code in scores:
                        add(
                            _("row %(row)s, %(code)s: the indicator appears twice.")
                            % {"row": line, "code": code}
                        )
                    else:
                        scores[code] = int(value)
                elif code in aspect_codes:
                    aspects[code] = value
                elif code in citizen_codes:
                    if value.denominator != 1:
                        add(
                            _("row %(row)s, %(code)s: a citizen answer is a whole number.")
                            % {"row": line, "code": code}
                        )
                    else:
                        tally = citizen.setdefault(code, [0, 0])
                        tally[0] += 1
                        tally[1] += int(value)
                else:
                    add(
                        _("row %(row)s: %(code)r is not a code of %(instrument)s.")
                        % {"row": line, "code": code, "instrument": found}
                    )
        except TableError as error:
            self._fail([str(error)])
        if problems:
            self._fail(problems, more)
        try:
            result = compute_ipp(
                model,
                indicator_scores=scores,
                aspect_scores=aspects,
                citizen_items=[ItemTotal(c, n, total) for c, (n, total) in citizen.items()],
                method=method or found.default_method,
            )
        except IppError as error:
            self._fail([f"{file}: {error}"])
        if as_json:
            self.stdout.write(
                json.dumps({**result.as_dict(), "instrument": str(found)}, ensure_ascii=False)
            )
            return
        self.stdout.write(
            f"Instrument: {found}   method: {result.method}   evaluator share: "
            f"{float(result.evaluator_share):.0%}"
        )
        self.stdout.write(
            f"{'aspect':<8}{'weight':>8}{'F-02':>8}{'F-03':>8}{'score':>8}{'weighted':>10}"
        )
        for a in result.aspects:
            citizen_text = "-" if a.citizen is None else f"{float(a.citizen):.3f}"
            self.stdout.write(
                f"{a.code:<8}{float(a.weight):>8.2f}{float(a.evaluator):>8.3f}{citizen_text:>8}"
                f"{float(a.blended):>8.3f}{float(a.contribution):>10.4f}"
            )
        self.stdout.write(f"IPP: {result.ipp}   grade: {result.grade} ({result.label})")
