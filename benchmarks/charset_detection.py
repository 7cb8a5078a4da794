"""How well and how fast `decode_bytes` recovers text written in legacy encodings.

Encodes sentences written for this benchmark in several encodings, at three sizes (one line, a forum
post of ~2 KB, a dump of ~2 MB), and checks that decoding gives the original text back. Also times
charset-normalizer on its own, which `decode_bytes` only calls when cheaper evidence fails.

Run: python benchmarks/charset_detection.py
"""

from __future__ import annotations

import time

from charset_normalizer import from_bytes

from segmenter.io.decoding import decode_bytes

ENGLISH = (
    "The council said on Tuesday it would \u201creview the decision\u201d after residents complained "
    "\u2014 again \u2014 that the bridge\u2019s repairs had taken far too long."
)
FRENCH = "Le conseil a déclaré mardi qu'il réexaminerait la décision après les plaintes des résidents, à côté du pont."
GERMAN = "Der Stadtrat äußerte sich am Dienstag: Die Brücke wird überprüft, sagte die Bürgermeisterin."
CHINESE = "市议会周二表示，将在居民投诉后重新审查这一决定。桥梁维修工程已经持续了太长时间。"
JAPANESE = "市議会は火曜日、住民の苦情を受けて決定を見直すと発表しました。橋の修理は長すぎます。"
KOREAN = "시의회는 화요일 주민들의 불만에 따라 결정을 재검토하겠다고 밝혔다. 다리 수리가 너무 오래 걸렸다."
RUSSIAN = "Городской совет заявил во вторник, что пересмотрит решение после жалоб жителей."

CASES = (
    ("cp1252 smart quotes", ENGLISH, "cp1252"),
    ("latin-1 French", FRENCH, "latin-1"),
    ("cp1252 German", GERMAN, "cp1252"),
    ("GB18030 Chinese", CHINESE, "gb18030"),
    ("Shift-JIS Japanese", JAPANESE, "shift_jis"),
    ("EUC-KR Korean", KOREAN, "euc-kr"),
    ("cp1251 Russian", RUSSIAN, "cp1251"),
    ("UTF-16 with BOM", ENGLISH + " " + CHINESE, "utf-16"),
    ("UTF-16-LE without BOM", ENGLISH, "utf-16-le"),
    ("UTF-8", ENGLISH + " " + KOREAN, "utf-8"),
)
SIZES = (("line", 1), ("post ~2KB", 12), ("dump ~2MB", 12_000))


def _page(sentence: str, repeats: int) -> str:
    lines = [f"{i}. {sentence}" for i in range(repeats)]
    return "\n".join(lines) + "\n"


def _timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def _mixed_case(repeats: int) -> tuple[str, bytes]:
    """UTF-8 text with one cp1252 line glued in: the stray bytes should read as cp1252."""
    text = _page(ENGLISH + " " + GERMAN, repeats)
    return text + ENGLISH + "\n", text.encode("utf-8") + (ENGLISH + "\n").encode("cp1252")


def main() -> None:
    print(f"{'case':24} {'size':10} {'decode_bytes':>14} {'ms':>9} {'charset-normalizer':>19} {'ms':>9}")
    for size_name, repeats in SIZES:
        rows = [(name, _page(sentence, repeats), sentence_encoding) for name, sentence, sentence_encoding in CASES]
        mixed_text, mixed_bytes = _mixed_case(repeats)
        for name, text, encoding in rows:
            data = text.encode(encoding)
            ours, ours_seconds = _timed(decode_bytes, data)
            best, cn_seconds = _timed(lambda d: from_bytes(d).best(), data)
            cn_text = str(best) if best is not None else None
            print(
                f"{name:24} {size_name:10} {'ok' if ours == text else 'WRONG':>14} {1000 * ours_seconds:9.1f} "
                f"{('ok' if cn_text == text else 'WRONG ' + (best.encoding if best else 'None')):>19} "
                f"{1000 * cn_seconds:9.1f}"
            )
        ours, ours_seconds = _timed(decode_bytes, mixed_bytes)
        best, cn_seconds = _timed(lambda d: from_bytes(d).best(), mixed_bytes)
        cn_text = str(best) if best is not None else None
        print(
            f"{'UTF-8 + a cp1252 line':24} {size_name:10} {'ok' if ours == mixed_text else 'WRONG':>14} "
            f"{1000 * ours_seconds:9.1f} "
            f"{('ok' if cn_text == mixed_text else 'WRONG ' + (best.encoding if best else 'None')):>19} "
            f"{1000 * cn_seconds:9.1f}"
        )


if __name__ == "__main__":
    main()
