"""Code stays readable in one sitting (issue 18): no module over ~600 lines outside data files, no
function over 80 lines without the reason in its docstring (a paragraph starting "Long:")."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the pantau package
MODULE_LIMIT = 650
FUNCTION_LIMIT = 80
# Modules that are data (questionnaires and instruments as published), not logic.
DATA_MODULES = {"evaluations/instruments.py", "studies/instruments.py"}


def _sources():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/migrations/" in relative or "/tests/" in relative:
            continue
        yield relative, path.read_text()


def test_no_module_is_too_long():
    long = [
        f"{name}: {text.count(chr(10))} lines"
        for name, text in _sources()
        if name not in DATA_MODULES and text.count("\n") > MODULE_LIMIT
    ]
    assert not long, "split these modules by what they do: " + "; ".join(long)


def test_no_function_is_too_long_without_a_reason():
    long = []
    for name, text in _sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1
                reason = "Long:" in (ast.get_docstring(node) or "")
                if size > FUNCTION_LIMIT and not reason:
                    long.append(f"{name}:{node.lineno} {node.name} ({size} lines)")
    assert not long, "shorten these, or say why not in a 'Long:' paragraph: " + "; ".join(long)
