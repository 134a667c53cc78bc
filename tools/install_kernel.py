#!/usr/bin/env python3
"""Install the JJava kernelspec `java` into this Python environment, pinned to a JDK.

Run with the venv's Python (`make venv` does):

    .venv/bin/python tools/install_kernel.py [--java /path/to/jdk/bin/java]

The `jjava` wheel already drops its kernelspec into
<sys.prefix>/share/jupyter/kernels/java, but that kernel.json starts plain
`java` from whatever PATH the Jupyter server has, and JJava's launcher starts
the actual kernel JVM with plain `java` again. This script re-installs the same
files with `jupyter kernelspec install --sys-prefix --replace --name java`
(so nothing is written outside the environment) from a staged copy whose
kernel.json
  * runs the launcher with the absolute path of the chosen JDK's `java`,
  * sets JAVA_HOME to that JDK and puts its bin/ first on PATH, so the kernel
    JVM the launcher starts is the same JDK,
  * sets JJAVA_JVM_OPTS (default: -Djava.awt.headless=true, as charts are
    rendered to images, never to windows; -Xmx640m, which keeps the kernel
    under 1 GiB resident; and --add-modules jdk.incubator.vector,
    which turns on scratchnet's vector kernels: same numbers, about twice as fast).
The JDK is, in order: --java, $JAVA_HOME/bin/java, `java` on PATH. It must be
Java 17 or newer (the scratchnet jar is compiled for release 17).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KERNEL_NAME = "java"
MIN_JAVA = 17
VECTOR_MODULE = "jdk.incubator.vector"
VECTOR_OPTION = f"--add-modules {VECTOR_MODULE}"
# -Xmx: a heap of a quarter of the RAM (the JVM's default) let the kernel grow past 1 GiB
# resident; the notebooks need about half of this cap.
DEFAULT_JVM_OPTS = f"-Djava.awt.headless=true -Xmx640m {VECTOR_OPTION}"


def find_java(explicit: str | None) -> str:
    if explicit:
        return explicit
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    found = shutil.which("java")
    if not found:
        sys.exit("install_kernel: no `java` found (set JAVA_HOME or put a JDK 17+ on PATH)")
    return found


def java_properties(java: str) -> dict[str, str]:
    out = subprocess.run([java, "-XshowSettings:properties", "-version"],
                         capture_output=True, text=True, check=True).stderr
    props = {}
    for line in out.splitlines():
        m = re.match(r"\s+([\w.]+) = (.*)$", line)
        if m:
            props[m.group(1)] = m.group(2).strip()
    return props


def has_module(java: str, module: str) -> bool:
    out = subprocess.run([java, "--list-modules"], capture_output=True, text=True).stdout
    return any(line.split("@")[0] == module for line in out.splitlines())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--java", help="java executable of the JDK the kernel must use")
    p.add_argument("--jvm-opts", default=os.environ.get("KERNEL_JVM_OPTS", DEFAULT_JVM_OPTS),
                   help=f"JJAVA_JVM_OPTS for the kernel JVM (default: {DEFAULT_JVM_OPTS}, or $KERNEL_JVM_OPTS)")
    args = p.parse_args()

    props = java_properties(find_java(args.java))
    java_home = props.get("java.home")
    spec_version = props.get("java.specification.version", "0")
    if not java_home or int(spec_version.split(".")[0]) < MIN_JAVA:
        sys.exit(f"install_kernel: need Java {MIN_JAVA}+, found {spec_version} at {java_home}")
    java_home = os.path.realpath(java_home)
    java_bin = os.path.join(java_home, "bin", "java")

    src = Path(sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME
    if not (src / "jjava.jar").is_file():
        sys.exit(f"install_kernel: {src}/jjava.jar missing; is the `jjava` package installed in {sys.prefix}?")

    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / KERNEL_NAME
        shutil.copytree(src, staged)
        spec = json.loads((staged / "kernel.json").read_text())
        if spec["argv"][0] not in ("java", java_bin) and not spec["argv"][0].endswith("/bin/java"):
            sys.exit(f"install_kernel: unexpected kernel.json argv {spec['argv']}; jjava changed its layout?")
        spec["argv"][0] = java_bin
        env = dict(spec.get("env") or {})
        env["JAVA_HOME"] = java_home
        env["PATH"] = f"{java_home}/bin:${{PATH}}"  # ${PATH}: jupyter_client substitutes the server's PATH
        jvm_opts = args.jvm_opts
        if VECTOR_OPTION in jvm_opts and not has_module(java_bin, VECTOR_MODULE):
            # a JVM asked for a module it lacks does not start at all; the plain kernels give the same numbers
            jvm_opts = " ".join(jvm_opts.replace(VECTOR_OPTION, "").split())
            print(f"install_kernel: this JDK has no {VECTOR_MODULE}; the notebooks will run scratchnet's "
                  "plain Java kernels (same numbers, about half the speed)", file=sys.stderr)
        if jvm_opts:
            env["JJAVA_JVM_OPTS"] = jvm_opts
        spec["env"] = env
        (staged / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")

        jupyter = [sys.executable, "-m", "jupyter"]
        subprocess.run(jupyter + ["kernelspec", "install", "--sys-prefix", "--replace",
                                  "--name", KERNEL_NAME, str(staged)], check=True)

    listed = json.loads(subprocess.run(jupyter + ["kernelspec", "list", "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    where = listed["kernelspecs"].get(KERNEL_NAME, {}).get("resource_dir", "")
    if os.path.realpath(where) != os.path.realpath(src):
        print(f"install_kernel: warning: `jupyter kernelspec list` resolves '{KERNEL_NAME}' to {where}, "
              f"which shadows {src} (a kernelspec in your user data dir?). "
              "tools/run_notebooks.py still uses the environment's one.", file=sys.stderr)
    print(f"install_kernel: kernel '{KERNEL_NAME}' in {src} uses Java {props.get('java.version')} ({java_home})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
