"""Which app may import which (issue 18; docs/architecture.md, "Rooms"): interfaces → domains →
engine, events, analytics → organisations, accounts, common. Every import in every module
(function bodies included, tests and migrations excepted) is read, and the test fails on an import
upwards, on an interface imported from below, or on a cycle between apps that does not run
through one of the known, explained edges."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the pantau package

INTERFACES = {"api", "open311", "portal"}
DOMAINS = {
    "complaints",
    "satisfaction",
    "studies",
    "evaluations",
    "standards",
    "privacy",
    "kpis",
    "improvements",
    "innovations",
    "observations",
    "reportcards",
}
ENGINE = {"surveys", "events", "analytics"}
BASE = {"organisations", "accounts", "common"}
LAYER = {
    **dict.fromkeys(INTERFACES, 3),
    **dict.fromkeys(DOMAINS, 2),
    **dict.fromkeys(ENGINE, 1),
    **dict.fromkeys(BASE, 0),
}

# The edges through which the remaining cycles run, each with its reason. Any other cycle fails
# the test; an upward edge fails the layer test first.
KNOWN_CYCLE_EDGES = {
    # A membership (accounts) names a unit or an agency (organisations), and a user's scope over
    # units (organisations) is read from the memberships' roles (accounts).
    ("accounts", "organisations"),
    ("organisations", "accounts"),
    # The staff home page (accounts.views) shows the complaints desk summary, while complaints
    # read users' roles (accounts). Moving the home page to an interface app would end it.
    ("accounts", "complaints"),
    # The SKM follow-up plan is a view of the improvement register (satisfaction reads and
    # writes its actions), while the register reads the SKM results its actions come from and
    # the figures they move (issue 21).
    ("satisfaction", "improvements"),
    # A PEKPPP recommendation's action plan is an action of the register, kept in step whichever
    # side the unit writes on, while the register reads the recommendations (issue 21).
    ("evaluations", "improvements"),
}
ALLOWED_UPWARDS = {("accounts", "complaints")}  # the staff home page, as above


def _imports() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if len(parts) < 2 or "tests" in parts or "migrations" in parts:
            continue
        app = parts[0]
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.startswith("pantau.") and name.split(".")[1] != app:
                    found[(app, name.split(".")[1])].append(str(path.relative_to(ROOT.parent)))
    return found


def test_every_app_has_a_layer():
    apps = {p.name for p in ROOT.iterdir() if (p / "apps.py").exists()}
    assert apps == set(LAYER), apps ^ set(LAYER)


def test_no_app_imports_a_layer_above_it():
    upwards = {
        pair: files
        for pair, files in _imports().items()
        if LAYER[pair[1]] > LAYER[pair[0]] and pair not in ALLOWED_UPWARDS
    }
    assert upwards == {}


def test_no_domain_and_nothing_below_imports_an_interface():
    offending = {
        pair: files
        for pair, files in _imports().items()
        if pair[1] in INTERFACES and pair[0] not in INTERFACES
    }
    assert offending == {}


def test_no_new_cycle_between_apps():
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in _imports():
        graph[source].add(target)
    unexplained = []
    for start in list(graph):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for target in graph[node]:
                if target == start:
                    edges = set(zip(path, [*path[1:], start], strict=True))
                    if not edges & KNOWN_CYCLE_EDGES:
                        unexplained.append(" → ".join([*path, start]))
                elif target not in path and len(path) < 8:
                    stack.append((target, [*path, target]))
    assert unexplained == []
