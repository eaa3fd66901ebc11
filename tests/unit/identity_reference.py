#!/usr/bin/python3
"""An independent reference for PowerDesk's identity validators (stdlib only).

Written from the standards, not from the C++ (core/src/identity_*.cpp):
GB 11643-1999 (ISO 7064 MOD 11-2) for resident ID numbers, GB 32100-2015
(MOD 31) and GB 11714 for unified social credit codes. It generates a fixed
set of about 2,000 random resident IDs and credit codes, valid and invalid,
with the check characters and the issue codes the validators must report,
into tests/fixtures/identity-differential.tsv. The GoogleTest
IdentityDifferential.EveryCaseOfTheReferenceFile runs every line through the
C++ validators; the ctest `identity_differential` regenerates the file and
fails if it differs from the committed one, so the file cannot drift from
this reference.

  identity_reference.py generate FILE   write the cases
  identity_reference.py check FILE      regenerate and compare (exit 1 on a difference)

Lines (tab-separated; '#' starts a comment line):
  id    INPUT  CHECK  ISSUES  BIRTH  SEX  AGE
  uscc  INPUT  CHECK  ORGCHECK  ISSUES
CHECK is the check character computed from the input's first 17 characters
(ORGCHECK that of characters 9-16), '-' when the input cannot have one.
ISSUES are the codes the validator reports, sorted, each with its severity
(PD_X:error), ',' separated; '-' for none. BIRTH/SEX/AGE describe a valid ID
('-' otherwise). Resident IDs are checked on TODAY with no region-code list
(so only the province prefix is checked); credit codes with none either.
"""
import datetime
import random
import sys

TODAY = datetime.date(2025, 6, 30)
SEED = 20250630
N_IDS = 1000
N_USCC = 1000

# --- GB 11643-1999 -----------------------------------------------------------
ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
assert ID_WEIGHTS == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17):
    """ISO 7064 MOD 11-2: the check value c makes (sum + c) % 11 == 1."""
    s = sum(int(ch) * w for ch, w in zip(first17, ID_WEIGHTS))
    c = (12 - s % 11) % 11
    return "X" if c == 10 else str(c)


PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
assert len(PROVINCES) == 34


def id_expect(text):
    """(check, issues, birth, sex, age) for a resident ID as the validator must see it."""
    norm = text.strip()
    if len(norm) == 18 and norm[17] == "x":
        norm = norm[:17] + "X"
    if len(norm) != 18 or not norm[:17].isdigit() or not (norm[17].isdigit() or norm[17] == "X"):
        return "-", ["PD_RESIDENT_ID_INVALID:error"], "-", "-", "-"
    issues = []
    if int(norm[:2]) not in PROVINCES:
        issues.append("PD_DIVISION_CODE_UNKNOWN:error")
    y, m, d = int(norm[6:10]), int(norm[10:12]), int(norm[12:14])
    birth = None
    try:
        birth = datetime.date(y, m, d)
    except ValueError:
        pass
    if birth is None or birth < datetime.date(1900, 1, 1) or birth > TODAY:
        issues.append("PD_RESIDENT_ID_BIRTH_DATE:error")
        birth = None
    check = id_check(norm[:17])
    if check != norm[17]:
        issues.append("PD_RESIDENT_ID_CHECKSUM:error")
    if issues:
        return check, issues, "-", "-", "-"
    sex = "M" if int(norm[16]) % 2 else "F"
    age = TODAY.year - birth.year - ((TODAY.month, TODAY.day) < (birth.month, birth.day))
    return check, issues, birth.isoformat(), sex, str(age)


def random_id(rng):
    kind = rng.random()
    if kind < 0.03:  # wrong length
        return "".join(rng.choice("0123456789") for _ in range(rng.choice([15, 17, 19])))
    if kind < 0.05:  # a letter inside
        s = list("".join(rng.choice("0123456789") for _ in range(18)))
        s[rng.randrange(17)] = rng.choice("ABXx")
        return "".join(s)
    prov = rng.choice(sorted(PROVINCES)) if rng.random() < 0.9 else rng.choice([0, 10, 16, 29, 99])
    region = f"{prov:02d}{rng.randrange(10000):04d}"
    r = rng.random()
    if r < 0.8:  # a real date
        day = datetime.date(1900, 1, 1) + datetime.timedelta(days=rng.randrange((TODAY - datetime.date(1900, 1, 1)).days + 1))
        birth = day.strftime("%Y%m%d")
    elif r < 0.87:  # 29 February, leap or not
        birth = f"{rng.choice([1900, 1996, 2000, 2023, 2024, 2100])}0229"
    elif r < 0.94:  # after today, or before 1900
        birth = rng.choice([f"{rng.randrange(2025, 2100)}{rng.randrange(1, 13):02d}01", f"18{rng.randrange(100):02d}0101",
                            "20250701", "20250630"])
    else:  # month or day out of range
        birth = f"{rng.randrange(1950, 2020)}{rng.choice(['00', '13', '02', '04'])}{rng.choice(['00', '31', '30', '32'])}"
    first17 = region + birth + f"{rng.randrange(1000):03d}"
    check = id_check(first17)
    if rng.random() < 0.3:
        check = rng.choice([c for c in "0123456789X" if c != check])
    if check == "X" and rng.random() < 0.3:
        check = "x"
    return first17 + check


# --- GB 32100-2015 / GB 11714 ------------------------------------------------
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
assert len(ALPHABET) == 31
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
assert USCC_WEIGHTS == [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check(first17):
    s = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS))
    return ALPHABET[-s % 31]


def org_value(ch):
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def org_check(first8):
    c = 11 - sum(org_value(ch) * w for ch, w in zip(first8, ORG_WEIGHTS)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


# Authority/type pairs of GB 32100-2015 itself, and pairs in no table.
KNOWN_PAIRS = ["11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "Y1"]
UNKNOWN_PAIRS = ["94", "Y2", "B1", "C1", "01", "X9"]


def uscc_expect(text):
    norm = text.strip().upper()
    if len(norm) != 18 or any(ch not in ALPHABET for ch in norm) or not norm[2:8].isdigit():
        return "-", "-", ["PD_USCC_INVALID:error"]
    issues = []
    if norm[:2] in UNKNOWN_PAIRS:
        issues.append("PD_USCC_TYPE_UNKNOWN:warning")
    if norm[2:8] != "100000" and int(norm[2:4]) not in PROVINCES:
        issues.append("PD_DIVISION_CODE_UNKNOWN:warning")
    org = org_check(norm[8:16])
    if org != norm[16]:
        issues.append("PD_USCC_CHECKSUM:warning")
    check = uscc_check(norm[:17])
    if check != norm[17]:
        issues.append("PD_USCC_CHECKSUM:warning")
    return check, org, issues


def random_uscc(rng):
    kind = rng.random()
    if kind < 0.03:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.choice([15, 17, 19])))
    if kind < 0.06:  # a letter the code never uses, or a letter in the region code
        s = list(random_uscc_valid(rng))
        if rng.random() < 0.5:
            s[rng.randrange(18)] = rng.choice("IOSVZ")
        else:
            s[rng.randrange(2, 8)] = rng.choice("ABC")
        return "".join(s)
    return random_uscc_valid(rng)


def random_uscc_valid(rng):
    pair = rng.choice(KNOWN_PAIRS) if rng.random() < 0.9 else rng.choice(UNKNOWN_PAIRS)
    r = rng.random()
    if r < 0.05:
        region = "100000"
    elif r < 0.95:
        region = f"{rng.choice(sorted(PROVINCES)):02d}{rng.randrange(10000):04d}"
    else:
        region = f"{rng.choice([0, 10, 19, 99]):02d}{rng.randrange(1, 10000):04d}"
    body = "".join(rng.choice(ALPHABET) for _ in range(8))
    org = org_check(body)
    if rng.random() < 0.15:
        org = rng.choice([c for c in "0123456789X" if c != org])
    first17 = pair + region + body + org
    check = uscc_check(first17)
    if rng.random() < 0.25:
        check = rng.choice([c for c in ALPHABET if c != check])
    code = first17 + check
    if rng.random() < 0.05:
        code = code.lower()
    return code


def generate():
    rng = random.Random(SEED)
    lines = [
        "# Generated by tests/unit/identity_reference.py (seed %d, today %s); do not edit."
        % (SEED, TODAY.isoformat()),
        "# Checked line by line by tests/unit/identity_test.cpp (IdentityDifferential).",
    ]
    for _ in range(N_IDS):
        text = random_id(rng)
        check, issues, birth, sex, age = id_expect(text)
        lines.append("\t".join(["id", text, check, ",".join(sorted(issues)) or "-", birth, sex, age]))
    for _ in range(N_USCC):
        text = random_uscc(rng)
        check, org, issues = uscc_expect(text)
        lines.append("\t".join(["uscc", text, check, org, ",".join(sorted(issues)) or "-"]))
    return "\n".join(lines) + "\n"


def self_test():
    # The standard's example and two codes checked by hand (facts sheet §8).
    assert id_check("11010519491231002") == "X"
    assert uscc_check("91350100M000100Y4") == "3" and org_check("M000100Y") == "4"
    assert uscc_check("9144030071526726X") == "G" and org_check("71526726") == "X"
    assert uscc_check("91440300192203821") == "6" and org_check("19220382") == "1"


def main(argv):
    self_test()
    if len(argv) != 3 or argv[1] not in ("generate", "check"):
        print(__doc__)
        return 2
    text = generate()
    if argv[1] == "generate":
        with open(argv[2], "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return 0
    with open(argv[2], encoding="utf-8", newline="") as f:
        committed = f.read()
    if committed != text:
        a, b = committed.splitlines(), text.splitlines()
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                print(f"line {i + 1} differs:\n  committed: {x}\n  reference: {y}")
                break
        else:
            print(f"line counts differ: committed {len(a)}, reference {len(b)}")
        print("regenerate with: tests/unit/identity_reference.py generate " + argv[2])
        return 1
    print(f"{argv[2]}: {len(text.splitlines()) - 2} cases agree with the reference")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
