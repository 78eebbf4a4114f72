#!/usr/bin/env python3
"""Makes the spreadsheet fixtures of `patuh import sheet` with the real tools users have:
openpyxl (PyPI) and LibreOffice Calc headless (Debian: libreoffice-calc-nogui).

    python3 scripts/make-sheet-fixtures.py      # writes Tests/PatuhFormatsTests/Fixtures/sheets/

Installs openpyxl (pip) and LibreOffice (apt-get) when they are missing. The files it writes
are committed; tests read them without these tools. The answers are the same four
respondents throughout (see ANSWERS), so each IKM can be worked out by hand in the tests.
"""
import csv, os, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/PatuhFormatsTests/Fixtures/sheets")


def ensure_tools():
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        # PyPI where pip may install; else Debian's package (a system Python is "externally managed").
        if subprocess.call([sys.executable, "-m", "pip", "install", "-q", "openpyxl"]) != 0:
            subprocess.check_call(["apt-get", "install", "-y", "-qq", "python3-openpyxl"])
    if not shutil.which("soffice"):
        subprocess.check_call(["apt-get", "update", "-qq"])
        subprocess.check_call(["apt-get", "install", "-y", "-qq", "libreoffice-calc-nogui"])


NS = {"p": "urn:patuh:1"}


def rubric_labels(rubric_id):
    """Each indicator's Indonesian level labels, by value, from the rubric itself."""
    root = ET.parse(os.path.join(ROOT, "Rubrics", rubric_id + ".xml")).getroot()
    labels = {}
    for ind in root.iter("{urn:patuh:1}indicator"):
        labels[ind.get("id")] = {int(float(l.get("value"))): l.text for l in ind.findall("p:level", NS) if l.get("lang") == "id"}
    return labels


# Four respondents, U1..U9 (NRR 3.5 3.5 2.75 4 3.25 3.25 3.5 2.75 3.5; sum 30).
ANSWERS = [
    [4, 4, 3, 4, 3, 3, 4, 3, 4],
    [3, 3, 3, 4, 3, 3, 3, 3, 3],
    [4, 3, 2, 4, 3, 4, 4, 2, 3],
    [3, 4, 3, 4, 4, 3, 3, 3, 4],
]
TITLES = ["Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
          "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
          "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana"]
# The Google Form's numbered questions (PermenPANRB 14/2017 Lampiran), as a form shows them.
QUESTIONS = [
    "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
    "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "7. Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
]
UNIT = "DPMPTSP Provinsi Riau"


def openpyxl_book(path, sheet, rows):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)


def libreoffice_book(path, rows):
    """Rows written as CSV, then converted by LibreOffice Calc (its own XLSX writer)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".csv")
        with open(src, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        subprocess.check_call(["soffice", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
                               "--outdir", tmp, src], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.move(os.path.join(tmp, os.path.basename(path)), path)


def main():
    ensure_tools()
    os.makedirs(OUT, exist_ok=True)
    labels = rubric_labels("skm-2017")
    uids = ["U%d" % i for i in range(1, 10)]

    # 1. openpyxl, answers as labels (case and spacing as people type them), short headers.
    rows = [["Timestamp", "Unit", *["U%d %s" % (i + 1, t) for i, t in enumerate(TITLES)]]]
    for n, a in enumerate(ANSWERS):
        cells = [labels[u][v] for u, v in zip(uids, a)]
        cells[0] = cells[0].upper() if n == 0 else cells[0]
        cells[1] = "  " + cells[1].lower() + " " if n == 1 else cells[1]
        rows.append(["2023-02-%02d 09:00:00" % (13 + n), UNIT, *cells])
    openpyxl_book(os.path.join(OUT, "labels-openpyxl.xlsx"), "Respon", rows)

    # 2. LibreOffice, answers as numbers; respondent 4 left U3 blank (a missing answer, not 0).
    rows = [["Tanggal", "Unit", *uids]]
    for n, a in enumerate(ANSWERS):
        cells = [str(v) for v in a]
        if n == 3:
            cells[2] = ""
        rows.append(["%02d/03/2023" % (13 + n), UNIT, *cells])
    libreoffice_book(os.path.join(OUT, "numbers-libreoffice.xlsx"), rows)

    # 3. openpyxl, no U4 column (a form for BPJS users); numbers as numbers.
    rows = [["Tanggal", "Unit", *[u for u in uids if u != "U4"]]]
    for n, a in enumerate(ANSWERS):
        rows.append(["%02d/04/2023" % (13 + n), UNIT, *[v for u, v in zip(uids, a) if u != "U4"]])
    openpyxl_book(os.path.join(OUT, "skip-u4-openpyxl.xlsx"), "Sheet1", rows)

    # 4. LibreOffice, Sarana (U9) asked eighth and Pengaduan (U8) ninth, as one e-SKM app does.
    order = [0, 1, 2, 3, 4, 5, 6, 8, 7]
    rows = [["Tanggal", "Unit", *["%d. %s" % (k + 1, TITLES[i]) for k, i in enumerate(order)]]]
    for n, a in enumerate(ANSWERS):
        rows.append(["%02d/05/2023" % (13 + n), UNIT, *[str(a[i]) for i in order]])
    libreoffice_book(os.path.join(OUT, "swapped-libreoffice.xlsx"), rows)

    # 5. A Google Forms export: "Cap waktu", the whole numbered question texts (one with stray
    #    spaces), respondent fields in words and bands, "Lainnya" free text, an e-mail column the
    #    map ignores, and the second respondent's submission sent twice. As LibreOffice's xlsx
    #    and as the CSV download (`;`, UTF-8 with BOM).
    header = ["Cap waktu", "Alamat email", "Unit layanan", "Jenis Kelamin", "Usia", "Pendidikan Terakhir", "Pekerjaan",
              *QUESTIONS, "Saran dan masukan"]
    header[7 + 4] = "  " + header[7 + 4].replace(" tentang ", "  tentang ") + " "
    people = [["Perempuan", "26 - 35 tahun", "SLTA", "Wiraswasta"], ["Laki-laki", "36 - 45 tahun", "S1", "PNS"],
              ["Perempuan", "17 - 25 tahun", "SMA", "Pelajar/Mahasiswa"], ["Laki-laki", "46 - 55 tahun", "D3", "Ojek online"]]
    rows = [header]
    for n, a in enumerate(ANSWERS):
        # The form asks Sarana (U9) eighth and Pengaduan (U8) ninth, as QUESTIONS shows.
        cells = [labels[uids[i]][a[i]].title() if n % 2 == 0 else labels[uids[i]][a[i]] for i in order]
        rows.append(["%02d/02/2023 10:%02d:00" % (14 + n, n), "r%d@example.id" % n, "DPMPTSP", *people[n], *cells,
                     "Antrian; perlu diperbaiki" if n == 0 else ""])
        if n == 1:
            rows.append(list(rows[-1]))
    libreoffice_book(os.path.join(OUT, "gform-libreoffice.xlsx"), rows)
    with open(os.path.join(OUT, "gform.csv"), "w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)

    # Bad rows (openpyxl): rows 2-16 good, then one of each problem, named in the tests by cell.
    header = ["Cap waktu", "Unit", "Jenis kelamin", "Usia", "Pendidikan", *uids]
    rows = [header]
    for n in range(15):
        a = ANSWERS[n % 4]
        rows.append(["%02d/06/2023 08:%02d:00" % (1 + n, n), UNIT, "P", 30, "SMA", *a])
    bad = [
        (17, 5, "Sangat sesuai."),  # F17: not a label of U1
        (18, 7, 7),                 # H18: U3 = 7, out of range
        (19, 6, 5),                 # G19: U2 = 5, a 1-5 scale without a rule
        (20, 0, "31/02/2023"),      # A20: no such date
        (21, 1, "Dinas Entah"),     # B21: no such unit
    ]
    for row, col, value in bad:
        cells = ["%02d/06/2023 09:%02d:00" % (row - 16, row), UNIT, "L", 40, "S1", *ANSWERS[0]]
        cells[col] = value
        rows.append(cells)
    rows.append(list(rows[1]))      # row 22: row 2 again
    openpyxl_book(os.path.join(OUT, "bad-rows.xlsx"), "Respon", rows)

    # An assessment checklist kept in Excel (openpyxl): ombudsman-opini-2023's assessor items.
    opini = rubric_labels("ombudsman-opini-2023")
    root = ET.parse(os.path.join(ROOT, "Rubrics/ombudsman-opini-2023.xml")).getroot()
    items = [i.get("id") for i in root.iter("{urn:patuh:1}indicator") if i.get("source") != "survey"]
    rows = [["Tanggal", "Unit", "Penilai", *items]]
    rows.append(["14 Juli 2023", UNIT, "Tim 1", *[opini[i][3] for i in items]])
    rows.append(["15 Juli 2023", "Disdukcapil Provinsi Riau", "Tim 2", *[2 for _ in items]])
    openpyxl_book(os.path.join(OUT, "checklist-openpyxl.xlsx"), "Penilaian", rows)
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
