#!/usr/bin/python3
"""Reads a workbook with openpyxl and prints what a spreadsheet user sees, as
JSON: {"sheets": [name, ...], "created": "1980-01-01T00:00:00", "<name>":
{"freeze": "A2", "autofilter": "A1:K3", "rows": [[{"value": v, "type":
"s"|"n"|"b", "link": url|null}]]}}.

usage: xlsx_dump.py FILE
"""
import json
import sys

import openpyxl


def main():
    workbook = openpyxl.load_workbook(sys.argv[1])
    out = {"sheets": workbook.sheetnames, "created": workbook.properties.created.isoformat()}
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows():
            rows.append([{"value": cell.value, "type": cell.data_type,
                          "link": cell.hyperlink.target if cell.hyperlink else None} for cell in row])
        out[sheet.title] = {"freeze": sheet.freeze_panes, "autofilter": sheet.auto_filter.ref, "rows": rows}
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
