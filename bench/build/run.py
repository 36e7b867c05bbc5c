#!/usr/bin/env python3
"""Build-time benchmark: Wegweiser against Hugo on the same generated content.

    python3 bench/build/run.py [--bin .build/release/wegweiser] [--hugo hugo]
        [--sizes 1000,10000,50000] [--runs 3] [--serve-runs 5] [--no-serve]
        [--dictionary /usr/share/dict/ngerman]

Environment knobs (what `make bench` passes on): SIZES=1000,10000 RUNS=3
SERVE_RUNS=5 SERVE=0 (skip the serve latency) BENCH_DIR=/dev/shm (where the
content and the outputs go; the system's temporary folder by default).

For each size, generates a content folder of that many offers
(bench/build/generate-content.py, deterministic), then builds it RUNS times
with `wegweiser build` (with the word list, as `make site` builds) and with
Hugo on the site in bench/hugo/ (same content folder, equivalent templates),
alternating, each into a new folder (nothing is deleted before the end, but on
a tmpfs: see below). Prints
the median wall time, CPU time (user + sys) and peak RSS of each (os.wait4 of
the child, so the figures are the build process's own), their ratio, and the
largest HTML page Wegweiser wrote (gzip), and where Wegweiser's time goes:
the stages of one more build with `--timings`. Then the edit-to-served latency on
the first size's site: `wegweiser serve` against `hugo server`, a title changed
in one offer file, the page polled until it shows the new title.

Figures only: nothing here is a test, nothing fails on a slow run.
"""
import argparse
import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def load_generator():
    import importlib.util
    spec = importlib.util.spec_from_file_location("generate_content", os.path.join(HERE, "generate-content.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(command, cwd=None):
    """Runs command; returns (wall s, cpu s, peak RSS MiB, of the CPU s in the kernel). Exits on failure."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    error = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{error[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, usage.ru_stime


def largest_page(folder):
    best = (0, 0, "")
    for root, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".html"):
                path = os.path.join(root, name)
                data = open(path, "rb").read()
                size = len(gzip.compress(data, 6, mtime=0))
                if size > best[0]:
                    best = (size, len(data), os.path.relpath(path, folder))
    return best


def file_system(path):
    """The type of the file system `path` is on (/proc/mounts), e.g. ext4 or tmpfs."""
    path, best = os.path.realpath(path), ("", "?")
    with open("/proc/mounts", encoding="utf-8") as mounts:
        for line in mounts:
            fields = line.split()
            point = fields[1]
            if (path == point or path.startswith(point.rstrip("/") + "/")) and len(point) > len(best[0]):
                best = (point, fields[2])
    return best[1]


def count_files(folder):
    return sum(len(names) for _, _, names in os.walk(folder))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return None


def wait_for(url, text, timeout=120.0):
    """Seconds until the page at url contains text (polled every 5 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - started
        time.sleep(0.005)
    sys.exit(f"{url} did not show {text!r} within {timeout} s")


def serve_latency(name, command, page_url, offer_file, runs):
    """Median seconds from saving a new title to the server showing it."""
    original = open(offer_file, encoding="utf-8").read()
    title_line = next(line for line in original.splitlines() if line.startswith("title:"))
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        first_title = title_line.split('"')[1]
        wait_for(page_url, first_title.split(" (")[0])
        time.sleep(1.0)
        latencies = []
        for run in range(runs):
            marker = f"Geänderter Titel {name} {run}"
            with open(offer_file, "w", encoding="utf-8") as handle:
                handle.write(original.replace(title_line, f'title: "{marker}"', 1))
            latencies.append(wait_for(page_url, marker))
            time.sleep(0.5)
        return statistics.median(latencies), latencies
    finally:
        with open(offer_file, "w", encoding="utf-8") as handle:
            handle.write(original)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(REPO, ".build/release/wegweiser"))
    parser.add_argument("--hugo", default=shutil.which("hugo") or "hugo")
    # As `make site` and `make serve` build: with the word list the search splits compounds with.
    parser.add_argument("--dictionary", default=os.environ.get("DICTIONARY", "/usr/share/dict/ngerman"))
    parser.add_argument("--sizes", default=os.environ.get("SIZES", "1000,10000,50000"))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", "3")))
    parser.add_argument("--serve-runs", type=int, default=int(os.environ.get("SERVE_RUNS", "5")))
    parser.add_argument("--no-serve", action="store_true", default=os.environ.get("SERVE", "1") == "0")
    # Where the content and the outputs go: the system's temporary folder
    # unless given (BENCH_DIR=/dev/shm: a tmpfs, which no earlier deletion slows).
    parser.add_argument("--scratch", default=os.environ.get("BENCH_DIR") or None)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    words = ["--dictionary", args.dictionary] if os.path.exists(args.dictionary) else []
    templates = os.path.join(REPO, "templates")
    hugo_site = os.path.join(REPO, "bench", "hugo")
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    generate = load_generator().generate

    print(f"Wegweiser {binary}")
    print(subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.strip())
    print(f"{os.cpu_count()} CPUs, {args.runs} runs each, alternating; medians.\n")
    # CPU is user + system time; "kernel s" is the system part of it (for
    # Wegweiser mostly creating files and folders, see README "Speed").
    header = f"{'offers':>7} {'tool':<10} {'wall s':>8} {'CPU s':>8} {'kernel s':>8} {'peak MiB':>9} {'files':>7}"
    print(header + f"   {'largest page (gzip / raw)':<40}")
    ratios = []
    stages = []
    with tempfile.TemporaryDirectory(prefix="wegweiser-bench-", dir=args.scratch) as scratch:
        # On a tmpfs, deleting costs the next run nothing: each output is
        # deleted once measured, so that memory holds one at a time.
        in_memory = file_system(scratch) == "tmpfs"
        print(f"Output below {scratch} ({file_system(scratch)}).\n")
        for size in sizes:
            content = os.path.join(scratch, f"content-{size}")
            generate(size, content)
            def command(tool, output):
                if tool == "wegweiser":
                    return [binary, "build", "--content", content, "--templates", templates, "--output", output] + words
                return [args.hugo, "--source", hugo_site, "--contentDir", content, "--destination", output,
                        "--quiet", "--cacheDir", os.path.join(scratch, "hugo-cache")]

            # Every run writes into a folder of its own, and nothing is deleted
            # until the end: on ext4 without a journal (as on this machine),
            # the kernel makes each new file scan past the inodes deleted in
            # the last minutes, which would charge one run for the one before.
            # A CI build starts from a fresh clone, so this is also its case.
            # (On a tmpfs, which has no such cost, each output goes once measured.)
            figures = {"wegweiser": [], "hugo": []}
            outputs = {}
            for run in range(args.runs):
                for tool in ("wegweiser", "hugo"):
                    if in_memory and tool in outputs:
                        shutil.rmtree(outputs[tool])
                    outputs[tool] = os.path.join(scratch, f"{tool}-{size}-{run}")
                    figures[tool].append(timed(command(tool, outputs[tool])))
            medians = {tool: [statistics.median(run[i] for run in runs) for i in range(4)] for tool, runs in figures.items()}
            for tool in ("wegweiser", "hugo"):
                wall, cpu, rss, system = medians[tool]
                gz, raw, path = largest_page(outputs[tool])
                print(f"{size:>7} {tool:<10} {wall:>8.2f} {cpu:>8.2f} {system:>8.2f} {rss:>9.0f} {count_files(outputs[tool]):>7}"
                      f"   {gz / 1000:.0f} KB / {raw / 1000:.0f} KB {path}")
            if in_memory:
                for output in outputs.values():
                    shutil.rmtree(output)
            timing = subprocess.run(command("wegweiser", os.path.join(scratch, f"wegweiser-{size}-timings")) + ["--timings"],
                                    capture_output=True, text=True, check=True)
            if in_memory:
                shutil.rmtree(os.path.join(scratch, f"wegweiser-{size}-timings"))
            stages.append((size, [line for line in timing.stderr.splitlines() if line.startswith("  ")]))
            w, h = medians["wegweiser"], medians["hugo"]
            ratios.append((size, w[0] / h[0], w[1] / h[1], w[2] / h[2]))
            sys.stdout.flush()
        print("\nWegweiser ÷ Hugo (below 1: Wegweiser is faster / smaller)")
        print(f"{'offers':>7} {'wall':>7} {'CPU':>7} {'peak':>7}")
        for size, wall, cpu, rss in ratios:
            print(f"{size:>7} {wall:>7.2f} {cpu:>7.2f} {rss:>7.2f}")
        print("\nWhere Wegweiser's time goes (one more build with --timings: wall time, CPU time, peak memory so far):")
        for size, lines in stages:
            print(f"  {size} offers")
            for line in lines:
                print("  " + line)

        if not args.no_serve and sizes:
            size = sizes[0]
            content = os.path.join(scratch, f"content-{size}")
            offer = sorted(
                os.path.join(root, name) for root, _, names in os.walk(os.path.join(content, "angebote")) for name in names)[0]
            town, slug = offer.split(os.sep)[-2], os.path.basename(offer)[:-3]
            port_w, port_h = free_port(), free_port()
            wegweiser = serve_latency(
                "wegweiser",
                [binary, "serve", "--content", content, "--templates", templates, "--port", str(port_w)] + words,
                f"http://127.0.0.1:{port_w}/angebote/{slug}/", offer, args.serve_runs)
            hugo = serve_latency(
                "hugo",
                [args.hugo, "server", "--source", hugo_site, "--contentDir", content, "--port", str(port_h),
                 "--bind", "127.0.0.1", "--cacheDir", os.path.join(scratch, "hugo-cache")],
                f"http://127.0.0.1:{port_h}/angebote/{town}/{slug}/", offer, args.serve_runs)
            print(f"\nEdit to served, {size} offers (a title changed, page polled every 5 ms; median of {args.serve_runs}):")
            print(f"  wegweiser serve {wegweiser[0]:.2f} s   ({', '.join(f'{t:.2f}' for t in wegweiser[1])})")
            print(f"  hugo server     {hugo[0]:.2f} s   ({', '.join(f'{t:.2f}' for t in hugo[1])})")
            print(f"  ratio           {wegweiser[0] / hugo[0]:.2f}")


if __name__ == "__main__":
    main()
