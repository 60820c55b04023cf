import datetime as dt

import pytest

from nightly_reconciliation import BankLine, Payout, SettlementLine, match_payouts, to_cents

DAY = dt.date(2026, 11, 16)


def payout(payout_id: str, *gross_and_fee: tuple[int, int]) -> Payout:
    result = Payout(payout_id, DAY)
    for index, (gross, fee) in enumerate(gross_and_fee):
        result.lines.append(SettlementLine(payout_id, f"pay_{index}", f"KC-{index}", gross, fee, "EUR", DAY))
    return result


def test_to_cents_reads_both_decimal_styles():
    assert to_cents("1234.56") == 123456
    assert to_cents("1.234,56") == 123456
    assert to_cents("-12,30") == -1230


def test_matches_on_payout_id_in_bank_reference():
    result = match_payouts([payout("b_81ZQ", (10_000, 150))], [BankLine("NORTHPAY b_81ZQ", 9_850, DAY)])
    assert list(result.matched) == ["b_81ZQ"]
    assert result.matched_by_amount == []


def test_falls_back_to_amount_and_says_so():
    result = match_payouts([payout("b_81ZQ", (10_000, 150))], [BankLine("NP-0093321", 9_850, DAY)])
    assert result.matched_by_amount == ["b_81ZQ"]


@pytest.mark.xfail(reason="amount fallback takes the first bank line of equal amount", strict=True)
def test_two_payouts_of_equal_amount_are_not_swapped():
    first, second = payout("b_1", (10_000, 150)), payout("b_2", (10_000, 150))
    bank = [BankLine("NP-2", 9_850, DAY), BankLine("NP-1", 9_850, DAY)]
    result = match_payouts([first, second], bank)
    assert result.matched["b_1"].bank_reference == "NP-1"
