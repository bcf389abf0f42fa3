import json
import sys
from pathlib import Path

from django.utils.translation import gettext as _

from pantau.analytics.ikm import WEIGHT_MODES, ElementTotal, IkmError, compute_ikm
from pantau.common.cli_language import LocalisedCommand
from pantau.common.readers import read_table
from pantau.common.tabular import TableError

CODES = [f"U{i}" for i in range(1, 10)]
SCORES = {"1": 1, "2": 2, "3": 3, "4": 4}
MAX_PROBLEMS = 20


class Command(LocalisedCommand):
    help = "Compute the IKM (PermenPANRB 14/2017) of a CSV or XLSX file with columns U1..U9."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", type=Path, help="one row per respondent; columns U1..U9 with 1-4 or empty"
        )
        parser.add_argument(
            "--weights",
            choices=WEIGHT_MODES,
            default="exact",
            help="exact 1/n (default) or the regulation's rounded 0,111",
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print one JSON object"
        )

    def _fail(self, problems: list[str], more: int = 0) -> None:
        for line in problems[:MAX_PROBLEMS]:
            sys.stderr.write(line + "\n")
        more += max(0, len(problems) - MAX_PROBLEMS)
        if more:
            sys.stderr.write(_("... and %(n)s more problems.") % {"n": more} + "\n")
        sys.exit(2)

    def handle(self, *args, file: Path, weights: str, as_json: bool, **options):
        """Long: the command's steps in the order its output reads (arguments, file, checks,
        figures, table); each is a few lines, and splitting them would pass a dozen values
        between functions."""
        try:
            header, rows = read_table(file, max_rows=None, sheet_with="U1", stream=True)
        except TableError as error:
            self._fail([str(error)])
        positions = {name.upper(): index for index, name in enumerate(header)}
        missing = [code for code in CODES if code not in positions]
        if missing:
            self._fail(
                [
                    _("%(file)s: missing column(s) %(codes)s; the header must name U1 to U9.")
                    % {"file": file, "codes": ", ".join(missing)}
                ]
            )
        columns = [positions[code] for code in CODES]
        width = max(columns) + 1
        answered = [0] * 9
        totals = [0] * 9
        respondents = 0
        problems: list[str] = []
        scores = SCORES
        more = 0
        try:
            for line_number, row in enumerate(rows, start=2):
                if not "".join(row).strip():
                    continue  # a blank line is not a respondent
                if len(row) < width:  # a short row: the missing cells are unanswered
                    row = row + [""] * (width - len(row))
                respondents += 1
                for i, column in enumerate(columns):
                    value = row[column]
                    if not value:
                        continue
                    score = scores.get(value)
                    if score is None:
                        score = scores.get(value.strip())
                        if score is None:
                            if value.strip():
                                if len(problems) < MAX_PROBLEMS:
                                    problems.append(
                                        _(
                                            "row %(row)s, %(column)s: %(value)r is not a score from 1 to 4."
                                        )
                                        % {"row": line_number, "column": CODES[i], "value": value}
                                    )
                                else:
                                    more += 1
                            continue
                    answered[i] += 1
                    totals[i] += score
        except TableError as error:
            self._fail([str(error)])
        if problems:
            self._fail(problems, more)
        if respondents == 0:
            self._fail([_("%(file)s: no respondent rows below the header.") % {"file": file}])
        try:
            result = compute_ikm(
                [
                    ElementTotal(code, a, t)
                    for code, a, t in zip(CODES, answered, totals, strict=True)
                ],
                respondents=respondents,
                weights=weights,
            )
        except IkmError as error:
            self._fail([f"{file}: {error}"])
        if as_json:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(
            f"Respondents: {result.respondents}   weights: {result.weights} ({result.weight:.6f})"
        )
        self.stdout.write(f"{'element':<8}{'answered':>10}{'sum':>10}{'NRR':>10}{'weighted':>10}")
        for e in result.elements:
            self.stdout.write(
                f"{e.code:<8}{e.answered:>10}{e.sum:>10}{e.nrr:>10.4f}{e.weighted_nrr:>10.4f}"
            )
        self.stdout.write(
            f"IKM (1-4): {result.ikm_4:.4f}   IKM: {result.ikm}   grade: {result.grade} ({result.performance})"
        )
