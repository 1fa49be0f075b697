#!/usr/bin/env python3
"""Measure the site at city scale against plain Material, in one run (`make bench`).

    python scripts/bench.py [--runs N] [--scale F] [--json PATH] [--work DIR]

Three builds of the same pages, alternating, each `--runs` times (medians, min and max):
- ours:  validation and `scripts/build.py` (both languages in parallel, then Pagefind);
- naive: plain mkdocs-material, every page in the navigation, Material's search with jieba;
- floor: plain mkdocs-material, pages out of the navigation, no search, no data layer.
naive and floor get the same text as ours: each page's rendered content, as raw HTML.
Then: page weight, bytes a first query downloads (headless Chromium), validation time,
how build time grows (1/8, 1/4, 1/2, full), search recall in the top 5 for the sample and
the synthetic catalogue, and the delay between editing a file and seeing it in `mkdocs serve`.
Absolute seconds depend on the machine; the ratios are what the project claims.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import psutil
import yaml
from bs4 import BeautifulSoup

from learning_city.data.loader import load
from learning_city.site import structured
from learning_city.tools import publish
from learning_city.tools.local import AsPublished, launch_chromium, pagefind_urls, serving

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
# One "today" for the whole run, as a day's builds of one commit share it (build.py): without it
# every build's today is the second it starts, its sitemap.xml.gz differs, and no build is "unchanged".
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", str(int(time.time()))))
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


# --- measuring a command -------------------------------------------------------------------


def measure(command: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """Wall seconds and peak memory (the sum over the process tree, sampled) of one command."""
    start = time.perf_counter()
    process = psutil.Popen(command, env=env or ENV, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{process.stderr.read().decode()[-3000:]}")
    return {"seconds": seconds, "peak_mb": peak / 2**20}


def summary(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "runs": samples}


# --- the three builds --------------------------------------------------------------------------


def ours(catalogue: Path, site: Path, cache: Path | None = None, cold: bool = True) -> dict:
    """`make site`: validation, then both languages and the search index. `cold` empties the
    cache (parsed files, loads, QR codes) first; warm runs again on what the last run kept."""
    env = dict(ENV, LEARNING_CITY_CACHE=str(cache)) if cache else ENV
    if cache and cold:
        shutil.rmtree(cache, ignore_errors=True)
    validate = measure([PY, str(ROOT / "scripts" / "validate.py"), str(catalogue)], env=env)
    built = measure([PY, str(ROOT / "scripts" / "build.py"), "--catalogue", str(catalogue), "--site-dir", str(site)], env=env)
    return {"seconds": validate["seconds"] + built["seconds"], "peak_mb": max(validate["peak_mb"], built["peak_mb"])}


LANGUAGES = (("zh", ""), ("en", "en/"))


def articles(site: Path, prefix: str):
    """Each page of one language in our built site: its Markdown name, its parsed HTML and its article."""
    language_root = site / prefix.strip("/") if prefix else site
    for html in sorted(language_root.rglob("index.html")):
        relative = html.relative_to(language_root)
        if not prefix and relative.parts[0] in ("en", "pagefind", "assets"):
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        if article is not None:
            yield ("index.md" if relative.parent == Path(".") else f"{relative.parent.as_posix()}.md"), soup, article


def write_plain(project: Path, lang: str, prefix: str, pages: dict[str, str], **settings) -> None:
    """One language's plain Material project: the pages' Markdown and its mkdocs.yml."""
    docs = project / lang / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "Learning City", "site_url": "https://learning-city.example.org/" + prefix, "docs_dir": "docs",
        "theme": {"name": "material", "language": lang}, **settings,
    }  # fmt: skip
    (project / lang / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def plain_project(site: Path, project: Path, naive: bool) -> None:
    """A plain Material project with our pages' content as its pages, per language."""
    shutil.rmtree(project, ignore_errors=True)
    for lang, prefix in LANGUAGES:
        pages = {
            name: f"# {soup.h1.get_text(strip=True) if soup.h1 else name}\n\n<div>{article.decode_contents()}</div>\n"
            for name, soup, article in articles(site, prefix)
        }
        if naive:
            write_plain(project, lang, prefix, pages, plugins=[{"search": {"lang": lang}}], nav=list(pages))
        else:
            write_plain(project, lang, prefix, pages, plugins=[], not_in_nav="/*", nav=["index.md"])


def text_floor_project(site: Path, project: Path) -> None:
    """The text floor: plain Material building the same pages' article text as plain Markdown,
    out of the navigation, no search, no data layer (issue 16)."""
    shutil.rmtree(project, ignore_errors=True)
    for lang, prefix in LANGUAGES:
        pages = {}
        for name, _, article in articles(site, prefix):
            for hidden in article.select("svg, script, style"):
                hidden.decompose()
            pages[name] = article.get_text("\n\n", strip=True) + "\n"
        write_plain(project, lang, prefix, pages, plugins=[], not_in_nav="/*", nav=["index.md"])


def plain_build(project: Path, out: Path) -> dict:
    """Both languages one after the other, as a team would without this project."""
    total, peak = 0.0, 0.0
    for lang in ("zh", "en"):
        result = measure([PY, "-m", "mkdocs", "build", "-q", "-f", str(project / lang / "mkdocs.yml"), "-d", str(out / lang)])
        total += result["seconds"]
        peak = max(peak, result["peak_mb"])
    return {"seconds": total, "peak_mb": peak}


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


# --- in the browser --------------------------------------------------------------------------


def browser_measures(site: Path, queries: list[dict], catalogue: Path, course_queries: list[dict] | None = None) -> dict:
    """Bytes of a first query in each language, recall in the top 5 for a relevance set, and
    course-level recall (the course's own anchor in the top 5) per language."""
    from playwright.sync_api import sync_playwright

    with serving(site) as base, sync_playwright() as p:
        browser = launch_chromium(p)
        first = first_queries(browser, base)
        recall = relevance(browser, base, queries, catalogue)
        courses = {
            lang: relevance(browser, base, [q for q in course_queries or [] if q["lang"] == lang], catalogue, exact=True)
            for lang in ("zh", "en")
        }
        browser.close()
    return {"first_query_bytes": first, "recall_at_5": recall, "course_recall_at_5": courses}


def first_queries(browser, base: str) -> dict[str, int]:
    return {lang: first_query_bytes(browser, base, lang, query) for lang, query in (("zh", "太极"), ("en", "tai chi"))}


def first_query_bytes(browser, base: str, lang: str, query: str) -> int:
    """Everything the search page loads from the index's folder up to the first results (script,
    styles, WebAssembly, meta, index chunks, fragments), each address once, from the page's start."""
    context = browser.new_context()
    page = context.new_page()
    loaded: dict[str, int] = {}
    page.on("response", lambda r: loaded.__setitem__(r.url, len(r.body())) if "/pagefind/" in r.url and r.ok else None)
    page.goto(base + ("en/" if lang == "en" else "") + "search/")
    page.wait_for_selector(".pagefind-ui__search-input")
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=30000)
    page.wait_for_load_state("networkidle")
    context.close()
    return sum(loaded.values())


def relevance(browser, base: str, queries: list[dict], catalogue: Path, exact: bool = False) -> dict:
    """Share of queries whose top 5 holds a record they must return: its page, or with `exact`
    the course itself (the result's address with its #course- anchor).

    Pagefind picks its index by the page's language, so each language asks from its own page.
    """
    cat, _ = load(catalogue)
    context = browser.new_context()
    pages = {}
    for lang, prefix in LANGUAGES:
        pages[lang] = context.new_page()
        pages[lang].goto(base + prefix + "search/")
    hits, misses = 0, []
    for entry in queries:
        expected = expected_course_urls(cat, entry) if exact else expected_urls(cat, entry)
        if not expected:
            continue
        urls = pagefind_urls(pages[entry["lang"]], base, entry["query"], limit=5)
        if any((url if exact else url.split("#")[0]) in expected for url in urls):
            hits += 1
        else:
            misses.append({"query": entry["query"], "top5": urls})
    context.close()
    asked = hits + len(misses)
    return {"queries": asked, "recall": hits / asked if asked else None, "misses": misses}


def expected_urls(catalogue, entry: dict) -> set[str]:
    prefix = "/en/" if entry["lang"] == "en" else "/"
    lang = entry["lang"]
    if "page" in entry:
        return {prefix + entry["page"]}
    providers = catalogue.providers.values()
    if "course" in entry:
        chosen = [p for p in providers if any(entry["course"] in c.title.get(lang) for c in p.courses)]
    elif "provider" in entry:
        chosen = [p for p in providers if entry["provider"] in p.name.zh]
    else:  # a place name: any provider or venue located there is a right answer
        venues = {f"{prefix}venues/{v.id}/" for v in catalogue.venues.values() if v.region == entry["town"]}
        return venues | {f"{prefix}providers/{p.id}/" for p in providers if p.region == entry["town"]}
    return {f"{prefix}providers/{p.id}/" for p in chosen}


def expected_course_urls(catalogue, entry: dict) -> set[str]:
    """The courses a course-level query must find (bench/relevance.yml, `courses:`), as result addresses."""
    prefix = "/en/" if entry["lang"] == "en" else "/"
    lang = entry["lang"]

    def wanted(provider, course) -> bool:
        title = course.title.get(lang)
        if "title" in entry:
            return title == entry["title"]
        if "subject" in entry:
            return entry["subject"].lower() in title.lower()
        return provider.region == entry["town"] and course.category.value == entry["category"]

    return {f"{prefix}providers/{p.id}/#course-{c.id}" for p in catalogue.providers.values() for c in p.courses if wanted(p, c)}


# --- Lighthouse ------------------------------------------------------------------------------------


# a shared link to results (issue 23): what a reader opens from a chat, per language
SEARCH_QUERIES = {"zh": "太极", "en": "tai chi"}


def page_kinds(site: Path, lang: str = "zh") -> dict[str, str]:
    """One page of every kind, by its address under a language's root."""
    first = {folder: sorted(p.name for p in (site / folder).iterdir() if p.is_dir())[0] for folder in ("providers", "venues", "areas")}
    return {
        "search with a query": "search/?" + urlencode({"q": SEARCH_QUERIES[lang]}),
        "home": "",
        "finder": "courses/",
        "county courses": f"courses/{first['areas']}/",
        "area": f"areas/{first['areas']}/",
        "providers": "providers/",
        "provider": f"providers/{first['providers']}/",
        "venues": "venues/",
        "venue": f"venues/{first['venues']}/",
        "elderly": "elderly/",
        "network": "network/",
        "policy": "policy/",
        "targets": "targets/",
        "search": "search/",
        "accessibility": "accessibility/",
        "open data": "data/",
        # issue 22: learning teams (the index and a county's page) and online resources
        "teams": "teams/",
        "county teams": f"teams/{sorted(p.name for p in (site / 'teams').iterdir() if p.is_dir())[0]}/",
        "resources": "resources/",
        "events": "events/",  # issue 22: learning events
        "recognitions": "recognitions/",  # issue 22: recognitions
    }


def published(site: Path):
    return serving(site, handler=AsPublished)


def lighthouse(site: Path, work: Path) -> dict:
    """Lighthouse's mobile profile with its default (simulated) throttling, Debian's Chromium,
    on every kind of page in both languages, the site served as published (gzip): scores, LCP,
    CLS and the bytes of the first view (as transferred)."""
    results: dict = {}
    env = dict(ENV, CHROME_PATH="/usr/bin/chromium")
    flags = "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
    with published(site) as base:
        for lang, prefix in LANGUAGES:
            for kind, path in page_kinds(site, lang).items():
                out = work / f"lighthouse-{lang}-{kind.replace(' ', '-')}.json"
                command = [str(LIGHTHOUSE), base + prefix + path, "--output=json", f"--output-path={out}",
                           "--only-categories=performance,accessibility", "--quiet", flags]  # fmt: skip
                subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
                results.setdefault(lang, {})[kind] = lighthouse_summary(json.loads(out.read_text(encoding="utf-8")))
    return results


def lighthouse_summary(report: dict) -> dict:
    def score(category: str):
        value = report["categories"][category]["score"]
        return None if value is None else round(value * 100)

    audits = report["audits"]
    return {
        "url": report["finalDisplayedUrl"],
        "performance": score("performance"),
        "accessibility": score("accessibility"),
        "lcp_ms": audits["largest-contentful-paint"].get("numericValue"),
        "cls": audits["cumulative-layout-shift"].get("numericValue"),
        "bytes": audits["total-byte-weight"].get("numericValue"),
        "failed": [key for key, audit in audits.items() if audit.get("score") == 0 and audit.get("scoreDisplayMode") == "binary"],
    }


def lighthouse_worst(results: dict) -> dict:
    """The worst page of every kind and language, for the goals."""
    pages = [(f"{lang} {kind}", page) for lang, kinds in results.items() for kind, page in kinds.items()]

    def worst(field, pick):
        known = [(name, page[field]) for name, page in pages if page[field] is not None]
        return pick(known, key=lambda item: item[1]) if known else (None, None)

    return {
        "performance": worst("performance", min),
        "accessibility": worst("accessibility", min),
        "lcp_ms": worst("lcp_ms", max),
        "cls": worst("cls", max),
        "finder_bytes": max(results[lang]["finder"]["bytes"] for lang in results),
    }


# --- edit, then see it -------------------------------------------------------------------------


def edit_latency(catalogue: Path, work: Path) -> float:
    """Seconds from saving a school's file to the new text being served by `make serve`
    (`mkdocs serve --livereload --dirty`: only the pages whose inputs changed are written again)."""
    copy = work / "serve-catalogue"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(catalogue, copy)
    port = 8765
    env = dict(ENV, CATALOGUE=str(copy), SITE_LANG="zh")
    server = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        target = sorted((copy / "providers").glob("*.yml"))[0]
        url = f"http://127.0.0.1:{port}/providers/{target.stem}/"
        wait_for(url, lambda body: True, timeout=900)
        marker = f"EDITED-{int(time.time())}"
        text = target.read_text(encoding="utf-8")
        start = time.perf_counter()
        target.write_text(text.replace("  zh: ", f"  zh: {marker}", 1), encoding="utf-8")
        wait_for(url, lambda body: marker in body, timeout=900)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, ok, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ok(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(url)


# --- the run ------------------------------------------------------------------------------------


def validation(city: Path, runs: int) -> dict:
    env = dict(ENV, LEARNING_CITY_CACHE="off")  # validation reading every file afresh
    return summary([measure([PY, str(ROOT / "scripts" / "validate.py"), str(city)], env=env)["seconds"] for _ in range(runs)])


def synth(out: Path, fraction: float) -> Path:
    sizes = {"providers": 1400, "venues": 400, "courses": 20000}
    args = [f"--{k}={max(1, round(v * fraction))}" for k, v in sizes.items()]
    subprocess.run([PY, str(ROOT / "scripts" / "synth.py"), str(out), *args, "--seed", "1"], check=True, env=ENV, stderr=subprocess.DEVNULL)
    return out


def fit_exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) against log(pages)."""
    xs = [math.log(p) for p, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def quarter_city(work: Path, runs: int) -> dict:
    """The issue's quarter of the city (350 providers, 100 venues, 5,000 courses, seed 7): ours cold
    and warm against the text floor, in paired runs."""
    city = work / "quarter"
    args = ["--providers", "350", "--venues", "100", "--courses", "5000", "--seed", "7"]
    subprocess.run([PY, str(ROOT / "scripts" / "synth.py"), str(city), *args], check=True, env=ENV, stderr=subprocess.DEVNULL)
    site, cache = work / "quarter-site", work / "quarter-cache"
    ours(city, site, cache)  # warm-up, and the pages the text floor is made of
    text_floor_project(site, work / "quarter-text-project")
    samples: dict[str, list[dict]] = {"ours": [], "ours_warm": [], "text_floor": []}
    for _ in range(runs):
        samples["ours"].append(ours(city, site, cache, cold=True))
        samples["ours_warm"].append(ours(city, site, cache, cold=False))
        samples["text_floor"].append(plain_build(work / "quarter-text-project", work / "quarter-text-site"))
    result = {
        name: {"seconds": summary([r["seconds"] for r in rs]), "peak_mb": max(r["peak_mb"] for r in rs)} for name, rs in samples.items()
    }
    pairs = [o["seconds"] / t["seconds"] for o, t in zip(samples["ours"], samples["text_floor"], strict=True)]
    warm_pairs = [o["seconds"] / t["seconds"] for o, t in zip(samples["ours_warm"], samples["text_floor"], strict=True)]
    result["ratio_ours_text_floor"] = summary(pairs)
    result["ratio_warm_text_floor"] = summary(warm_pairs)
    return result


def run(args) -> dict:
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    relevance_set = yaml.safe_load((ROOT / "bench" / "relevance.yml").read_text(encoding="utf-8"))
    city = synth(work / "city", args.scale)
    ours_site, naive_site, floor_site, text_site = work / "ours", work / "naive", work / "floor", work / "text-floor"
    cache = work / "cache"

    results: dict = {"measured": dt.date.today().isoformat(), "cores": os.cpu_count(), "scale": args.scale}
    ours(city, ours_site, cache)  # warm-up, and the pages naive and the floors are made of
    plain_project(ours_site, work / "naive-project", naive=True)
    plain_project(ours_site, work / "floor-project", naive=False)
    text_floor_project(ours_site, work / "text-floor-project")
    samples: dict[str, list[dict]] = {"ours": [], "ours_warm": [], "naive": [], "floor": [], "text_floor": []}
    for run_number in range(args.runs):
        samples["ours"].append(ours(city, ours_site, cache, cold=True))
        samples["ours_warm"].append(ours(city, ours_site, cache, cold=False))
        if run_number < args.naive_runs:  # 5 minutes a run at city scale
            samples["naive"].append(plain_build(work / "naive-project", naive_site))
        samples["floor"].append(plain_build(work / "floor-project", floor_site))
        samples["text_floor"].append(plain_build(work / "text-floor-project", text_site))
    for name, runs in samples.items():
        results[name] = {"seconds": summary([r["seconds"] for r in runs]), "peak_mb": max(r["peak_mb"] for r in runs)}
    results["ratio_ours_naive"] = results["ours"]["seconds"]["median"] / results["naive"]["seconds"]["median"]
    results["ratio_ours_floor"] = results["ours"]["seconds"]["median"] / results["floor"]["seconds"]["median"]
    results["ratio_ours_text_floor"] = results["ours"]["seconds"]["median"] / results["text_floor"]["seconds"]["median"]
    results["ratio_warm_text_floor"] = results["ours_warm"]["seconds"]["median"] / results["text_floor"]["seconds"]["median"]
    results["quarter"] = quarter_city(work, args.runs)

    pages = html_pages(ours_site)
    sizes = sorted(p.stat().st_size for p in pages)
    results["pages_per_language"] = {
        "zh": sum(1 for p in pages if p.relative_to(ours_site).parts[0] != "en"),
        "en": sum(1 for p in pages if p.relative_to(ours_site).parts[0] == "en"),
    }
    largest = max(pages, key=lambda p: p.stat().st_size)
    results["html_bytes"] = {
        "largest": sizes[-1],
        "largest_page": str(largest.relative_to(ours_site)),
        "median": int(statistics.median(sizes)),
    }
    # what a phone lays out (structured data left out) and what it downloads (gzip, as published)
    laid_out = {p: len(structured.laid_out(p.read_bytes())) for p in pages}
    sent = {p: len(publish.body(p.read_bytes(), publish.headers_for(p.name))) for p in pages}
    results["html_bytes"]["largest_laid_out"] = max(laid_out.values())
    results["html_bytes"]["largest_sent"] = max(sent.values())
    results["naive_html_bytes_median"] = int(statistics.median(p.stat().st_size for p in html_pages(naive_site)))
    index = naive_site / "zh" / "search" / "search_index.json"
    results["naive_search_index_bytes"] = index.stat().st_size if index.exists() else None

    results["validation_seconds"] = validation(city, args.runs)

    growth = []
    for fraction in (1 / 8, 1 / 4, 1 / 2):
        catalogue = synth(work / f"city-{fraction:.3f}", fraction * args.scale)
        seconds = statistics.median(ours(catalogue, work / "growth-site", cache)["seconds"] for _ in range(max(1, args.runs - 1)))
        growth.append((len(html_pages(work / "growth-site")), seconds))
    growth.append((len(pages), results["ours"]["seconds"]["median"]))
    results["growth"] = {"points": [{"pages": p, "seconds": s} for p, s in growth], "exponent": fit_exponent(growth)}

    courses = relevance_set["courses"]
    measured = browser_measures(ours_site, relevance_set["generic"], city, courses["generic"])
    results["first_query_bytes"] = measured["first_query_bytes"]
    results["recall_synthetic"] = measured["recall_at_5"]
    results["course_recall_synthetic"] = measured["course_recall_at_5"]
    sample_site = build_sample(work)
    measured = browser_measures(
        sample_site, relevance_set["generic"] + relevance_set["sample"], ROOT / "catalogue", courses["generic"] + courses["sample"]
    )
    results["recall_sample"] = measured["recall_at_5"]
    results["course_recall_sample"] = measured["course_recall_at_5"]

    results["edit_to_view_seconds"] = edit_latency(city, work)
    results["edit_to_view_sample_seconds"] = edit_latency(ROOT / "catalogue", work)
    results["lighthouse"] = lighthouse(sample_site, work)
    results["lighthouse_worst"] = lighthouse_worst(results["lighthouse"])
    return results


def build_sample(work: Path) -> Path:
    """The shipped sample catalogue built as `make site` builds it, for its recall and Lighthouse."""
    site = work / "sample-site"
    subprocess.run(
        [PY, str(ROOT / "scripts" / "build.py"), "--catalogue", str(ROOT / "catalogue"), "--site-dir", str(site)],
        check=True,
        env=ENV,
        stderr=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    return site


def run_piece(args) -> dict:
    """One piece of the bench alone (`--only`), to measure while working: its results only."""
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if args.only == "quarter":
        return {"quarter": quarter_city(work, args.runs)}
    if args.only == "validation":
        return {"validation_seconds": validation(synth(work / "city", args.scale), args.runs)}
    if args.only == "first-query":
        site = work / "ours"
        ours(synth(work / "city", args.scale), site, work / "cache")
        from playwright.sync_api import sync_playwright

        with serving(site) as base, sync_playwright() as p:
            browser = launch_chromium(p)
            first = first_queries(browser, base)
            browser.close()
        return {"first_query_bytes": first}
    if args.only == "serve":
        city = synth(work / "city", args.scale)
        return {"edit_to_view_seconds": edit_latency(city, work), "edit_to_view_sample_seconds": edit_latency(ROOT / "catalogue", work)}
    sample_site = build_sample(work)
    found = lighthouse(sample_site, work)
    return {"lighthouse": found, "lighthouse_worst": lighthouse_worst(found)}


GOALS = [
    ("ours / naive build time", lambda r: r["ratio_ours_naive"], "≤ 0.35", lambda v: v <= 0.35),
    ("ours / floor build time", lambda r: r["ratio_ours_floor"], "≤ 1.2", lambda v: v <= 1.2),
    (
        "largest page laid out, without JSON-LD (bytes)",
        lambda r: r["html_bytes"]["largest_laid_out"],
        "≤ 100 KB",
        lambda v: v <= 100 * 1024,
    ),
    ("largest page sent, gzip (bytes)", lambda r: r["html_bytes"]["largest_sent"], "≤ 30 KB", lambda v: v <= 30 * 1024),
    ("first Chinese query (bytes)", lambda r: r["first_query_bytes"]["zh"], "< 600 KB", lambda v: v < 600 * 1024),
    ("first English query (bytes)", lambda r: r["first_query_bytes"]["en"], "< 600 KB", lambda v: v < 600 * 1024),
    ("validation (s)", lambda r: r["validation_seconds"]["median"], "< 5 s", lambda v: v < 5),
    ("ours / text floor, cold", lambda r: r["ratio_ours_text_floor"], "≤ 2.0", lambda v: v <= 2.0),
    (
        "ours / text floor, cold, ¼ city (median of pairs)",
        lambda r: r["quarter"]["ratio_ours_text_floor"]["median"],
        "≤ 2.0",
        lambda v: v <= 2.0,
    ),
    ("ours warm, nothing changed / text floor", lambda r: r["ratio_warm_text_floor"], "≤ 0.5", lambda v: v <= 0.5),
    ("ours warm / text floor, ¼ city", lambda r: r["quarter"]["ratio_warm_text_floor"]["median"], "≤ 0.5", lambda v: v <= 0.5),
    ("peak memory, ours (MB)", lambda r: r["ours"]["peak_mb"], "≤ 1024", lambda v: v <= 1024),
    ("build time growth exponent", lambda r: r["growth"]["exponent"], "≤ 1.1", lambda v: v <= 1.1),
    ("search recall@5, sample", lambda r: r["recall_sample"]["recall"], "≥ 0.95", lambda v: v >= 0.95),
    ("search recall@5, synthetic", lambda r: r["recall_synthetic"]["recall"], "≥ 0.95", lambda v: v >= 0.95),
    *(
        (
            f"course recall@5, {name}, {lang}",
            lambda r, key=f"course_recall_{name}", lang=lang: r[key][lang]["recall"],
            "≥ 0.95",
            lambda v: v >= 0.95,
        )
        for name in ("sample", "synthetic")
        for lang in ("zh", "en")
    ),
    ("edit → visible in make serve (s)", lambda r: r["edit_to_view_seconds"], "≤ 3 s", lambda v: v <= 3),
    ("edit → visible in make serve, sample (s)", lambda r: r["edit_to_view_sample_seconds"], "≤ 1 s", lambda v: v <= 1),
    ("Lighthouse performance, worst page", lambda r: r["lighthouse_worst"]["performance"][1], "≥ 95", lambda v: v >= 95),
    ("Lighthouse accessibility, worst page", lambda r: r["lighthouse_worst"]["accessibility"][1], "100", lambda v: v == 100),
    ("Lighthouse LCP, worst page (ms)", lambda r: r["lighthouse_worst"]["lcp_ms"][1], "≤ 2500", lambda v: v <= 2500),
    ("Lighthouse CLS, worst page", lambda r: r["lighthouse_worst"]["cls"][1], "≤ 0.01", lambda v: v <= 0.01),
    ("finder's first view (bytes)", lambda r: r["lighthouse_worst"]["finder_bytes"], "≤ 300 KB", lambda v: v <= 300 * 1024),
]


def table(results: dict) -> str:
    def fmt(value) -> str:
        return f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"

    lines = [
        f"Measured {results['measured']} on {results['cores']} cores; pages per language: "
        f"{results['pages_per_language']['zh']} zh, {results['pages_per_language']['en']} en.",
        "",
        "| build | median s | min s | max s | peak MB |",
        "|---|---|---|---|---|",
    ]
    for name in ("ours", "ours_warm", "naive", "floor", "text_floor"):
        s = results[name]["seconds"]
        lines.append(f"| {name} | {fmt(s['median'])} | {fmt(s['min'])} | {fmt(s['max'])} | {fmt(results[name]['peak_mb'])} |")
    lines += ["", "| measure | value | goal | met |", "|---|---|---|---|"]
    for label, get, goal, ok in GOALS:
        value = get(results)
        lines.append(f"| {label} | {fmt(value)} | {goal} | {'yes' if ok(value) else '**no**'} |")
    lines += [
        "",
        f"Median HTML page: {fmt(results['html_bytes']['median'])} bytes (naive: {fmt(results['naive_html_bytes_median'])}); "
        f"largest: `{results['html_bytes']['largest_page']}`. Naive's search index: {fmt(results['naive_search_index_bytes'] or 0)} bytes.",
        "Growth: " + ", ".join(f"{p['pages']} pages {p['seconds']:.1f} s" for p in results["growth"]["points"]) + ".",
        "",
        lighthouse_table(results["lighthouse"]),
    ]
    return "\n".join(lines)


def lighthouse_table(found: dict) -> str:
    lines = [
        "| page (sample catalogue) | performance zh / en | accessibility zh / en | LCP ms zh / en | CLS zh / en | bytes zh / en |",
        "|---|---|---|---|---|---|",
    ]
    for kind in found["zh"]:
        zh, en = found["zh"][kind], found["en"][kind]
        cells = [
            f"{zh[f]} / {en[f]}"
            if f in ("performance", "accessibility")
            else f"{zh[f]:,.0f} / {en[f]:,.0f}"
            if f != "cls"
            else f"{zh[f]:.3f} / {en[f]:.3f}"
            for f in ("performance", "accessibility", "lcp_ms", "cls", "bytes")
        ]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="alternating runs of each build (2 keeps make bench under 25 minutes)")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the city-scale catalogue (1 = full)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--naive-runs", type=int, default=1, help="runs of the naive build (5 minutes each at city scale)")
    parser.add_argument(
        "--only", choices=["quarter", "serve", "lighthouse", "validation", "first-query"], help="one piece alone, printed as JSON"
    )
    parser.add_argument("--work", default="/tmp/learning-city-bench")
    args = parser.parse_args()
    if args.only:
        results = run_piece(args)
        print(json.dumps(results, ensure_ascii=False, indent=2))
        if args.json:
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return 0
    results = run(args)
    if args.json:  # first: a long run's figures are kept even if the table cannot be printed
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
