#!/usr/bin/env python3
"""Checks the workspace's declared MSRV (`rust-version`) against its dependencies.

The MSRV must be exactly the highest `rust-version` among the crates the library needs with
its default features (normal and build dependencies, any platform): lower would be a promise
the dependencies break, higher would turn users away for nothing. Clippy's `incompatible_msrv`
lint (run by `.ci/run`) checks our own code against the same version.

Reads `cargo metadata` on stdin.
"""
import json
import sys

def version(text):
    """`1.88` and `1.88.0` compare equal."""
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))

def main():
    metadata = json.load(sys.stdin)
    packages = {p["id"]: p for p in metadata["packages"]}
    nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}
    root = next(p for p in metadata["packages"] if p["name"] == "openrouter")
    declared = root["rust_version"]
    seen, todo = set(), [root["id"]]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for dep in nodes[node]["deps"]:
            if any(kind["kind"] in (None, "build") for kind in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    needed = max(
        (version(packages[i]["rust_version"]), packages[i]["name"])
        for i in seen - {root["id"]}
        if packages[i]["rust_version"]
    )
    need_text = "{}.{}".format(*needed[0]) if needed[0][2] == 0 else "{}.{}.{}".format(*needed[0])
    print(f"declared rust-version {declared}; dependencies need {need_text} ({needed[1]})")
    if version(declared) != needed[0]:
        print(f"error: set rust-version = \"{need_text}\" in Cargo.toml [workspace.package]")
        return 1
    return 0

if __name__ == "__main__":
    sys.exit(main())
