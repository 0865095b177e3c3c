#!/usr/bin/env python3
"""The HTML export in a real browser: a round with Zoë, 李 and محمد is run in tmux, exported
as HTML, opened in headless Chromium, which writes a screenshot (to look at) and the DOM as
it built it. The DOM is read back: every person's row of the equality table holds the same
time, share and fair share as the JSON export, and the shares add up to 100.0 %.

    python3 Tests/browser/html_check.py .build/debug/thinkenv [--keep DIR]

Without Chromium the check says so and fails when THINKENV_REQUIRE_BROWSER=1 (CI installs
it), else it is skipped.
"""

import html.parser
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "e2e"))

from harness import Failure, Sandbox, check, excerpt  # noqa: E402

PEOPLE = ["Zoë", "李", "محمد", "Ben"]


class Tables(html.parser.HTMLParser):
    """The text of every table cell, by section id, table and row."""

    def __init__(self):
        super().__init__()
        self.section = None
        self.tables = {}  # section id -> [table: [row: [cell]]]
        self.cell = None
        self.svg_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id")
        elif tag == "svg":
            self.svg_depth += 1
        elif self.svg_depth:
            return
        elif tag == "table":
            self.tables.setdefault(self.section, []).append([])
        elif tag == "tr" and self.section in self.tables:
            self.tables[self.section][-1].append([])
        elif tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg_depth -= 1
        elif tag in ("td", "th") and self.cell is not None and self.section in self.tables:
            self.tables[self.section][-1][-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome-headless-shell"):
        path = shutil.which(name)
        if path:
            return path
    return None


def clock(seconds):
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def run_round(sb):
    p = sb.start("run", "round", "--people", ", ".join(PEOPLE), "--turn", "1m",
                 "--question", "What is going well for you at the moment?")
    sb.wait_for(p, "Space begins")
    sb.keys(p, "Space")
    for pause in (2.2, 1.1, 3.3, 0.4):
        time.sleep(pause)
        sb.keys(p, "Space")
    sb.wait_for(p, "Every step is done")
    sb.keys(p, "q")
    check(sb.wait_exit(p) == 0, "the round did not end cleanly")


def main(argv):
    binary = os.path.abspath(argv[1] if len(argv) > 1 else ".build/debug/thinkenv")
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    chromium = browser()
    if chromium is None:
        message = "no Chromium here: apt-get install chromium"
        if os.environ.get("THINKENV_REQUIRE_BROWSER") == "1":
            print(f"FAIL html_check: {message}")
            return 1
        print(f"skipped html_check: {message}")
        return 0
    try:
        with Sandbox(binary, "browser") as sb:
            run_round(sb)
            out = keep or os.path.join(sb.root, "out")
            os.makedirs(out, exist_ok=True)
            page = os.path.join(out, "round.html")
            exported = subprocess.run([binary, "export", "latest", "--format", "html", "--output", page],
                                      env=sb.env, capture_output=True, text=True)
            check(exported.returncode == 0, f"export: {exported.stderr}")
            check(os.stat(page).st_mode & 0o777 == 0o600, "the page is not readable by its owner only")
            figures = json.loads(subprocess.run([binary, "export", "latest", "--format", "json"],
                                                env=sb.env, capture_output=True, text=True, check=True).stdout)
            shot = os.path.join(out, "round.png")
            flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     f"--user-data-dir={os.path.join(sb.root, 'chromium')}"]
            subprocess.run(flags + [f"--screenshot={shot}", "--window-size=900,1400", "file://" + page],
                           capture_output=True, timeout=120)
            check(os.path.exists(shot) and os.path.getsize(shot) > 10_000, "no screenshot was written")
            dom = subprocess.run(flags + ["--dump-dom", "file://" + page], capture_output=True, text=True,
                                 timeout=120).stdout
            check("<section id=\"equality\">" in dom, f"the browser's DOM has no equality section:{dom[:300]}")
            tables = Tables()
            tables.feed(dom)
            equality = tables.tables.get("equality", [[]])[0]
            header, rows = equality[0], equality[1:-1]
            check(header[:4] == ["Person", "Time", "Share", "Fair share"], f"equality header {header}")
            check([row[0] for row in rows] == PEOPLE, f"the rows' names as the browser read them: {rows}")
            shares = 0.0
            for row, person in zip(rows, figures["equality"]["people"]):
                want_time = clock(person["speaking"])
                want_share = f"{person['share'] // 10}.{person['share'] % 10}%"
                check(row[1] == want_time and row[2] == want_share and row[3] == clock(person["fairShare"]),
                      f"{row[0]}: the page says {row[1:4]}, the JSON {want_time}, {want_share}")
                shares += float(row[2].rstrip("%"))
            check(abs(shares - 100.0) < 1e-9, f"the shares add up to {shares:.1f} %")
            check(all(name in dom for name in PEOPLE), "a name is missing from the DOM")
            print(f"ok  html_check (screenshot: {shot})")
            return 0
    except Failure as e:
        print(f"FAIL html_check: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
