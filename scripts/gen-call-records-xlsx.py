#!/usr/bin/env python3
"""Generates a month of call records as an .xlsx of the houqin template (CC-8, `make bench-import`): one sheet, the
header row in shared strings, every data cell an inline string but the talk seconds (a number), written as a stream
so a million rows take little memory here too. FILE.totals.json gets {rows, agents: {id: {calls, answered,
talk_seconds}}}, as scripts/gen-call-records.mjs writes for its CSV.

    python3 scripts/gen-call-records-xlsx.py --out FILE [--rows 1000000] [--agents 200] [--month 2026-11]

Agent IDs 8001.. take turns; calls spread evenly over the month's days from 09:00; about 70% answered (10..599 talk
seconds, result 成功访问 for half of them); every call id (话单编号) is distinct. The same file on every run.
"""
import argparse
import calendar
import json
import zipfile

HEADER = ["工号", "被叫号码", "开始时间", "应答时间", "结束时间", "通话秒数", "结果", "话单编号"]
COLUMNS = "ABCDEFGH"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--agents", type=int, default=200)
    parser.add_argument("--month", default="2026-11")
    args = parser.parse_args()
    year, month = (int(part) for part in args.month.split("-"))
    days = calendar.monthrange(year, month)[1]
    per_day = -(-args.rows // days)
    totals = {}
    seed = 20261101

    def clock(day, seconds):
        return f"{args.month}-{day:02d} {seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"

    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            f'workbook.xml" ContentType="{CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{CT}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
            f'ContentType="{CT}.sharedStrings+xml"/></Types>'))
        package.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        package.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets><sheet '
            'name="话单" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        package.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            f'Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
        strings = "".join(f"<si><t>{name}</t></si>" for name in HEADER)
        package.writestr("xl/sharedStrings.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="{len(HEADER)}" '
            f'uniqueCount="{len(HEADER)}">{strings}</sst>'))
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>'.encode())
            header = "".join(f'<c r="{COLUMNS[i]}1" t="s"><v>{i}</v></c>' for i in range(len(HEADER)))
            sheet.write(f'<row r="1">{header}</row>'.encode())
            buffer = []
            for serial in range(args.rows):
                seed = (seed * 1103515245 + 12345) % 2147483648
                agent = str(8001 + serial % args.agents)
                day = 1 + serial // per_day
                start = 9 * 3600 + (serial % per_day) * 30000 // per_day
                answered = seed % 10 < 7
                talk = 10 + seed // 10 % 590 if answered else 0
                outcome = ("成功访问" if seed // 7 % 2 == 0 else "已接通") if answered else "未接通"
                cells = [agent, f"13{seed % 1000000000:09d}", clock(day, start),
                         clock(day, start + 5) if answered else "", clock(day, start + 5 + talk), talk, outcome,
                         f"c{serial:09d}"]
                total = totals.setdefault(agent, {"calls": 0, "answered": 0, "talk_seconds": 0})
                total["calls"] += 1
                total["answered"] += 1 if answered else 0
                total["talk_seconds"] += talk
                r = serial + 2
                row = "".join(
                    f'<c r="{COLUMNS[i]}{r}"><v>{cell}</v></c>' if isinstance(cell, int)
                    else f'<c r="{COLUMNS[i]}{r}" t="inlineStr"><is><t>{cell}</t></is></c>'
                    for i, cell in enumerate(cells))
                buffer.append(f'<row r="{r}">{row}</row>')
                if len(buffer) == 10000:
                    sheet.write("".join(buffer).encode())
                    buffer.clear()
            sheet.write(("".join(buffer) + "</sheetData></worksheet>").encode())
    with open(args.out + ".totals.json", "w", encoding="utf-8") as out:
        json.dump({"rows": args.rows, "agents": totals}, out)


if __name__ == "__main__":
    main()
