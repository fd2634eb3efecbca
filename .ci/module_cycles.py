#!/usr/bin/env python3
"""Fails when the modules of src/ import each other in a circle.

Reads every `.rs` file under src/ (test modules, from the first `#[cfg(test)]` on, are
skipped), resolves each `crate::…`, `super::…` and `self::…` path to the deepest module it
names, and looks for strongly connected components of the resulting graph (Tarjan). A module
using its own descendants, or a parent re-exporting a child, is not a circle. Prints every
circle found and exits 1 if there is one. Python 3 standard library only.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PATH = re.compile(r"\b((?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)+)")
GROUP = re.compile(r"\b(crate|super|self)((?:::[a-z_][a-z0-9_]*)*)::\{([^}]*)\}")


def module_names() -> dict[str, Path]:
    modules = {}
    for path in SRC.rglob("*.rs"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] in ("mod", "lib", "main"):
            parts = parts[:-1]
        modules["::".join(["crate", *parts])] = path
    return modules


def resolve(modules: dict[str, Path], current: str, path: str) -> str | None:
    segments = path.split("::")
    base = current.split("::")
    if segments[0] == "crate":
        resolved, segments = ["crate"], segments[1:]
    elif segments[0] == "self":
        resolved, segments = base, segments[1:]
    else:
        resolved = base
        while segments and segments[0] == "super":
            resolved, segments = resolved[:-1], segments[1:]
    best = None
    for segment in segments:
        resolved = [*resolved, segment]
        if "::".join(resolved) in modules:
            best = "::".join(resolved)
    return best


def graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    edges = {}
    for name, path in modules.items():
        source = path.read_text(encoding="utf-8").split("#[cfg(test)]")[0]
        targets = {resolve(modules, name, m.group(1)) for m in PATH.finditer(source)}
        for m in GROUP.finditer(source):
            for item in m.group(3).split(","):
                item = item.strip().split("::")[0].split(" ")[0]
                if item:
                    targets.add(resolve(modules, name, f"{m.group(1)}{m.group(2)}::{item}"))
        edges[name] = {t for t in targets
                       if t and t != name and not name.startswith(t + "::") and not t.startswith(name + "::")}
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = 0
    sys.setrecursionlimit(10_000)

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def main() -> int:
    modules = module_names()
    found = circles(graph(modules))
    for circle in found:
        print("import circle:", " -> ".join(circle))
    print(f"{len(modules)} modules, {len(found)} import circle(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
