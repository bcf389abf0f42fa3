import json
import math
import re
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from django.utils.translation import gettext as _

from pantau.analytics.likert import analyse
from pantau.common.cli_language import LocalisedCommand
from pantau.common.readers import read_table
from pantau.common.tabular import TableError

# DIM_k, or DIM_kR for a reverse-scored item (as Pantau's study export names them): turned round.
ITEM = re.compile(r"^([A-Za-z][A-Za-z0-9]*)_(\d+)([Rr]?)$")
MAX_PROBLEMS = 20
BLOCK_ROWS = 50_000


def _fmt(value, places=3) -> str:
    return "–" if value is None else f"{value:.{places}f}"


def _line_bound(path: Path) -> int:
    """At least the number of data rows of a CSV (its count of newline bytes), read in chunks;
    0 for other files."""
    if path.suffix.lower() != ".csv":
        return 0
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count + 1


def _store(matrix: np.ndarray, filled: int, block: list[list[float]]) -> tuple[np.ndarray, int]:
    """``block`` written into ``matrix`` after its ``filled`` rows, growing it by half when full."""
    end = filled + len(block)
    if end > matrix.shape[0]:
        grown = np.empty((max(end, matrix.shape[0] * 3 // 2), matrix.shape[1]), matrix.dtype)
        grown[:filled] = matrix[:filled]
        matrix = grown
    matrix[filled:end] = block
    return matrix, end


class Command(LocalisedCommand):
    help = (
        "Analyse a Likert study in a CSV or XLSX file: descriptives, item validity, Cronbach's "
        "alpha, the gap between two groups and an OLS regression (columns DIM_k, optional group)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            type=Path,
            help="one row per respondent; item columns DIM_k (e.g. SNS_1); optional column group",
        )
        parser.add_argument(
            "--outcome", help="regress this dimension's score on every other dimension's score"
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print one JSON object"
        )
        parser.add_argument(
            "--reverse",
            default="",
            help="comma-separated reverse-scored items, counted as low + high − x (e.g. SNS_4,SDA_4)",
        )
        parser.add_argument(
            "--scale",
            default="1-5",
            help="the answer scale low-high: answers outside it are refused; used by --reverse "
            "(default 1-5)",
        )

    def _fail(self, problems: list[str], more: int = 0) -> None:
        for line in problems[:MAX_PROBLEMS]:
            sys.stderr.write(line + "\n")
        more += max(0, len(problems) - MAX_PROBLEMS)
        if more:
            sys.stderr.write(_("... and %(n)s more problems.") % {"n": more} + "\n")
        sys.exit(2)

    def handle(
        self,
        *args,
        file: Path,
        outcome: str | None,
        as_json: bool,
        reverse: str = "",
        scale: str = "1-5",
        **options,
    ):
        """Long: the command's steps in the order its output reads (arguments, file, groups,
        each analysis, tables); each is a call into pantau.analytics."""
        try:
            header, rows = read_table(file, max_rows=None, stream=True)
        except TableError as error:
            self._fail([str(error)])
        dimensions: dict[str, list[tuple[int, str]]] = {}
        positions: dict[str, int] = {}
        group_column = None
        problems: list[str] = []
        for index, name in enumerate(header):
            name = name.strip()
            match = ITEM.match(name)
            if match:
                if name in positions:
                    problems.append(
                        _("%(file)s: column %(name)s appears twice.") % {"file": file, "name": name}
                    )
                positions[name] = index
                dimensions.setdefault(match.group(1), []).append((int(match.group(2)), name))
            elif name.lower() == "group":
                group_column = index
        if not dimensions:
            problems.append(
                _(
                    "%(file)s: no item columns; name them DIM_k, the dimension code, an underscore "
                    "and the item number (e.g. SNS_1)."
                )
                % {"file": file}
            )
        if outcome is not None and outcome not in dimensions:
            problems.append(
                _("--outcome %(code)s: the file has no dimension with that code.")
                % {"code": outcome}
            )
        if outcome is not None and len(dimensions) < 2:
            problems.append(_("--outcome needs at least one other dimension to regress on."))
        marked = [name for name in positions if (found := ITEM.match(name)) and found.group(3)]
        reversed_items = list(marked)
        for name in (name.strip() for name in reverse.split(",")):
            if not name or f"{name}R" in marked or f"{name}r" in marked:
                continue  # already turned round by its name: never twice
            if name not in positions:
                problems.append(
                    _("--reverse %(name)s: the file has no item column with that name.")
                    % {"name": name}
                )
            elif name not in reversed_items:
                reversed_items.append(name)
        try:
            low, high = (int(part) for part in scale.split("-"))
        except ValueError:
            problems.append(
                _("--scale %(scale)s: write the lowest and highest answer, e.g. 1-5.")
                % {"scale": scale}
            )
            low, high = 1, 5
        if problems:
            self._fail(problems)
        items = {code: [name for _n, name in sorted(found)] for code, found in dimensions.items()}
        columns = [name for names in items.values() for name in names]
        try:
            matrix, group_array = self._read_answers(
                file, rows, [positions[name] for name in columns], columns, group_column, low, high
            )
        except TableError as error:
            self._fail([str(error)])
        for name in reversed_items:
            j = columns.index(name)
            matrix[:, j] = low + high - matrix[:, j]
        result = analyse(
            matrix,
            columns,
            items,
            groups=group_array,
            outcome=outcome,
        )
        result["reversed"] = reversed_items
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            return
        self._print(result)

    def _read_answers(
        self,
        file: Path,
        rows: Iterator[list[str]],
        indexes: list[int],
        columns: list[str],
        group_column: int | None,
        low: int,
        high: int,
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """The answers as a respondents × items array and the groups (or None), read row by row.

        Memory stays small on files of millions of rows: answers are kept in blocks of half-precision
        floats (exact for whole numbers up to 2,048; NaN for no answer) and each group as a small
        integer code, never as Python lists of strings or floats.

        Long: one pass over a streamed file that fills preallocated arrays (decision 0034);
        a function per column would cost a call per cell of a file with millions of cells."""
        dtype = np.float16 if max(abs(low), abs(high)) <= 2048 else np.float64
        # An answer is one of the scale's whole points: "3,5", "3.5", 0 or 6 on a 1-5 scale are
        # refused with the row and column named, never averaged in silently.
        answers: dict[str, float] = {str(v): float(v) for v in range(low, high + 1)}
        answers[""] = math.nan
        problems: list[str] = []
        extra_problems = 0
        # One array, sized from the file's line count when that can be had (a CSV: every row ends
        # in a newline byte), grown when a guess was short: never the whole file twice in memory.
        matrix = np.empty((max(_line_bound(file), BLOCK_ROWS), len(columns)), dtype=dtype)
        filled = 0
        block: list[list[float]] = []
        group_codes: dict[str, int] = {}
        codes = array("i")
        width = max(indexes + ([group_column] if group_column is not None else [])) + 1

        def problem(text: str) -> None:
            nonlocal extra_problems
            if len(problems) < MAX_PROBLEMS:
                problems.append(text)
            else:
                extra_problems += 1

        for line_number, row in enumerate(rows, start=2):
            if not "".join(row).strip():
                continue  # a blank line is not a respondent
            if len(row) < width:
                row = row + [""] * (width - len(row))
            values = []
            for name, index in zip(columns, indexes, strict=True):
                cell = row[index]
                value = answers.get(cell)
                if value is None:
                    cell = cell.strip()
                    value = answers.get(cell)
                    if value is None:
                        if re.fullmatch(r"[+-]?\d+(\.0+)?", cell) and low <= float(cell) <= high:
                            value = float(cell)
                        else:
                            problem(
                                _(
                                    "row %(row)s, %(column)s: %(value)r is not an answer on the "
                                    "scale %(low)s-%(high)s (whole numbers only)."
                                )
                                % {
                                    "row": line_number,
                                    "column": name,
                                    "value": cell,
                                    "low": low,
                                    "high": high,
                                }
                            )
                            value = math.nan
                values.append(value)
            block.append(values)
            if len(block) == BLOCK_ROWS:
                matrix, filled = _store(matrix, filled, block)
                block = []
            if group_column is not None:
                group = row[group_column].strip()
                if not group:
                    problem(
                        _("row %(row)s, group: the respondent group is empty.")
                        % {"row": line_number}
                    )
                codes.append(group_codes.setdefault(group, len(group_codes)))
        if block:
            matrix, filled = _store(matrix, filled, block)
        if not filled:
            problems.append(_("%(file)s: no respondent rows below the header.") % {"file": file})
        if problems:
            self._fail(problems, extra_problems)
        matrix = matrix[:filled]  # a view: no copy
        group_array = None
        if group_column is not None:
            names = np.empty(len(group_codes), dtype=object)
            for name, code in group_codes.items():
                names[code] = name
            group_array = names[np.frombuffer(codes, dtype=np.int32)]
        return matrix, group_array

    def _print(self, result: dict) -> None:
        groups = ", ".join(f"{g}: {n}" for g, n in result["groups"].items())
        self.stdout.write(f"Respondents: {result['n']}" + (f"   ({groups})" if groups else ""))
        if result["reversed"]:
            self.stdout.write(
                f"Turned round (reverse-scored): {', '.join(result['reversed'])}, "
                f"as low + high − answer"
            )
        self.stdout.write(f"{'dimension':<12}{'n':>6}{'mean':>8}{'sd':>8}{'alpha':>8}  95% CI")
        for code, d in result["dimensions"].items():
            low, high = d["alpha_ci95"]
            self.stdout.write(
                f"{code:<12}{d['n']:>6}{_fmt(d['mean']):>8}{_fmt(d['sd']):>8}"
                f"{_fmt(d['alpha']):>8}  {_fmt(low)}–{_fmt(high)}"
            )
            for item, i in d["items_detail"].items():
                self.stdout.write(
                    f"  {item:<10}mean {_fmt(i['mean'])}  r(corrected) {_fmt(i['r_corrected'])}"
                    f"  p {_fmt(i['r_corrected_p'], 4)}  alpha if deleted {_fmt(i['alpha_if_deleted'])}"
                )
            gap = d.get("gap")
            if gap:
                first, second = gap["groups"]
                self.stdout.write(
                    f"  gap {first} − {second}: {_fmt(gap['mean_diff'])}; Welch t "
                    f"{_fmt(gap['welch_t'])} (df {_fmt(gap['welch_df'], 1)}) p {_fmt(gap['welch_p'], 4)};"
                    f" Mann–Whitney U {_fmt(gap['mwu_u'], 1)} p {_fmt(gap['mwu_p'], 4)};"
                    f" Hedges' g {_fmt(gap['hedges_g'])}; rank-biserial {_fmt(gap['rank_biserial'])}"
                )
        regression = result.get("regression")
        if regression:
            self.stdout.write(
                f"OLS of {regression['outcome']} (n {regression['n']}): R² {_fmt(regression['r2'], 4)}"
                f", adj. R² {_fmt(regression['adj_r2'], 4)}, F {_fmt(regression['f'])}"
                f" p {_fmt(regression['f_p'], 4)}"
            )
            for name, c in regression["coefficients"].items():
                vif = f"  VIF {_fmt(c['vif'], 2)}" if "vif" in c else ""
                self.stdout.write(
                    f"  {name:<10}b {_fmt(c['b'], 4)}  se {_fmt(c['se'], 4)}  t {_fmt(c['t'])}"
                    f"  p {_fmt(c['p'], 4)}{vif}"
                )
