#!/usr/bin/env python3
"""Checks the module rules of docs/architecture.md against Package.swift and the sources' imports.

Reads the rules table between <!-- module-rules --> and <!-- /module-rules -->, the package's
targets from `swift package dump-package`, and every `import` line of each non-test target.
Prints one line per broken rule and exits 1; prints a summary and exits 0 when all hold.
"""
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RULES = ROOT / "docs" / "architecture.md"
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_exported\s+|(?:public|package|internal)\s+)?import\s+(?:(?:struct|class|enum|func|protocol|typealias|var|let)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def rules():
    text = RULES.read_text()
    match = re.search(r"<!-- module-rules -->(.*?)<!-- /module-rules -->", text, re.S)
    if not match:
        sys.exit(f"{RULES}: no <!-- module-rules --> table")
    table = {}
    for line in match.group(1).strip().splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3:
            sys.exit(f"{RULES}: a rules row needs 3 cells: {line!r}")
        name, allowed, forbidden = cells
        split = lambda cell: {item.strip() for item in cell.split(",") if item.strip()}
        table[name] = (split(allowed), split(forbidden))
    return table


def targets():
    dump = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, capture_output=True, text=True)
    if dump.returncode != 0:
        sys.exit(f"swift package dump-package failed:\n{dump.stderr}")
    package = json.loads(dump.stdout)
    found = {}
    for target in package["targets"]:
        if target["type"] in ("test", "plugin", "macro"):
            continue
        dependencies = set()
        for dependency in target["dependencies"]:
            for key in ("byName", "target"):
                if key in dependency:
                    dependencies.add(dependency[key][0])
        path = target.get("path") or f"Sources/{target['name']}"
        found[target["name"]] = (ROOT / path, dependencies, target["type"])
    return found


def imports(directory):
    for file in sorted(directory.rglob("*.swift")):
        for number, line in enumerate(file.read_text(errors="replace").splitlines(), 1):
            match = IMPORT.match(line)
            if match:
                yield file.relative_to(ROOT), number, match.group(1)


def main():
    table = rules()
    package = targets()
    ours = set(package)
    problems = []
    for name in sorted(set(table) - ours):
        problems.append(f"{RULES.relative_to(ROOT)}: a row for '{name}', which is no target of Package.swift")
    for name, (directory, dependencies, kind) in sorted(package.items()):
        if name not in table:
            problems.append(f"Package.swift: '{name}' has no row in {RULES.relative_to(ROOT)}; add one with what it may import")
            continue
        allowed, forbidden = table[name]
        for dependency in sorted(dependencies & ours - allowed):
            problems.append(f"Package.swift: '{name}' depends on '{dependency}', which its row does not allow")
        if kind == "system":
            continue
        for file, number, module in imports(directory):
            if module in ours and module != name:
                if module not in allowed:
                    problems.append(f"{file}:{number}: '{name}' imports '{module}', which {RULES.relative_to(ROOT)} does not allow")
                elif module not in dependencies:
                    problems.append(f"{file}:{number}: '{name}' imports '{module}', which Package.swift does not list among its dependencies")
            elif module in forbidden:
                problems.append(f"{file}:{number}: '{name}' imports '{module}', which its row forbids")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} module rule(s) broken")
        return 1
    print(f"module rules hold: {len(package)} targets, {len(table)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
