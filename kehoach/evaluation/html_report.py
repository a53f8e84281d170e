"""A single self-contained HTML report: charts as inline SVG, tables, every disagreement."""
from __future__ import annotations

import io
from dataclasses import asdict
from pathlib import Path

import jinja2
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from kehoach.evaluation.outputs import text_error_rows  # noqa: E402
from kehoach.evaluation.scoring import DocumentScore, document_row, lower_is_better, prf  # noqa: E402

plt.rcParams["svg.hashsalt"] = "kehoach-eval"  # deterministic SVG ids
plt.rcParams["font.family"] = "DejaVu Sans"  # has the Vietnamese letters


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: inline in HTML


def bar_chart(summary: dict) -> str | None:
    """Per-field accuracy and per-list F1 (and attribute accuracy) as horizontal bars."""
    bars = [(k.removeprefix("field.").removesuffix(".accuracy"), v) for k, v in summary.items()
            if k.startswith("field.") and k.endswith(".accuracy")]
    bars += [(k.removeprefix("items.").removesuffix(".f1") + " (F1)", v) for k, v in summary.items()
             if k.startswith("items.") and k.endswith(".f1")]
    bars += [(k.removeprefix("attribute.").removesuffix(".accuracy"), v) for k, v in summary.items()
             if k.startswith("attribute.")]
    if not bars:
        return None
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(bars) + 0.8))
    labels, values = [b[0] for b in bars][::-1], [b[1] for b in bars][::-1]
    colours = ["#2b8a3e" if v >= 0.8 else "#e67700" if v >= 0.5 else "#c92a2a" for v in values]
    ax.barh(labels, values, color=colours)
    for y, v in enumerate(values):
        ax.text(min(v, 1.0) + 0.01, y, f"{v:.2f}", va="center", fontsize=8)
    ax.set_xlim(0, 1.1)
    ax.set_xlabel("accuracy / F1")
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    return _svg(fig)


def heat_map(docs: list[DocumentScore]) -> str | None:
    """Documents x figures; WER/CER shown as 1 - rate so that green is always good."""
    rows = [document_row(d) for d in docs]
    columns = [c for c in ("fields.accuracy", "references.f1", "index_results.f1", "index_targets.f1",
                           "tasks.f1", "text.wer", "text.cer") if any(r.get(c) is not None for r in rows)]
    if not rows or not columns:
        return None
    import numpy as np

    data = np.full((len(rows), len(columns)), np.nan)
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            v = r.get(c)
            if v is not None:
                data[i, j] = max(0.0, 1.0 - v) if lower_is_better(c) else v
    fig, ax = plt.subplots(figsize=(1.1 * len(columns) + 3, 0.4 * len(rows) + 1.2))
    cmap = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#dddddd")
    ax.imshow(np.ma.masked_invalid(data), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(columns)), [c if not lower_is_better(c) else f"1-{c}" for c in columns],
                  rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(rows)), [r["document"] for r in rows], fontsize=8)
    for i in range(len(rows)):
        for j in range(len(columns)):
            v = data[i, j]
            dark = not np.isnan(v) and (v < 0.25 or v > 0.85)  # ends of RdYlGn are dark
            ax.text(j, i, "n/a" if np.isnan(v) else f"{v:.2f}", ha="center", va="center", fontsize=7,
                    color="white" if dark else "black")
    return _svg(fig)


_TEMPLATE = jinja2.Template("""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>kehoach eval</title>
<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px} h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:12px;margin:8px 0}
td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f1f3f5} td.num{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#c92a2a;font-weight:bold} .note{color:#555;font-size:12px}
.chart svg{max-width:100%;height:auto} .row{display:flex;gap:24px;align-items:flex-start}
.row .chart{flex:1;min-width:0}
td.text{max-width:380px;word-break:break-word}
</style></head><body>
<h1>kehoach eval: {{ n_docs }} document(s)</h1>
<p class="note">predictions: {{ pred_dir }} &middot; gold: {{ gold_dir }}
{% if unreadable %}&middot; <span class="bad">{{ unreadable }} prediction(s) missing or invalid</span>{% endif %}</p>
{% for p in problems %}<p class="bad">{{ p }}</p>{% endfor %}
{% if regressions %}<h2>Below the baseline</h2><ul>{% for r in regressions %}<li class="bad">{{ r }}</li>{% endfor %}</ul>{% endif %}
<h2>Aggregate</h2>
<div class="row"><table><tr><th>figure</th><th>value</th></tr>
{% for k, v in summary.items() %}<tr><td>{{ k }}</td><td class="num">{{ fmt(v) }}</td></tr>{% endfor %}</table>
{% if bars %}<div class="chart"><p class="note">per field accuracy, per list F1, attribute accuracy on matched items</p>{{ bars }}</div>{% endif %}</div>
<h2>Per document</h2>{% if heat %}<div class="chart">{{ heat }}</div>{% endif %}
<p class="note">lists: correct / gold / predicted; WER/CER on the restored text where a gold text exists</p>
<table><tr>{% for c in doc_columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for r in doc_rows %}<tr>{% for c in doc_columns %}<td class="{{ 'num' if r.get(c) is number else '' }}
{{ ' bad' if c == 'status' and r.get(c) != 'ok' else '' }}">{{ fmt(r.get(c)) }}</td>{% endfor %}</tr>{% endfor %}</table>
{% if index_rows %}<h2>Index results and targets by index</h2>
<table><tr>{% for c in index_rows[0] %}<th>{{ c }}</th>{% endfor %}</tr>
{% for r in index_rows %}<tr>{% for v in r.values() %}<td class="{{ 'num' if v is number else '' }}">{{ fmt(v) }}</td>{% endfor %}</tr>{% endfor %}</table>{% endif %}
{% if text_errors %}<h2>Restored text: most frequent word errors</h2>
<p class="note">the first {{ text_errors|length }}; all of them in text_errors.tsv</p>
<table><tr><th>document</th><th>kind</th><th>expected</th><th>got</th><th>count</th></tr>
{% for r in text_errors %}<tr><td>{{ r.document }}</td><td>{{ r.kind }}</td><td>{{ r.expected }}</td><td>{{ r.got }}</td>
<td class="num">{{ r.count }}</td></tr>{% endfor %}</table>{% endif %}
<h2>Disagreements ({{ disagreements|length }})</h2>
<table><tr><th>document</th><th>field / item</th><th>expected</th><th>got</th><th>kind</th></tr>
{% for d in disagreements %}<tr><td>{{ d.document }}</td><td class="text">{{ d.field }}</td>
<td class="text">{{ d.expected|truncate(300) }}</td><td class="text">{{ d.got|truncate(300) }}</td><td>{{ d.kind }}</td></tr>{% endfor %}</table>
</body></html>
""", autoescape=True)


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def compact_row(doc: DocumentScore) -> dict:
    """Per-document row for the page: each list as `correct / gold / predicted` and its F1."""
    full = document_row(doc)
    row = {"document": doc.name, "status": doc.status, "fields": full.get("fields.accuracy")}
    for name, s in doc.items.items():
        row[name] = f"{s.correct} / {s.gold} / {s.pred}  (F1 {full[name + '.f1']:.2f})"
    for key in ("text.wer", "text.cer", "disagreements"):
        row[key] = full.get(key)
    return row


def by_index_rows(docs: list[DocumentScore]) -> list[dict]:
    """Index results and targets per index: gold, predicted, correct, P/R/F1 (micro)."""
    totals: dict[tuple[str, str], list[int]] = {}
    for d in docs:
        for name in ("index_results", "index_targets"):
            if name in d.items:
                for index, counts in d.items[name].by_index.items():
                    t = totals.setdefault((name, index), [0, 0, 0])
                    for k in range(3):
                        t[k] += counts[k]
    rows = []
    for (name, index), (g, p, c) in sorted(totals.items()):
        rows.append({"list": name, "index": index, "gold": g, "pred": p, "correct": c, **prf(c, g, p)})
    return rows


def write_html(path: Path, docs: list[DocumentScore], summary: dict, problems: list[str],
               regressions: list[str], pred_dir: str, gold_dir: str) -> None:
    rows = [compact_row(d) for d in docs]
    columns: dict[str, None] = {}
    for r in rows:
        columns.update(dict.fromkeys(r))
    html = _TEMPLATE.render(
        n_docs=len(docs), pred_dir=pred_dir, gold_dir=gold_dir, problems=problems, regressions=regressions,
        unreadable=sum(d.status != "ok" for d in docs), summary=summary, fmt=_fmt,
        bars=_markup(bar_chart(summary)), heat=_markup(heat_map(docs)),
        doc_columns=list(columns), doc_rows=rows, index_rows=by_index_rows(docs),
        text_errors=text_error_rows(docs)[:40],
        disagreements=[asdict(x) for d in docs for x in d.disagreements],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def _markup(svg: str | None):
    return jinja2.utils.markupsafe.Markup(svg) if svg else None
