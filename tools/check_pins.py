#!/usr/bin/env python3
"""Check that environment.yml's pip pins are the same as requirements.txt's.

    python3 tools/check_pins.py      (standard library only; `make test` runs it)
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^\s*(?:-\s+)?([A-Za-z0-9_.\-]+)\s*==\s*([^\s#]+)")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines):
    return {norm(m.group(1)): m.group(2) for m in map(PIN.match, lines) if m}


def main() -> int:
    req = pins((ROOT / "requirements.txt").read_text().splitlines())
    env_lines = (ROOT / "environment.yml").read_text().splitlines()
    # only the `- pip:` section: lines indented deeper than the `- pip:` item
    start = next(i for i, line in enumerate(env_lines) if re.match(r"^\s*-\s*pip:\s*$", line))
    indent = len(env_lines[start]) - len(env_lines[start].lstrip())
    section = []
    for line in env_lines[start + 1:]:
        if line.strip() and not line.lstrip().startswith("#") and len(line) - len(line.lstrip()) <= indent:
            break
        section.append(line)
    env = pins(section)
    if req != env:
        for name in sorted(set(req) | set(env)):
            if req.get(name) != env.get(name):
                print(f"check_pins: {name}: requirements.txt {req.get(name)} vs environment.yml {env.get(name)}")
        return 1
    print(f"check_pins: requirements.txt and environment.yml agree ({len(req)} pins)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
