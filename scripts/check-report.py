#!/usr/bin/env python3
"""Checks report sites in a real browser (Chromium through Selenium), as a reader would use them.

  python3 scripts/check-report.py SITE_DIR...

For each site: crawls from index.html following every link (every page written must be
reached, every link must lead to a file); sorts a ranking table by clicking its score header
and filters it by typing; at 360 px checks that no page is wider than the screen outside a
table's own scroll box, that every chart label and table text is at least 11 CSS px, and that
each ranking row's category is visible without scrolling sideways; runs axe-core (from
axe-selenium-python) on the index, a region, a unit and metode.html and fails on any serious
or critical violation. Exit status 1 when any check fails.
"""
import os
import sys
from urllib.parse import urlparse, unquote

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from axe_selenium_python import Axe

failures = []


def fail(site, message):
    failures.append(f"{site}: {message}")
    print(f"  FAIL {message}")


def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def width(driver, px):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": px, "height": 800, "deviceScaleFactor": 1, "mobile": px < 600})


def url(path):
    return "file://" + os.path.abspath(path)


def crawl(driver, site):
    root = os.path.realpath(site)
    written = {os.path.relpath(os.path.join(d, f), root)
               for d, _, files in os.walk(root) for f in files if f.endswith(".html")}
    reached, queue, dead, links = {"index.html"}, ["index.html"], [], 0
    while queue:
        page = queue.pop()
        driver.get(url(os.path.join(root, page)))
        hrefs = driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href], link[href], script[src]'))"
            ".map(e => e.href || e.src)")
        for href in hrefs:
            parsed = urlparse(href)
            if parsed.scheme in ("http", "https"):
                continue
            links += 1
            target = os.path.realpath(unquote(parsed.path))
            if not target.startswith(root + os.sep) or not os.path.isfile(target):
                dead.append(f"{page} -> {href}")
                continue
            rel = os.path.relpath(target, root)
            if rel.endswith(".html") and rel not in reached:
                reached.add(rel)
                queue.append(rel)
    print(f"  crawl: {len(reached)} of {len(written)} pages reached from index.html, {links} links followed, {len(dead)} dead")
    for d in dead[:5]:
        fail(site, f"dead link {d}")
    for page in sorted(written - reached)[:5]:
        fail(site, f"{page} is not reachable from index.html")
    return sorted(written)


def sort_and_filter(driver, site):
    width(driver, 1280)
    driver.get(url(os.path.join(site, "index.html")))
    tables = driver.find_elements(By.CSS_SELECTOR, "table.sortable[id^=rank-]")
    table = max(tables, key=lambda t: len(t.find_elements(By.CSS_SELECTOR, "tbody tr")))
    header = table.find_elements(By.CSS_SELECTOR, "thead th")[2]
    values = lambda: [float(td.get_attribute("data-v") or "-inf")
                      for td in table.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(3)")]
    header.click()
    up = values()
    header.click()
    down = values()
    ok = up == sorted(up) and down == sorted(down, reverse=True) and len(up) > 1
    print(f"  sort: {len(up)} rows by score, ascending then descending on two clicks: {'ok' if ok else 'WRONG'}")
    if not ok:
        fail(site, "clicking the score header does not sort the ranking")
    box = driver.find_element(By.CSS_SELECTOR, f"input.filter[data-table='{table.get_attribute('id')}']")
    name = table.find_element(By.CSS_SELECTOR, "tbody tr td:nth-child(2)").text
    word = name.split()[-1]
    box.send_keys(word)
    shown = [r.text for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]
    ok = len(shown) >= 1 and all(word.lower() in r.lower() for r in shown)
    print(f"  filter: typing '{word}' leaves {len(shown)} of {len(up)} rows, each naming it: {'ok' if ok else 'WRONG'}")
    if not ok:
        fail(site, "typing in the filter does not filter the ranking")


PHONE = """
const wide = [], small = [];
for (const e of document.body.querySelectorAll('*')) {
  if (e.closest('.scroll') || e.closest('script')) continue;
  const r = e.getBoundingClientRect();
  if (r.width > 0 && r.right > 361) wide.push(e.tagName + '.' + e.className);
}
for (const e of document.querySelectorAll('.bar-label, .bar-value, td, th, figcaption, p, li, a')) {
  if (!e.offsetParent) continue;
  const size = parseFloat(getComputedStyle(e).fontSize);
  if (size < 11) small.push(e.tagName + ' ' + size + 'px');
}
const hidden = [];
for (const row of document.querySelectorAll('table[id^=rank-] tbody tr, .tenants tbody tr')) {
  const badge = row.querySelector('.badge');
  if (badge && badge.getBoundingClientRect().right > 361) hidden.push(row.textContent.trim().slice(0, 40));
}
return [document.documentElement.scrollWidth, wide.slice(0, 3), small.slice(0, 3), hidden.slice(0, 3)];
"""


def phone(driver, site, pages):
    width(driver, 360)
    bad = 0
    for page in pages:
        driver.get(url(os.path.join(site, page)))
        scroll_width, wide, small, hidden = driver.execute_script(PHONE)
        if scroll_width > 361 or wide or small or hidden:
            bad += 1
            fail(site, f"{page} at 360 px: width {scroll_width}, too wide {wide}, small text {small}, category off screen {hidden}")
    print(f"  360 px: {len(pages) - bad} of {len(pages)} pages fit, text >= 11 px, category visible")


def axe(driver, site, pages):
    width(driver, 1280)
    for page in pages:
        driver.get(url(os.path.join(site, page)))
        a = Axe(driver)
        a.inject()
        result = a.run()
        serious = [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]
        print(f"  axe-core {page}: {len(result['violations'])} violations, {len(serious)} serious or critical")
        for v in serious:
            fail(site, f"axe {page}: {v['id']} ({v['impact']}): {v['help']} e.g. {v['nodes'][0]['html'][:120]}")


def main(sites):
    driver = browser()
    try:
        for site in sites:
            print(f"{site}:")
            pages = crawl(driver, site)
            sort_and_filter(driver, site)
            phone(driver, site, pages)
            region = next(p for p in pages if p.startswith("region/") and p.count("/") == 1)
            unit = next((p for p in pages if p.startswith("unit/") and p.count("/") == 1), None)
            axe(driver, site, ["index.html", region] + ([unit] if unit else []) + ["metode.html"])
    finally:
        driver.quit()
    print(f"browser checks: {len(failures)} failures")
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
