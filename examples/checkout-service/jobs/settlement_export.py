"""Daily settlement export for accounting: one row per order payment, refund and fee, grouped by payout.

Finance imports the CSV into the ledger every morning. Reverse-charge orders are marked so they also
land in the EU sales listing (ICP declaration).

Usage: settlement_export.py REPORT.csv ORDERS.json --out exports/settlement-2026-11-17.csv
"""
# @serves CR-105, CR-108
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from nightly_reconciliation import Payout, load_settlement_report

COLUMNS = ["payout_id", "booked_on", "order_reference", "kind", "amount_cents", "currency", "vat_treatment", "buyer_vat_id"]


def rows_for_payout(payout: Payout, orders: dict[str, dict[str, str]]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for line in payout.lines:
        order = orders.get(line.order_reference, {})
        common = {
            "payout_id": payout.payout_id,
            "booked_on": line.booked_on.isoformat(),
            "order_reference": line.order_reference,
            "currency": line.currency,
            "vat_treatment": order.get("vat_treatment", "unknown"),
            "buyer_vat_id": order.get("vat_id", ""),
        }
        # Refunds arrive as negative gross lines in the report of the day Northpay settles them, which can
        # be two days after the refund. TODO: take refunds from our own refund log instead (CR-108).
        kind = "refund" if line.gross_cents < 0 else "payment"
        rows.append({**common, "kind": kind, "amount_cents": line.gross_cents})
        if line.fee_cents:
            rows.append({**common, "kind": "fee", "amount_cents": -line.fee_cents})
    return rows


def write_export(payouts: list[Payout], orders: dict[str, dict[str, str]], out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for payout in sorted(payouts, key=lambda p: (p.paid_on, p.payout_id)):
            for row in rows_for_payout(payout, orders):
                writer.writerow(row)
                count += 1
    return count


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("orders", type=Path, help="orders of the period as exported by the order service (JSON)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    orders = {order["reference"]: order for order in json.loads(args.orders.read_text(encoding="utf-8"))}
    count = write_export(load_settlement_report(args.report), orders, args.out)
    print(f"wrote {count} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
