"""Label Studio JSON export (a list of tasks), read and written.

Read: ``[{"id", "data": {"text": ...}, "annotations": [{"result": [{"value": {"start", "end",
"labels": [...]}}], "was_cancelled"}]}]``. The text is ``data["text"]``, or the only other text field of
``data``. The latest annotation that was not cancelled is used (``completions`` of old exports count as
annotations); tasks that only carry ``predictions`` are skipped, so uncorrected model output is never
trained on. Offsets written by Label Studio versions that counted UTF-16 units are repaired when the
result's ``text`` shows it.

Written: tasks whose model segments are ``predictions`` (pre-annotations to correct) or ``annotations``,
for the labelling config of :func:`label_config`.
"""

from __future__ import annotations

from html import escape

from segmenter import __version__
from segmenter.formats.labelmap import LabelMap
from segmenter.formats.spans import SkipRecord, build_page, span_scores
from segmenter.labels import LABELS
from segmenter.pages import AnnotatedPage, AnnotationError
from segmenter.views.palette import HTML_COLOURS

NAME = "labelstudio"
#: The names of the labelling config's ``Labels`` control and ``Text`` object.
FROM_NAME, TO_NAME = "label", "text"
_ID_FIELD = "page_id"


def looks_like(row: dict) -> bool:
    """Whether ``row`` is a Label Studio task (it has a ``data`` object)."""
    return isinstance(row.get("data"), dict)


def _text(data: dict, where: str) -> str:
    if isinstance(data.get("text"), str):
        return data["text"]
    fields = [k for k, v in data.items() if isinstance(v, str) and k != _ID_FIELD]
    if len(fields) == 1:
        return data[fields[0]]
    raise AnnotationError(f"{where}: cannot tell which data field holds the text ({fields}); name it 'text'")


def _annotation(task: dict, where: str) -> dict:
    annotations = task.get("annotations") or task.get("completions") or []
    done = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    if not done:
        raise SkipRecord("only predictions, no annotation" if task.get("predictions") else "no annotation")
    return max(enumerate(done), key=lambda pair: (str(pair[1].get("updated_at") or ""), pair[0]))[1]


def _has_astral(text: str) -> bool:
    return any(ord(char) > 0xFFFF for char in text)


def _code_points(text: str, start: int, end: int) -> tuple[int, int]:
    """Convert UTF-16 unit offsets to code point offsets."""
    units = [0]
    for char in text:
        units.append(units[-1] + (2 if ord(char) > 0xFFFF else 1))
    position = {unit: index for index, unit in enumerate(units)}
    return position.get(start, start), position.get(end, end)


def _triples(result: list, text: str, where: str) -> list[tuple[object, object, object]]:
    triples = []
    for item in result:
        value = item.get("value") if isinstance(item, dict) else None
        if not isinstance(value, dict) or "start" not in value or "labels" not in value:
            continue  # choices, relations, comments: not spans
        names = value["labels"]
        if not isinstance(names, list) or len(names) != 1:
            raise AnnotationError(f"{where}: a region carries labels {names!r}; give each region one")
        start, end = value["start"], value.get("end")
        shown = value.get("text")
        offsets = isinstance(start, int) and isinstance(end, int)
        if offsets and isinstance(shown, str) and text[start:end] != shown and _has_astral(text):
            start, end = _code_points(text, start, end)
        triples.append((start, end, names[0]))
    return triples


def read_row(task: dict, where: str, labels: LabelMap, fill_label: str | None = None) -> AnnotatedPage:
    """Build the annotated page of one Label Studio task (raises ``SkipRecord`` when not annotated)."""
    data = task.get("data")
    if not isinstance(data, dict):
        raise AnnotationError(f"{where}: no 'data' object")
    text = _text(data, where)
    result = _annotation(task, where).get("result") or []
    page_id = data.get(_ID_FIELD, task.get("id", where))
    return build_page(page_id, text, _triples(result, text, where), where, labels, fill_label)


def write_row(page: AnnotatedPage, labels: LabelMap, as_predictions: bool = True) -> dict:
    """The Label Studio task of ``page``; its spans become ``predictions`` (or ``annotations``)."""
    scores = span_scores(page)
    result = []
    for k, (span, score) in enumerate(zip(page.spans, scores, strict=True)):
        region = {
            "id": f"s{k}",
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "value": {
                "start": span.start,
                "end": span.end,
                "text": page.text[span.start : span.end],
                "labels": [labels.to_theirs(span.label)],
            },
        }
        if score is not None:
            region["score"] = score
        result.append(region)
    task: dict = {"data": {"text": page.text, _ID_FIELD: page.id}}
    if as_predictions:
        known = [s for s in scores if s is not None]
        prediction = {"model_version": f"segmenter {__version__}", "result": result}
        if known:
            prediction["score"] = round(sum(known) / len(known), 4)
        task["predictions"] = [prediction]
    else:
        task["annotations"] = [{"result": result}]
    return task


def label_config(labels: LabelMap | None = None) -> str:
    """The Label Studio labelling config (XML) that the written tasks fit."""
    labels = labels or LabelMap()
    lines = ["<View>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    for label in LABELS:
        name = escape(labels.to_theirs(label), quote=True)
        lines.append(f'    <Label value="{name}" background="{HTML_COLOURS[label][1]}"/>')
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="${TO_NAME}"/>', "</View>"]
    return "\n".join(lines) + "\n"
