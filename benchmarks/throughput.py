"""How fast does ``segmenter segment`` go through a dump, and does its memory stay flat as dumps grow?

For each size, a text dump and an HTML dump of that many composed pages are written to a temporary
folder (never into the repository) and run through ``python -m segmenter segment`` with ``--jobs 1``
and ``--jobs 2``. Reported per run: wall time (with the start-up), the run's own pages/s (its summary
line), MB/s per core (dump bytes / seconds / jobs), and peak RSS: of the largest process (getrusage
of a wrapper process's children) and of the whole process tree when psutil is there (sampled).

Baselines on the same pages, in this process: a bare ``HashingVectorizer(ngram_range=(1, 2)).transform``
of every non-blank line of the text pages (what the lexical features alone cost), and
trafilatura's ``extract(include_comments=True)`` and jusText on the HTML pages.

In the same process, the bundled model's ``segment_batch`` (what each worker of a run does) is timed on
the extractors' HTML pages, and on text pages at least as long as the seed page (pool pages joined), the
unit of the issue's text target; and, beside trafilatura and jusText, on the corpus's real forum and
news pages, which are far heavier than the composed ones. The seed-sized text pages also go through the
command line, as a dump of ``--seed-pages`` pages (kind ``seed``), reported in MB/s of text and
seed-sized pages/s per core.

This process's garbage collector is tuned as a ``segment`` run tunes its own, for all these rates alike.
The in-process rates go over ``--rounds`` disjoint page sets, each set taken by every tool in turn, and
no tool sees a page twice (see ``interleaved_rates``).

Streaming: the peak RSS of the largest dump's run should stay within 1.5x of the smallest's (the
check is meaningful when the sizes differ by 100x, e.g. ``--sizes 1000,100000``).

Pages come from ``segmenter.compose.compose_pages`` over ``shared/corpus``; a pool of composed pages
is cycled (with new ids) to reach large sizes, which changes nothing for throughput.

Run: python benchmarks/throughput.py [--sizes 1000,10000,100000] [--jobs 1,2] [--kinds text,html,seed]
     [--model MODEL.npz] [--corpus CORPUS_FOLDER] [--pool 2000] [--extractor-pages 300] [--workdir DIR]
     [--rounds 3] [--seed-pages 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
#: Memory may grow at most this much from the smallest to the largest dump.
STREAMING_LIMIT = 1.5

_MEASURE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
sys.stderr.write(code.stderr)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code.returncode)
"""
_RATE = re.compile(r"([\d,.]+) pages/s")


@dataclass
class Measure:
    """One run of the segment command."""

    wall: float
    rate: float
    peak_mb: float
    tree_peak_mb: float | None
    status: int


def page_html(page_id: str, text: str) -> str:
    """A forum-like HTML page: a header, then each paragraph in a post container."""
    posts = "\n".join(
        f'<div class="post"><p>{html.escape(line)}</p></div>' for line in text.split("\n") if line.strip()
    )
    return (
        f"<html><head><title>{html.escape(page_id)}</title></head><body>"
        f'<div class="nav"><a href="/">Forum</a> &gt; <a href="/t">Thread</a></div>\n{posts}\n'
        "<div class=\"footer\">Powered by a forum</div></body></html>"
    )


def compose_pool(corpus: Path, n: int) -> list[str]:
    from segmenter.compose import compose_pages

    return [page.text for page in compose_pages(corpus, n, seed=0)]


def text_megabytes(pages: list[str]) -> float:
    """The pages' text in MB of UTF-8."""
    return sum(len(page.encode("utf-8")) for page in pages) / 1e6


def write_dump(path: Path, field: str, pages: Iterable[str]) -> Path:
    """A JSONL dump, one ``{"id": "page-0000000", field: page}`` line per page."""
    with path.open("w", encoding="utf-8") as dump:
        for k, page in enumerate(pages):
            dump.write(json.dumps({"id": f"page-{k:07d}", field: page}, ensure_ascii=False) + "\n")
    return path


def write_dumps(pool: list[str], size: int, folder: Path) -> tuple[Path, Path]:
    """A text dump and an HTML dump of ``size`` pages, the pool's pages in turn."""
    texts = [pool[k % len(pool)] for k in range(size)]
    return (
        write_dump(folder / f"text-{size}.jsonl", "text", texts),
        write_dump(folder / f"html-{size}.jsonl", "html", (page_html(f"page-{k:07d}", t) for k, t in enumerate(texts))),
    )


def _tree_rss(pid: int, peak: list[float], done: threading.Event) -> None:
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
        while not done.is_set():
            total = 0
            for process in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
            peak[0] = max(peak[0], total / 1e6)
            time.sleep(0.05)
    except psutil.Error:
        return


def run_segment(dump: Path, out: Path, jobs: int, model: Path | None) -> Measure:
    command = [sys.executable, "-m", "segmenter", "segment", str(dump), "-o", str(out), "--jobs", str(jobs)]
    if model is not None:
        command += ["--model", str(model)]
    peak, done = [0.0], threading.Event()
    started = time.perf_counter()
    wrapper = subprocess.Popen([sys.executable, "-c", _MEASURE, *command], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    sampler = threading.Thread(target=_tree_rss, args=(wrapper.pid, peak, done), daemon=True)
    sampler.start()
    stdout, stderr = wrapper.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    max_rss_kb, status = (int(v) for v in stdout.split())
    rates = _RATE.findall(stderr)
    if not rates:
        sys.exit(f"the segment run failed:\n{stderr}")
    out.unlink(missing_ok=True)
    return Measure(wall, float(rates[-1].replace(",", "")), max_rss_kb / 1024, peak[0] or None, status)


def interleaved_rates(page_sets: list[list], tools: dict[str, Callable[[list], object]]) -> dict[str, float]:
    """Pages/s of each tool over all of ``page_sets``, every page done once by every tool.

    The sets are taken in turn, each by every tool in turn, so that a busy spell of the shared host (which
    moves a rate of a few seconds by 15% or more) weighs on all tools alike. No tool sees a page twice:
    segmenter's caches of words and class names would make a page faster the second time, and the
    extractors have none.
    """
    seconds = dict.fromkeys(tools, 0.0)
    for pages in page_sets:
        for name, run in tools.items():
            started = time.perf_counter()
            run(pages)
            seconds[name] += time.perf_counter() - started
    total = sum(map(len, page_sets))
    return {name: total / spent for name, spent in seconds.items()}


def in_sets(items: list, sets: int, size: int | None = None) -> list[list]:
    """``sets`` disjoint sets of ``items`` (of ``size`` items each, or all the items dealt out in turn)."""
    if size is None:
        return [items[k::sets] for k in range(sets)]
    return [items[k * size : (k + 1) * size] for k in range(sets)]


def hashing_tool() -> Callable[[list[str]], object]:
    """A bare HashingVectorizer over each page's non-blank lines."""
    from sklearn.feature_extraction.text import HashingVectorizer

    vectorizer = HashingVectorizer(ngram_range=(1, 2))
    return lambda texts: [vectorizer.transform([line for line in text.splitlines() if line.strip()]) for text in texts]


def extractor_tools() -> dict[str, Callable[[list[str]], object]]:
    """trafilatura and jusText over HTML pages (those installed)."""
    tools: dict[str, Callable[[list[str]], object]] = {}
    try:
        import trafilatura

        tools["trafilatura"] = lambda pages: [trafilatura.extract(page, include_comments=True) for page in pages]
    except ImportError as err:
        print(f"trafilatura skipped: {err}")
    try:
        import justext

        stoplist = justext.get_stoplist("English")
        tools["jusText"] = lambda pages: [justext.justext(page, stoplist) for page in pages]
    except ImportError as err:
        print(f"jusText skipped: {err}")
    return tools


def segmenter_tool(kind: str) -> Callable[[list[str]], object]:
    """The bundled model's ``segment_batch`` over pages of ``kind`` (``text`` or ``html``), in this
    process: the same work a ``segment`` run's worker does, without reading and writing JSON lines."""
    from segmenter import Segmenter
    from segmenter.io.records import Record
    from segmenter.io.runner import batched, segment_batch

    segmenter = Segmenter.load()

    def run(pages: list[str]) -> None:
        records = [Record(f"p{k}", **{kind: page}) for k, page in enumerate(pages)]
        for batch in batched(records):
            segment_batch(segmenter, batch)

    return run


def warmed(tools: dict[str, Callable[[list], object]], pages: list) -> dict[str, Callable[[list], object]]:
    """``tools`` after each has run once over ``pages`` (lazy imports, compiled patterns, common words)."""
    for run in tools.values():
        run(pages)
    return tools


def corpus_html_pages(corpus: Path) -> list[str]:
    """The real pages of the corpus's ``forum_html`` and ``news_html`` folders (``.html`` and ``.html.gz``),
    decoded as the segment command decodes a page."""
    import gzip

    from segmenter.io.decoding import declared_charset, decode_page

    pages = []
    for path in sorted([*corpus.glob("*_html/**/*.html"), *corpus.glob("*_html/**/*.html.gz")]):
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        pages.append(decode_page(data, declared_charset(None, data)))
    return pages


def seed_sized(pool: list[str], size: int) -> list[str]:
    """Pages of at least ``size`` characters, each the next pool pages joined (a longer thread)."""
    pages, current = [], ""
    for text in pool:
        current = f"{current}\n\n{text}" if current else text
        if len(current) >= size:
            pages.append(current)
            current = ""
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="Dump sizes in pages, comma-separated.")
    parser.add_argument("--jobs", default="1,2", help="--jobs values to run, comma-separated.")
    parser.add_argument("--kinds", default="text,html,seed",
                        help="Dump kinds to run (text, html, seed: seed-sized text pages), comma-separated.")
    parser.add_argument("--seed-pages", type=int, default=1000, help="Pages of the seed-sized text dump.")
    parser.add_argument("--model", type=Path, help="Model file  [default: the bundled model]")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus", help="Corpus folder to compose from.")
    parser.add_argument("--pool", type=int, default=2000, help="Distinct composed pages, cycled to reach a size.")
    parser.add_argument("--extractor-pages", type=int, default=300,
                        help="Composed HTML pages per set for the extractor baselines.")
    parser.add_argument("--workdir", type=Path, help="Folder for the dumps  [default: a temporary folder]")
    parser.add_argument("--rounds", type=int, default=3,
                        help="Page sets for the in-process rates, taken in turn by every tool.")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    jobs_list = [int(j) for j in args.jobs.split(",")]
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}: pass --corpus")

    started = time.perf_counter()
    pool = compose_pool(args.corpus, min(args.pool, sizes[-1]))
    print(f"composed {len(pool)} pages in {time.perf_counter() - started:.0f} s "
          f"(mean {sum(map(len, pool)) / len(pool):,.0f} characters)")
    with tempfile.TemporaryDirectory(prefix="segmenter-bench-", dir=args.workdir) as folder:
        work = Path(folder)
        from segmenter.io.runner import prepare_for_a_long_run

        prepare_for_a_long_run()  # collect garbage as a segment run does, for every rate timed in this process
        seed = SHARED / "seed" / "forum-page.txt"  # the unit of the text target
        seed_chars = len(seed.read_text(encoding="utf-8")) if seed.is_file() else 0
        seed_mb = seed.stat().st_size / 1e6 if seed_chars else 0.0
        long_pages = seed_sized(pool, seed_chars) if seed_chars else []
        text_sets = in_sets(pool, args.rounds, min(len(pool) // args.rounds, 2000 // args.rounds))
        base = interleaved_rates(text_sets, {"hashing": hashing_tool()})["hashing"]
        print(f"HashingVectorizer(ngram_range=(1, 2)).transform over the lines: {base:,.1f} pages/s")
        per_set = min(args.extractor_pages, len(pool) // (args.rounds + 1))
        html_pages = [page_html(f"p{k}", text) for k, text in enumerate(pool[: (args.rounds + 1) * per_set])]
        warm, html_sets = html_pages[:32], in_sets(html_pages[per_set:], args.rounds, per_set)
        tools = extractor_tools()
        if args.model is None:  # the same pages through segmenter, in this process like the extractors
            tools["segmenter"] = segmenter_tool("html")
        tools = warmed(tools, warm)
        rates = interleaved_rates(html_sets, tools)
        print(f"in process, on {sum(map(len, html_sets))} composed HTML pages, each once: "
              + ", ".join(f"{name} {rate:,.1f} pages/s" for name, rate in rates.items()))
        if "segmenter" in rates:
            against = ", ".join(f"{rates['segmenter'] / rate:.2f}x {name}" for name, rate in rates.items()
                                if name != "segmenter")
            print(f"segmenter in process: {against}")
        trafilatura = rates.get("trafilatura")
        if args.model is None:
            if long_pages:
                tool = warmed({"segmenter": segmenter_tool("text")}, pool[:32])
                rate = interleaved_rates(in_sets(long_pages, args.rounds), tool)["segmenter"]
                per_second = text_megabytes(long_pages) / len(long_pages) * rate
                print(f"segmenter in process: {rate:,.1f} pages/s on {len(long_pages)} text pages of the seed page's "
                      f"size or more ({seed_chars:,} characters): {per_second:.2f} MB/s, "
                      f"{per_second / seed_mb:,.0f} seed-sized pages/s")
            real = corpus_html_pages(args.corpus)
            if real:  # heavier than the composed pages: whole news and forum sites, scripts and menus included
                mean_chars = sum(map(len, real)) / len(real)
                real_rates = interleaved_rates(in_sets(real, args.rounds), tools)
                print(f"the corpus's {len(real)} real HTML pages ({mean_chars:,.0f} characters on average), "
                      "in process: " + ", ".join(f"{name} {rate:,.1f} pages/s" for name, rate in real_rates.items()))
        kinds = args.kinds.split(",")
        dumped = [kind for kind in ("text", "html") if kind in kinds]  # the kinds of the table's dumps
        if dumped:
            print()
            print(f"{'dump':>13} {'jobs':>4} {'wall s':>8} {'pages/s':>9} {'MB/s/core':>9} {'peak MB':>8} "
                  f"{'tree MB':>8} {'vs hash':>8} {'vs trafilatura':>14}")
        peaks: dict[tuple[str, int], list[tuple[int, float]]] = {}
        for size in sizes if dumped else []:
            dumps = write_dumps(pool, size, work)
            for kind, dump in zip(("text", "html"), dumps, strict=True):
                if kind not in dumped:
                    continue
                megabytes = dump.stat().st_size / 1e6
                for jobs in jobs_list:
                    m = run_segment(dump, work / "out.jsonl", jobs, args.model)
                    seconds = size / m.rate
                    tree = f"{m.tree_peak_mb:8.0f}" if m.tree_peak_mb else f"{'-':>8}"
                    versus = f"{m.rate / trafilatura:14.2f}" if kind == "html" and trafilatura else f"{'-':>14}"
                    print(f"{kind + '-' + str(size):>13} {jobs:>4} {m.wall:8.1f} {m.rate:9.1f} "
                          f"{megabytes / seconds / jobs:9.2f} {m.peak_mb:8.0f} {tree} {m.rate / base:8.3f} {versus}",
                          flush=True)
                    peaks.setdefault((kind, jobs), []).append((size, m.peak_mb))
            for dump in dumps:
                dump.unlink()
        if long_pages and "seed" in kinds:  # the text target's unit, through the CLI
            pages = [long_pages[k % len(long_pages)] for k in range(args.seed_pages)]
            dump = write_dump(work / f"seed-{len(pages)}.jsonl", "text", pages)
            print()
            for jobs in jobs_list:
                m = run_segment(dump, work / "out.jsonl", jobs, args.model)
                per_core = text_megabytes(pages) / (len(pages) / m.rate) / jobs
                print(f"{len(pages):,} text pages of the seed page's size or more, --jobs {jobs}: "
                      f"{m.rate:,.1f} pages/s, {per_core:.2f} MB/s and {per_core / seed_mb:,.0f} seed-sized pages/s "
                      f"per core (wall {m.wall:.1f} s)", flush=True)
            dump.unlink()
        if len(sizes) > 1:
            print()
            for (kind, jobs), runs in peaks.items():
                (small, small_mb), (large, large_mb) = runs[0], runs[-1]
                verdict = "ok" if large_mb <= STREAMING_LIMIT * small_mb else "TOO MUCH"
                print(f"streaming {kind} --jobs {jobs}: peak RSS {small_mb:.0f} MB at {small:,} pages, "
                      f"{large_mb:.0f} MB at {large:,} ({large // small}x the pages): "
                      f"x{large_mb / small_mb:.2f}, limit x{STREAMING_LIMIT} -> {verdict}")


if __name__ == "__main__":
    main()
