#!/usr/bin/env python3
"""Fills a `patuh template` workbook through openpyxl, as a person picking from its drop-downs.

    python3 scripts/fill-template.py TEMPLATE.xlsx OUT.xlsx ROWS.json

ROWS.json is a list of rows, each an object from column header (or an indicator id, for the
header "ID. title") to a value: a text or number typed in, or {"choice": k}, the k-th entry
(from 0) of that column's drop-down list. Prints,
as JSON on stdout, every drop-down column's header and the entries of its list, resolved from
the hidden sheet its data validation points at. Installs openpyxl (pip) when it is missing.
"""
import json, re, subprocess, sys

try:
    import openpyxl
except ImportError:
    # PyPI where pip may install; else Debian's package (a system Python is "externally managed").
    if subprocess.call([sys.executable, "-m", "pip", "install", "-q", "openpyxl"]) != 0:
        subprocess.check_call(["apt-get", "install", "-y", "-qq", "python3-openpyxl"])
    import openpyxl


def main():
    template, out, rows_file = sys.argv[1:4]
    wb = openpyxl.load_workbook(template)
    ws = wb["Respon"]
    headers = [c.value for c in ws[1]]
    lists = {}
    for dv in ws.data_validations.dataValidation:
        m = re.fullmatch(r"(\w+)!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", dv.formula1 or "")
        if not m:
            continue
        sheet, col, first, _, last = m.groups()
        entries = [wb[sheet]["%s%d" % (col, r)].value for r in range(int(first), int(last) + 1)]
        for ref in str(dv.sqref).split():
            letters = re.match(r"[A-Z]+", ref).group(0)
            lists[headers[openpyxl.utils.column_index_from_string(letters) - 1]] = entries
    with open(rows_file, encoding="utf-8") as f:
        rows = json.load(f)
    for r, row in enumerate(rows, start=2):
        for key, value in row.items():
            header = key if key in headers else next(h for h in headers if h and h.startswith(key + ". "))
            c = headers.index(header) + 1
            if isinstance(value, dict):
                value = lists[header][value["choice"]]
            ws.cell(row=r, column=c, value=value)
    wb.save(out)
    json.dump(lists, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
