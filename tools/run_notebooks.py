#!/usr/bin/env python3
"""Execute scratchnet's Java notebooks headless with the JJava kernel.

Usage (from the repo root, with the venv made by `make venv`):

    .venv/bin/python tools/run_notebooks.py notebooks/00-network-walkthrough.ipynb ...
    .venv/bin/python tools/run_notebooks.py --export-html results notebooks/[0-9]*.ipynb
    .venv/bin/python tools/run_notebooks.py --smoke notebooks/[0-9]*.ipynb

Full runs write the executed notebook back IN PLACE (that is how the committed
notebooks get their outputs). `--smoke` sets SCRATCHNET_SMOKE=1 for the kernel
and writes the executed notebook to a separate copy (--output-dir, or a
temporary folder), never over the original.

Each notebook's kernel starts with its working directory set to the notebook's
own folder, so notebooks can say `%classpath ../lib/target/scratchnet.jar`.

The kernel used is the `java` kernelspec of the Python environment running this
script (sys.prefix/share/jupyter/kernels/java, installed by `make venv`), so a
`java` kernelspec in ~/.local/share/jupyter cannot shadow it.

Exit status: 0 if every notebook ran without a cell error, 1 otherwise (the
message names the notebook and the failing cell), 2 for bad arguments, 130
when interrupted (Ctrl-C / SIGTERM: the kernel is shut down, the run stops).
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import os
import re
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

SMOKE_VAR = "SCRATCHNET_SMOKE"


def fmt_secs(s: float) -> str:
    if s < 60:
        return f"{s:.1f} s"
    m, s = divmod(s, 60)
    if m < 60:
        return f"{int(m)} min {s:04.1f} s"
    h, m = divmod(m, 60)
    return f"{int(h)} h {int(m):02d} min {s:04.1f} s"


def log(msg: str) -> None:
    print(msg, flush=True)


def cell_summary(cell, limit: int = 70) -> str:
    """First non-blank line of a cell's source, shortened."""
    for line in cell.source.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 3] + "..."
    return "<empty>"


def kernel_spec_manager(kernel_name: str):
    """A KernelSpecManager that only looks in this environment's prefix.

    jupyter_client's default search path puts the user's data dir before
    sys.prefix; restricting it makes the venv's kernelspec the one used.
    Falls back to the default search path if the venv has no such kernel
    (e.g. when this script is run with a Python without `make venv`).
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    prefix_dir = os.path.join(sys.prefix, "share", "jupyter", "kernels")
    ksm = KernelSpecManager(kernel_dirs=[prefix_dir])
    try:
        ksm.get_kernel_spec(kernel_name)
        return ksm
    except NoSuchKernel:
        ksm = KernelSpecManager()
        ksm.get_kernel_spec(kernel_name)  # raises NoSuchKernel with the search path
        log(f"warning: no '{kernel_name}' kernel in {prefix_dir}; using {ksm.find_kernel_specs()[kernel_name]}")
        return ksm


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def describe_error(error: BaseException, cell) -> str:
    """What went wrong, preferably from the cell's own error output.

    (For JJava the execute_reply's traceback, which nbclient's message uses,
    is the kernel's internal stack; the error *output* has the user's one.)
    """
    from nbclient.exceptions import CellExecutionError

    if isinstance(error, CellExecutionError) and cell is not None:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                lines = [f"{out.get('ename', '?')}: {out.get('evalue', '')}"]
                tb = [ANSI.sub("", line) for line in out.get("traceback", [])]
                lines += tb[:40] + (["    ..."] if len(tb) > 40 else [])
                return "\n".join("    " + line for line in "\n".join(lines).splitlines())
    if isinstance(error, Exception) and type(error).__module__.startswith("nbclient"):
        return f"    {type(error).__name__}: {str(error).strip()}"
    # anything else (kernel did not start, run interrupted, ...): the exception chain, compactly
    chain, e = [], error
    while e is not None and len(chain) < 5:
        chain.append(e)
        e = e.__cause__ or e.__context__
    lines = []
    for e in reversed(chain):
        if isinstance(e, CellExecutionError) and cell is not None:
            lines.append(describe_error(e, cell).strip())
        else:
            lines.append("".join(traceback.format_exception_only(type(e), e)).strip())
    return "\n".join("    " + line for line in "\n".join(lines).splitlines())


class NotebookFailed(Exception):
    pass


class RunInterrupted(Exception):
    pass


def execute(nb_path: Path, out_path: Path, args, ksm, cwd: Path | None = None) -> float:
    """Run one notebook; write the result to out_path. Returns wall seconds.

    The kernel's working directory is cwd, by default the notebook's folder.
    """
    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(nb_path, as_version=4)
    n_code = sum(1 for c in nb.cells if c.cell_type == "code")
    state = {"index": None, "ordinal": 0, "t0": 0.0}

    def on_cell_execute(cell, cell_index, **_):
        state["index"] = cell_index
        state["ordinal"] += 1
        state["t0"] = time.monotonic()
        if args.verbose:
            log(f"    [{state['ordinal']}/{n_code}] cell {cell_index}: {cell_summary(cell)}")

    def on_cell_executed(cell, cell_index, **_):
        dt = time.monotonic() - state["t0"]
        if args.verbose or dt >= 30:
            log(f"    cell {cell_index} done in {fmt_secs(dt)}")

    class Client(NotebookClient):
        # nbclient's own kernel manager class (async) but with our kernelspec search path.
        def create_kernel_manager(self):
            self.km = AsyncKernelManager(kernel_name=self.kernel_name, kernel_spec_manager=ksm,
                                         config=self.config)
            return self.km

    client = Client(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        startup_timeout=args.startup_timeout,
        interrupt_on_timeout=True,
        resources={"metadata": {"path": str((cwd or nb_path.parent).resolve())}},
        on_cell_execute=on_cell_execute,
        on_cell_executed=on_cell_executed,
    )

    # SIGINT/SIGTERM stop the whole run, not just this notebook. nbclient's execute() would catch
    # them itself and leave only a failed cell behind, so the cells run here through its public
    # setup_kernel/execute_cell, as execute() runs them. The handler only records the signal and,
    # when the event loop is running (a cell is executing), has the kernel shut down, which ends
    # the cell; raising inside the loop could leave the kernel running. The flag is read between
    # cells, and setup_kernel's exit cleans up the kernel.
    signals: list[str] = []

    async def shutdown_kernel_now():
        if client.km is not None and await client.km.is_alive():
            await client.km.shutdown_kernel(now=True)

    def stop(signum, _frame):
        signals.append(signal.Signals(signum).name)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        loop.call_soon_threadsafe(lambda: asyncio.ensure_future(shutdown_kernel_now()))

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    t0 = time.monotonic()
    error: BaseException | None = None
    try:
        client.reset_execution_trackers()
        with client.setup_kernel():
            info = client.wait_for_reply(client.kc.kernel_info())
            if info is not None and "language_info" in info["content"]:
                nb.metadata["language_info"] = info["content"]["language_info"]
            for index, cell in enumerate(nb.cells):
                if signals:
                    break
                client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            client.set_widgets_metadata()
    except Exception as e:  # a cell failed or timed out, the kernel died or did not start, ...
        error = e
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    wall = time.monotonic() - t0
    if signals:
        raise RunInterrupted(f"{nb_path}: interrupted by {signals[0]} after {fmt_secs(wall)}")

    if error is None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out_path)
        return wall

    # Failure: never overwrite the original with a half-run notebook.
    idx = state["index"]
    where = "before the first cell ran (kernel start?)" if idx is None else (
        f"cell {idx} (code cell {state['ordinal']} of {n_code}: {cell_summary(nb.cells[idx])})"
    )
    failed_copy = args.failed_dir / f"{nb_path.stem}.failed.ipynb"
    try:
        args.failed_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, failed_copy)
    except Exception:
        failed_copy = None
    detail = describe_error(error, nb.cells[idx] if idx is not None else None)
    if idx is not None and time.monotonic() - state["t0"] >= args.timeout:
        detail = f"    (the cell ran past --timeout {args.timeout} s and was interrupted)\n" + detail
    raise NotebookFailed(
        f"FAILED: {nb_path} at {where} after {fmt_secs(wall)}\n"
        f"{detail}\n"
        + (f"partially executed copy: {failed_copy}" if failed_copy else "")
    )


def export_html(nb_path: Path, html_dir: Path) -> Path:
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(nb_path, as_version=4)
    body, _ = HTMLExporter().from_notebook_node(nb)
    html_dir.mkdir(parents=True, exist_ok=True)
    out = html_dir / f"{nb_path.stem}.html"
    out.write_text(body, encoding="utf-8")
    return out


# --- kernel self-test ----------------------------------------------------------
# The notebook surface the scratchnet notebooks rely on, checked on the real kernel.
SELF_TEST_CELLS = {
    "jar": 'var jar = new java.io.File("../lib/target/scratchnet.jar");\n'
           'if (!jar.isFile()) throw new IllegalStateException(jar.getCanonicalPath() + " missing: run `make build`");',
    "classpath": "%classpath ../lib/target/scratchnet.jar",
    "env": 'System.out.println("java=" + Runtime.version().feature() + " smoke=" + System.getenv("SCRATCHNET_SMOKE")\n'
           '    + " headless=" + java.awt.GraphicsEnvironment.isHeadless());',
    # The scratchnet jar's JJava extension (notebook.ScratchnetExtension, installed by %classpath
    # through META-INF/services): no import in these cells, the extension makes them; a chart or a
    # table that is a cell's value, or a chart passed to display(), shows as PNG / HTML. These cells
    # may fail (EXTENSION_CELLS): the checks below then say what is missing.
    "chart-value": "XYChart valueChart = new XYChartBuilder().width(240).height(160).title(\"value\").build();\n"
                   "valueChart.addSeries(\"s\", new double[]{1, 2, 3}, new double[]{3, 1, 2});\n"
                   "valueChart",
    "table-value": "Table valueTable = Table.create(\"self-test table\",\n"
                   "    DoubleColumn.create(\"x\", 1.5, 2.25), StringColumn.create(\"k\", \"a\", \"b\"));\n"
                   "valueTable",
    "chart-display": "String chartView = display(valueChart);\n"
                     "updateDisplay(chartView, valueChart);",
    "png": "import org.knowm.xchart.*;\n"
           "XYChart chart = new XYChartBuilder().width(240).height(160).title(\"self-test\").build();\n"
           "chart.addSeries(\"s\", new double[]{1, 2, 3}, new double[]{3, 1, 2});\n"
           "String img = display(BitmapEncoder.getBufferedImage(chart));\n"
           "updateDisplay(img, BitmapEncoder.getBufferedImage(chart));",
    "html": 'String h = display("<p>before</p>", "text/html");\n'
            'updateDisplay(h, "<p>after</p>", "text/html");',
    "value": 'render("<b>value</b>", "text/html")',
}
EXTENSION_CELLS = ("chart-value", "table-value", "chart-display")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def extension_problems(outs) -> list[str]:
    """What the scratchnet JJava extension failed to do in the self-test's extension cells."""
    def data(key, output_type, mime):
        return [o.get("data", {}).get(mime) for o in outs[key]
                if o.output_type == output_type and mime in o.get("data", {})]

    def is_png(b64):
        try:
            return base64.b64decode(b64)[:8] == PNG_MAGIC
        except (ValueError, TypeError):
            return False

    problems = []
    for key in EXTENSION_CELLS:
        for o in outs[key]:
            if o.output_type == "error":
                problems.append(f"cell '{key}' failed: {o.get('ename', '?')}: {ANSI.sub('', o.get('evalue', '')).strip()}")
    if any(p.startswith("cell ") for p in problems):
        problems.append("the scratchnet JJava extension did not load or did not import its packages: is "
                        "META-INF/services/org.dflib.jjava.jupyter.Extension in lib/target/scratchnet.jar? (make build)")
        return problems
    pngs = data("chart-value", "execute_result", "image/png")
    if not pngs or not is_png(pngs[0]):
        problems.append("an XYChart as a cell's value gave no image/png execute_result (scratchnet extension's "
                        f"chart renderer not registered?): {outs['chart-value']}")
    html = data("table-value", "execute_result", "text/html")
    if not html or "<caption" not in html[0] or "self-test table" not in html[0]:
        problems.append("a Tablesaw Table as a cell's value gave no text/html execute_result with its caption "
                        f"(scratchnet extension's table renderer not registered?): {outs['table-value']}")
    shown = data("chart-display", "display_data", "image/png")
    if not shown or not is_png(shown[0]):
        problems.append(f"display(chart) / updateDisplay(id, chart) gave no image/png display_data: {outs['chart-display']}")
    return problems


def self_test(args) -> int:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    repo = Path(__file__).resolve().parent.parent
    # nbclient goes on after an error in a cell tagged raises-exception
    cells = [new_code_cell(src, id=f"selftest-{key}",
                           metadata={"tags": ["raises-exception"]} if key in EXTENSION_CELLS else {})
             for key, src in SELF_TEST_CELLS.items()]
    nb = new_notebook(cells=cells,
                      metadata={"kernelspec": {"name": args.kernel, "display_name": "Java", "language": "java"}})
    try:
        ksm = kernel_spec_manager(args.kernel)
    except Exception as e:
        log(f"kernel self-test: FAILED: kernel '{args.kernel}' not found ({e}); run `make venv`")
        return 1
    saved = os.environ.get(SMOKE_VAR)
    os.environ[SMOKE_VAR] = "1"
    args.failed_dir = Path(tempfile.gettempdir()) / "scratchnet-failed"
    try:
        with tempfile.TemporaryDirectory(prefix="scratchnet-selftest-") as tmp:
            src, out = Path(tmp) / "kernel-self-test.ipynb", Path(tmp) / "out.ipynb"
            nbformat.write(nb, src)
            wall = execute(src, out, args, ksm, cwd=repo / "notebooks")
            done = nbformat.read(out, as_version=4)
    except NotebookFailed as e:
        log(f"kernel self-test: {e}")
        return 1
    finally:
        if saved is None:
            os.environ.pop(SMOKE_VAR, None)
        else:
            os.environ[SMOKE_VAR] = saved

    outs = {c.id.removeprefix("selftest-"): c.outputs for c in done.cells}
    text = "".join(o.get("text", "") for o in outs["env"] if o.output_type == "stream")
    problems = []
    if "smoke=1" not in text:
        problems.append(f"{SMOKE_VAR} did not reach the kernel: {text.strip()!r}")
    if "headless=true" not in text:
        problems.append(f"kernel JVM is not headless: {text.strip()!r}")
    if not any("image/png" in o.get("data", {}) for o in outs["png"]):
        problems.append("display(BufferedImage) gave no image/png output")
    if [o.get("data", {}).get("text/html") for o in outs["html"]] != ["<p>after</p>"]:
        problems.append(f"updateDisplay of text/html not applied in place: {outs['html']}")
    if not any(o.get("data", {}).get("text/html") == "<b>value</b>" for o in outs["value"]):
        problems.append("render(..., \"text/html\") as the cell value gave no text/html")
    problems += extension_problems(outs)
    if problems:
        log("kernel self-test: FAILED:\n" + "\n".join("    " + p for p in problems))
        return 1
    log(f"kernel self-test: ok in {fmt_secs(wall)} ({text.strip()})")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("notebooks", nargs="*", type=Path, help="notebooks to execute, in order")
    p.add_argument("--smoke", action="store_true",
                   help=f"set {SMOKE_VAR}=1 for the kernel and write executed copies elsewhere, not in place")
    p.add_argument("--output-dir", type=Path, default=None,
                   help="with --smoke: keep the executed copies here (default: a temporary folder, deleted)")
    p.add_argument("--export-html", metavar="DIR", type=Path, default=None,
                   help="export each executed notebook to DIR/<name>.html")
    p.add_argument("--timeout", type=int, default=int(os.environ.get("NOTEBOOK_CELL_TIMEOUT", 1800)),
                   help="per-cell timeout in seconds (default 1800, or $NOTEBOOK_CELL_TIMEOUT)")
    p.add_argument("--startup-timeout", type=int, default=180, help="kernel start timeout in seconds")
    p.add_argument("--kernel", default="java", help="kernelspec name (default: java)")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first failing notebook")
    p.add_argument("--self-test", action="store_true",
                   help="check the kernel (classpath magic, env, PNG and HTML display, updateDisplay, "
                        "the scratchnet jar's extension: imports, charts and tables as cell values) "
                        "on a built-in notebook run from notebooks/, before any given notebooks")
    p.add_argument("-v", "--verbose", action="store_true", help="print every cell as it starts")
    args = p.parse_args(argv)

    notebooks = [nb for nb in args.notebooks]
    if args.self_test:
        try:
            rc = self_test(args)
        except (RunInterrupted, KeyboardInterrupt) as e:
            log(f"kernel self-test: {e or 'interrupted'}; stopping")
            return 130
        if rc or not notebooks:
            return rc
    if not notebooks:
        log("run_notebooks: no notebooks given (none found?), nothing to do")
        return 0
    missing = [str(nb) for nb in notebooks if not nb.is_file()]
    if missing:
        p.error("no such notebook: " + ", ".join(missing))
    if args.output_dir and not args.smoke:
        p.error("--output-dir is only for --smoke (full runs execute in place)")

    try:
        ksm = kernel_spec_manager(args.kernel)
    except Exception as e:
        log(f"run_notebooks: kernel '{args.kernel}' not found ({e}); run `make venv` first")
        return 1
    spec = ksm.get_kernel_spec(args.kernel)
    log(f"kernel: {args.kernel} ({spec.display_name}) from {spec.resource_dir}")

    tmp = None
    if args.smoke:
        os.environ[SMOKE_VAR] = "1"
        if args.output_dir is None:
            tmp = tempfile.TemporaryDirectory(prefix="scratchnet-smoke-")
            out_dir = Path(tmp.name)
        else:
            out_dir = args.output_dir
        args.failed_dir = args.output_dir or Path(tempfile.gettempdir()) / "scratchnet-failed"
        log(f"smoke run: {SMOKE_VAR}=1, executed copies go to {out_dir}" + (" (temporary)" if tmp else ""))
    else:
        if os.environ.pop(SMOKE_VAR, None) is not None:
            log(f"note: ignoring {SMOKE_VAR} from the environment; full runs write in place (use --smoke)")
        out_dir = None
        args.failed_dir = args.export_html or Path(tempfile.gettempdir()) / "scratchnet-failed"

    total0 = time.monotonic()
    times: list[tuple[Path, float, bool]] = []
    failures: list[str] = []
    try:
        for nb_path in notebooks:
            out_path = nb_path if out_dir is None else out_dir / nb_path.name
            log(f"==> {nb_path}" + ("" if out_path == nb_path else f"  ->  {out_path}"))
            try:
                wall = execute(nb_path, out_path, args, ksm)
            except (RunInterrupted, KeyboardInterrupt) as e:
                log(f"run_notebooks: {e or 'interrupted'}; stopping (the notebook was not written)")
                return 130
            except NotebookFailed as e:
                log(str(e))
                failures.append(str(nb_path))
                times.append((nb_path, float("nan"), False))
                if args.fail_fast:
                    break
                continue
            times.append((nb_path, wall, True))
            log(f"    ok in {fmt_secs(wall)}")
            if args.export_html:
                html = export_html(out_path, args.export_html)
                log(f"    html: {html}")
    finally:
        if tmp is not None:
            tmp.cleanup()

    total = time.monotonic() - total0
    log("")
    log("notebook wall times:")
    for nb_path, wall, ok in times:
        log(f"  {fmt_secs(wall) if ok else 'FAILED':>18}  {nb_path}")
    log(f"  {fmt_secs(total):>18}  total ({len(times)} notebook(s))")
    not_run = len(notebooks) - len(times)
    if not_run:
        log(f"  ({not_run} notebook(s) not run after the failure: --fail-fast)")
    if failures:
        log(f"run_notebooks: failed: {', '.join(failures)}")
    # a plain closing line that CI logs can be read for
    log(f"notebooks: {len(times) - len(failures)} passed, {len(failures) + not_run} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
