"""Random fuzzing of the input side: `decode_bytes`, `iter_records` and `html_to_page`.

Each round feeds random and mutated inputs (flipped, inserted, deleted and duplicated bytes, cut
files, stray NULs and BOMs) and checks the contracts:

- ``decode_bytes`` returns a ``str`` without NUL or raises `NotTextError`, nothing else;
- ``iter_records`` never raises, gives records with exactly one of text/html/error, unique ids;
- ``html_to_page`` never raises and its blocks have exact, sorted, non-overlapping offsets.

Seeds are HTML, JSONL and WARC data written here; with the shared folder present, the real forum
and news HTML pages are mutated too (read at run time, never copied).

Run: python benchmarks/fuzz_readers.py [--rounds N] [--seed S] [--shared SHARED_FOLDER]
"""

from __future__ import annotations

import argparse
import gzip
import io
import random
import tempfile
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from segmenter.html import html_to_page
from segmenter.io.decoding import NotTextError, decode_bytes
from segmenter.io.read_options import ReadOptions
from segmenter.io.sources import iter_records

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

SEED_HTML = (
    "<!DOCTYPE html><html><head><title>t</title><style>p{}</style></head><body>"
    '<div id="nav"><ul><li><a href="/">Home</a></li><li>- <a href="/f">Forum</a></li></ul></div>'
    '<table class="post"><tr><td class="postbody"><div class="bbCodeQuote"><blockquote>Quoted &amp; '
    "kept</blockquote></div>My reply<br><br>caf\u00e9 \u201cq\u201d &nbsp;<pre>a\n b</pre></td></tr></table>"
    "<script>var x = '<p>';</script><footer>Powered by nothing</footer></body></html>"
)
SEED_TEXT = "Thread title\r\n\r\nI think it's wrong.\rLone CR line\n\u00bfQu\u00e9?\n"
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "gb18030", "shift_jis", "euc-kr", "utf-32")


def seed_jsonl() -> bytes:
    rows = [
        '{"id": "a", "text": "one\\ntwo"}',
        '{"id": "b", "html": "<p>x</p>"}',
        '{"id": "a", "text": 5}',
        "",
        "not json",
        '{"text": "no id \\u0000 \\ud800"}',
    ]
    return ("\n".join(rows) + "\n").encode()


def seed_warc() -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for k, (body, kind) in enumerate(
        [(SEED_HTML.encode(), "text/html"), (b"\x89PNG\x00", "image/png"), (SEED_TEXT.encode(), "text/plain")]
    ):
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"http://x.example/{k}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A few random edits of ``data``."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        position = rng.randint(0, len(out)) if out else 0
        if choice < 0.25 and out:
            out[min(position, len(out) - 1)] = rng.randrange(256)
        elif choice < 0.45:
            out[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif choice < 0.6 and out:
            del out[position : position + rng.randint(1, 64)]
        elif choice < 0.7:
            out[position:position] = rng.choice([b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"<", b"&#"])
        elif choice < 0.8 and out:
            out = out[: rng.randint(0, len(out))]
        elif choice < 0.9 and out:
            piece = out[position : position + rng.randint(1, 200)]
            out[position:position] = piece * rng.randint(1, 20)
        else:
            tag = rng.choice([b"<div>", b"</div>", b"<p>", b"<b>", b"</i>", b"<table>", b"<!--", b"<svg>"])
            out[position:position] = tag * rng.randint(1, 300)
    return bytes(out)


class Fuzzer:
    def __init__(self, rng: random.Random, html_seeds: list[str]) -> None:
        self.rng = rng
        self.html_seeds = html_seeds
        self.cases: Counter[str] = Counter()
        self.failures: list[tuple[str, str, bytes | str]] = []

    def run(self, name: str, check: Callable[[], None], sample: bytes | str) -> None:
        self.cases[name] += 1
        try:
            check()
        except Exception:  # noqa: BLE001 - every failure is a finding to report
            self.failures.append((name, traceback.format_exc(), sample[:200]))

    def decoding(self) -> None:
        rng = self.rng
        text = rng.choice([SEED_TEXT, SEED_HTML, "\u5e02\u957f\u8868\u793a " * rng.randint(1, 50)])
        encoding = rng.choice(ENCODINGS)
        data = mutate(text.encode(encoding, errors="replace"), rng) if rng.random() < 0.8 else rng.randbytes(200)
        forced = rng.choice([None, None, None, "utf-8", "cp1252", "utf-16"])

        def check() -> None:
            try:
                result = decode_bytes(data, forced)
            except NotTextError:
                return
            assert isinstance(result, str) and "\x00" not in result

        self.run("decode_bytes", check, data)

    def html(self) -> None:
        seed = self.rng.choice(self.html_seeds)
        data = mutate(seed.encode("utf-8"), self.rng)
        html = data.decode("utf-8", errors="surrogateescape" if self.rng.random() < 0.3 else "replace")

        def check() -> None:
            text, blocks = html_to_page(html)
            end = 0
            for block in blocks:
                assert end <= block.start < block.end <= len(text)
                assert text[block.start : block.end] == block.text
                end = block.end

        self.run("html_to_page", check, html)

    def records(self, folder: Path) -> None:
        rng = self.rng
        kind = rng.choice(["txt", "html", "jsonl", "warc", "dat"])
        seed = {
            "txt": SEED_TEXT.encode(),
            "html": SEED_HTML.encode(),
            "jsonl": seed_jsonl(),
            "warc": seed_warc(),
            "dat": rng.choice([seed_jsonl(), seed_warc(), SEED_HTML.encode()]),
        }[kind]
        data = mutate(seed, rng)
        compress = rng.random() < 0.4
        if compress:
            data = gzip.compress(data)
            data = data[: rng.randint(0, len(data))] if rng.random() < 0.5 else mutate(data, rng)
        path = folder / f"input{self.cases['iter_records']}.{kind}{'.gz' if compress else ''}"
        path.write_bytes(data)
        options = ReadOptions(max_page_bytes=rng.choice([50, 5000, 50_000_000]))

        def check() -> None:
            seen = set()
            for record in iter_records([str(path)], options):
                assert sum(x is not None for x in (record.text, record.html, record.error)) == 1
                assert record.id not in seen
                seen.add(record.id)

        self.run("iter_records", check, data)


def _html_seeds(shared: Path) -> list[str]:
    seeds = [SEED_HTML]
    for path in sorted((shared / "corpus" / "forum_html" / "awful").glob("*.html"))[:5]:
        seeds.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((shared / "corpus" / "news_html" / "aeb-html").glob("*.html.gz"))[:5]:
        seeds.append(gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"))
    return seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=500, help="rounds; each runs the three fuzzers once")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    fuzzer = Fuzzer(random.Random(args.seed), _html_seeds(args.shared))
    with tempfile.TemporaryDirectory(prefix="fuzz-readers-") as folder:
        for _ in range(args.rounds):
            fuzzer.decoding()
            fuzzer.html()
            fuzzer.records(Path(folder))
    for name, count in sorted(fuzzer.cases.items()):
        failed = sum(1 for failure in fuzzer.failures if failure[0] == name)
        print(f"{name:14} {count:6} cases  {failed} failures")
    for name, trace, sample in fuzzer.failures[:10]:
        print(f"\n--- {name}: input starts {sample!r}\n{trace}")


if __name__ == "__main__":
    main()
