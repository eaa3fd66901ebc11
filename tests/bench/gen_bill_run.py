#!/usr/bin/env python3
"""Deterministic input for `powerdesk bill-run` benchmarks and tests.

gen_bill_run.py OUT_DIR READINGS [CUSTOMERS] [--csv]
writes OUT_DIR/customers.jsonl and OUT_DIR/readings.jsonl (or .csv):
CUSTOMERS residential customers (default = READINGS) across five regions,
flat and TOU tariffs, some low-income and large households, in 20 billing
cycles; then READINGS monthly readings cycling over the customers month by
month from January 2025 (each customer's carry-in grows with its readings).
"""
import os
import sys

REGIONS = ["zhejiang", "jiangsu", "shanghai", "beijing", "guangdong"]
TOU_PERIODS = {"zhejiang": ["peak", "valley"], "jiangsu": ["peak", "valley"], "shanghai": ["peak", "valley"],
               "beijing": ["peak", "valley"], "guangdong": None}
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    csv = "--csv" in sys.argv
    out, n = args[0], int(args[1])
    c = int(args[2]) if len(args) > 2 else n
    os.makedirs(out, exist_ok=True)
    tariffs = []
    with open(os.path.join(out, "customers.jsonl"), "w") as f:
        for i in range(c):
            region = REGIONS[i % 5]
            tou = (i // 5) % 3 == 0 and TOU_PERIODS[region] is not None
            tariff = "residential_tou" if tou else "residential"
            tariffs.append((region, tou))
            extra = ""
            if region in ("jiangsu", "beijing") and i % 17 == 0:
                extra = ', "low_income": true'
            elif i % 23 == 0:
                extra = ', "household_size": 6'
            f.write('{"customer": "C%08d", "region": "%s", "tariff": "%s", "cycle": "%s-%02d"%s}\n'
                    % (i, region, tariff, region, i % 4, extra))
    ext = "csv" if csv else "jsonl"
    with open(os.path.join(out, "readings." + ext), "w") as f:
        if csv:
            f.write("customer,start,end,kwh,kwh_peak,kwh_valley,carry_in_kwh\n")
        for r in range(n):
            i, month = r % c, (r // c) % 12
            region, tou = tariffs[i]
            kwh = 80 + (i * 37 + month * 11) % 420
            carry = (r // c) * 300 if month else 0
            start, end = "2025-%02d-01" % (month + 1), "2025-%02d-%02d" % (month + 1, DAYS[month])
            if csv:
                if tou:
                    f.write("C%08d,%s,%s,,%d,%d,%d\n" % (i, start, end, kwh * 6 // 10, kwh - kwh * 6 // 10, carry))
                else:
                    f.write("C%08d,%s,%s,%d,,,%d\n" % (i, start, end, kwh, carry))
            elif tou:
                f.write('{"customer": "C%08d", "start": "%s", "end": "%s", "kwh_peak": "%d", "kwh_valley": "%d", '
                        '"carry_in_kwh": "%d"}\n' % (i, start, end, kwh * 6 // 10, kwh - kwh * 6 // 10, carry))
            else:
                f.write('{"customer": "C%08d", "start": "%s", "end": "%s", "kwh": "%d", "carry_in_kwh": "%d"}\n'
                        % (i, start, end, kwh, carry))


if __name__ == "__main__":
    main()
