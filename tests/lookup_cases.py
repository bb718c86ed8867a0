"""What people type into the product box, with the answer a careful reader of their treatment record would want.

Written from how names appear on record cards, batch stickers, clinic price lists and in patients' own words
(brand and line, line alone, lower case, volumes and units, "+"/"(+)"/"XC", makers, Hangul names, one or two
letters wrong, swapped or missing, and words that name no product), not from the lookup's output.

Each case says what should happen:
- ``"<product id>"``: that product, taken as certain;
- ``"offer:<product id>"``: a misspelling: that product is offered as "did you mean ...?" (or taken, when the
  spelling is a known alias of it);
- ``"brand:<material id>"``: a brand or maker named without a line, whose lines all get the same answer;
- ``"offer-brand:<material id>"``: such a brand misspelt: offered with its lines, never taken;
- ``"ask"``: a maker or brand whose lines differ (fillers and toxins): its lines are offered;
- ``"material:<material id>"``: a material, not a product;
- ``"unknown"``: names no product in the catalogue: the honest "we cannot tell" answer.

``judge`` says how an answer fares: right; offered (an exact name that was only offered, among others, not
taken); unknown (said it cannot tell); or wrong (a different product or material, or a product for words that
name none). The pytest table (tests/test_lookup.py), the report
(scripts/lookup_report.py) and the benchmark (bench/resolver.py) all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal["right", "offered", "unknown", "wrong"]
UNSURE = ("generic", "not_found", "empty")


@dataclass(frozen=True)
class Case:
    typed: str
    expect: str
    group: str


def _cases(group: str, *pairs: tuple[str, str]) -> list[Case]:
    return [Case(typed, expect, group) for typed, expect in pairs]


FULL_NAMES = _cases(
    "full name as on a record",
    ("Juvéderm Voluma XC", "juvederm-voluma-xc"),
    ("Juvederm Voluma with Lidocaine", "juvederm-voluma-xc"),
    ("JUVEDERM VOLBELLA XC", "juvederm-volbella-xc"),
    ("Juvéderm Vollure XC", "juvederm-vollure-xc"),
    ("Juvederm Volift with Lidocaine", "juvederm-vollure-xc"),
    ("Juvéderm Volux XC", "juvederm-volux-xc"),
    ("Juvederm Volite", "skinvive-by-juvederm"),
    ("SKINVIVE by Juvéderm", "skinvive-by-juvederm"),
    ("Juvederm Ultra XC", "juvederm-ultra-xc"),
    ("Juvéderm Ultra Plus XC", "juvederm-ultra-plus-xc"),
    ("Juvederm Ultra 3", "juvederm-ultra-3"),
    ("Juvederm Ultra 4 with lidocaine", "juvederm-ultra-4"),
    ("Juvéderm Ultra 2", "juvederm-ultra-2"),
    ("Restylane Lyft with Lidocaine", "restylane-lyft"),
    ("Restylane-L", "restylane"),
    ("Restylane Kysse", "restylane-kysse"),
    ("Restylane Defyne", "restylane-defyne"),
    ("Restylane Refyne", "restylane-refyne"),
    ("Restylane Silk", "restylane-silk"),
    ("Restylane Contour", "restylane-contour"),
    ("Restylane Eyelight", "restylane-eyelight"),
    ("Restylane Shaype", "restylane-shaype"),
    ("Restylane Volyme", "restylane-volyme"),
    ("Restylane Vital", "restylane-skinboosters-vital"),
    ("Restylane Skinboosters Vital Light", "restylane-skinboosters-vital-light"),
    ("Restylane Lyps Lidocaine", "restylane-lyps-lidocaine"),
    ("Restylane Perlane", "restylane-lyft"),
    ("Belotero Balance (+) Lidocaine", "belotero-balance"),
    ("Belotero Intense", "belotero-intense"),
    ("Belotero Volume", "belotero-volume"),
    ("Belotero Soft", "belotero-soft"),
    ("Belotero Revive", "belotero-revive"),
    ("Belotero Hydro", "belotero-hydro"),
    ("Teosyal RHA 2", "teosyal-rha-2"),
    ("Teosyal RHA 4", "teosyal-rha-4"),
    ("RHA Redensity", "rha-redensity"),
    ("Teosyal Redensity 2", "teosyal-puresense-redensity-2"),
    ("Teosyal PureSense Kiss", "teosyal-puresense-kiss"),
    ("Teosyal Ultra Deep", "teosyal-puresense-ultra-deep"),
    ("Teosyal PureSense Global Action", "teosyal-puresense-global-action"),
    ("Revanesse Versa+", "revanesse-versa"),
    ("Revanesse Ultra", "revanesse-ultra"),
    ("Stylage XL Lidocaine", "stylage-xl-lidocaine"),
    ("Saypha Volume Plus Lidocaine", "saypha-volume-plus-lidocaine"),
    ("Princess Volume", "saypha-volume"),
    ("Saypha Lips", "saypha-lips-lidocaine"),
    ("Profhilo Structura", "profhilo-structura"),
    ("Profhilo Body", "profhilo-body"),
    ("Aliaxin SR", "aliaxin-sr"),
    ("Aliaxin Lips Volume", "aliaxin-lv"),
    ("Emervel Deep", "emervel-deep"),
    ("Emervel Lips", "restylane-kysse"),
    ("YVOIRE volume plus", "yvoire-volume-plus"),
    ("Yvoire Classic", "yvoire-classic"),
    ("Neuramis Deep", "neuramis-deep-lidocaine"),
    ("Neuramis Volume Lidocaine", "neuramis-volume-lidocaine"),
    ("e.p.t.q. S300", "eptq-s300"),
    ("Elravie Deep Line", "elravie-deep-line"),
    ("Radiesse (+)", "radiesse-plus"),
    ("Radiesse (+) Lidocaine", "radiesse-plus"),
    ("Sculptra Aesthetic", "sculptra"),
    ("Ellansé M", "ellanse-m"),
    ("Ellanse S", "ellanse-s"),
    ("Rejuran Healer", "rejuran-healer"),
    ("Rejuran S", "rejuran-s"),
    ("HArmonyCa", "harmonyca"),
    ("Botox Cosmetic", "botox"),
    ("Dysport", "dysport"),
    ("Azzalure", "azzalure"),
    ("Alluzience", "alluzience"),
    ("Xeomin", "xeomin"),
    ("Bocouture", "bocouture"),
    ("Jeuveau", "jeuveau"),
    ("Nuceiva", "jeuveau"),
    ("Daxxify", "daxxify"),
    ("Letybo", "letybo"),
    ("Relfydess", "relfydess"),
    ("Meditoxin", "meditoxin"),
    ("Innotox", "innotox"),
    ("Coretox", "coretox"),
    ("Myobloc", "myobloc"),
    ("AestheFill", "aesthefill"),
    ("Bellafill", "bellafill"),
    ("Aquamid", "aquamid"),
    ("Juvelook", "juvelook"),
    ("Plinest", "plinest"),
    ("Macrolane", "macrolane"),
    ("Gouri", "gouri"),
)

LINE_ALONE = _cases(
    "line or local name alone",
    ("Voluma", "juvederm-voluma-xc"),
    ("Volbella", "juvederm-volbella-xc"),
    ("Vollure", "juvederm-vollure-xc"),
    ("Volift", "juvederm-vollure-xc"),
    ("Volux", "juvederm-volux-xc"),
    ("Volite", "skinvive-by-juvederm"),
    ("Skinvive", "skinvive-by-juvederm"),
    ("Lyft", "restylane-lyft"),
    ("Perlane", "restylane-lyft"),
    ("Kysse", "restylane-kysse"),
    ("Defyne", "restylane-defyne"),
    ("Refyne", "restylane-refyne"),
    ("Eyelight", "restylane-eyelight"),
    ("Shaype", "restylane-shaype"),
    ("Volyme", "restylane-volyme"),
    ("RHA 3", "teosyal-rha-3"),
    ("Redensity 1", "teosyal-puresense-redensity-1"),
    ("Versa", "revanesse-versa"),
    ("Profhilo", "profhilo"),
    ("Radiesse", "radiesse"),
    ("Sculptra", "sculptra"),
    ("Artefill", "bellafill"),
    ("Botox", "botox"),
    ("Vistabel", "botox"),
    ("Nabota", "jeuveau"),
    ("Botulax", "letybo"),
    ("Neuronox", "meditoxin"),
    ("Hutox", "liztox"),
    ("Liztox", "liztox"),
    ("Newfill", "sculptra"),
)

LOWER_CASE = _cases(
    "lower case, no accents",
    ("juvederm voluma", "juvederm-voluma-xc"),
    ("juvederm volbella xc", "juvederm-volbella-xc"),
    ("juvederm ultra plus", "juvederm-ultra-plus-xc"),
    ("restylane kysse", "restylane-kysse"),
    ("restylane lyft", "restylane-lyft"),
    ("teosyal rha 3", "teosyal-rha-3"),
    ("teosyal rha2", "teosyal-rha-2"),
    ("rha4", "teosyal-rha-4"),
    ("belotero balance", "belotero-balance"),
    ("belotero intense lidocaine", "belotero-intense"),
    ("radiesse plus", "radiesse-plus"),
    ("sculptra", "sculptra"),
    ("ellanse l", "ellanse-l"),
    ("botox", "botox"),
    ("dysport", "dysport"),
    ("xeomin", "xeomin"),
    ("daxxify", "daxxify"),
    ("jeuveau", "jeuveau"),
    ("profhilo", "profhilo"),
    ("skinvive", "skinvive-by-juvederm"),
    ("harmonyca", "harmonyca"),
    ("revanesse versa", "revanesse-versa"),
    ("saypha volume", "saypha-volume"),
    ("yvoire hydro", "yvoire-hydro"),
    ("eptq s500", "eptq-s500"),
    ("neuramis light", "neuramis-light-lidocaine"),
    ("aliaxin fl", "aliaxin-fl"),
    ("rejuran healer", "rejuran-healer"),
)

UNITS_AND_MARKS = _cases(
    "volumes, units, plus signs, XC",
    ("Juvederm Volbella XC 0.55ml", "juvederm-volbella-xc"),
    ("Juvederm Volbella 0.55 ml", "juvederm-volbella-xc"),
    ("Juvéderm® VOLUMA® XC 1ml", "juvederm-voluma-xc"),
    ("2 x 1ml Voluma", "juvederm-voluma-xc"),
    ("Voluma 2ml", "juvederm-voluma-xc"),
    ("Restylane Kysse 1 ml", "restylane-kysse"),
    ("Restylane Lyft 1ml syringe", "restylane-lyft"),
    ("Teosyal RHA 2 1ml", "teosyal-rha-2"),
    ("Belotero Balance+", "belotero-balance"),
    ("Belotero Balance (+)", "belotero-balance"),
    ("Radiesse +", "radiesse-plus"),
    ("Radiesse(+) 1.5cc", "radiesse-plus"),
    ("radiesse+ 1.5 ml", "radiesse-plus"),
    ("Radiesse 1.5ml", "radiesse"),
    ("Revanesse Versa +", "revanesse-versa"),
    ("Saypha Volume+", "saypha-volume-plus-lidocaine"),
    ("Yvoire Volume+", "yvoire-volume-plus"),
    ("Botox 100u", "botox"),
    ("Botox 50 units", "botox"),
    ("Dysport 300 units", "dysport"),
    ("Dysport 300U", "dysport"),
    ("Azzalure 125 Speywood units", "azzalure"),
    ("Bocouture 50 units", "bocouture"),
    ("Xeomin 100 U", "xeomin"),
    ("Nabota 100u", "jeuveau"),
    ("Letybo 50 U", "letybo"),
    ("Daxxify 100 units", "daxxify"),
    ("Sculptra 2 vials", "sculptra"),
    ("Profhilo 2ml", "profhilo"),
    ("Ellanse M 1ml", "ellanse-m"),
    ("Juvederm Ultra XC 1 syringe", "juvederm-ultra-xc"),
    ("Juvederm Ultra", "juvederm-ultra-xc"),
    ("RHA®3", "teosyal-rha-3"),
)

MISSPELT = _cases(
    "one or two letters wrong, swapped or missing",
    ("Juvaderm Voluma", "offer:juvederm-voluma-xc"),
    ("Juvederm Volumma", "offer:juvederm-voluma-xc"),
    ("Volbela", "offer:juvederm-volbella-xc"),
    ("Vollbella", "offer:juvederm-volbella-xc"),
    ("Juvederm Volux", "juvederm-volux-xc"),
    ("Juviderm Volux", "offer:juvederm-volux-xc"),
    ("Vollure XC", "juvederm-vollure-xc"),
    ("Volure", "offer:juvederm-vollure-xc"),
    ("Restylane Kyse", "offer:restylane-kysse"),
    ("Restylane kiss", "offer:restylane-kysse"),
    ("Restalyne Lyft", "offer:restylane-lyft"),
    ("Restylane Lift", "offer:restylane-lyft"),
    ("Restylane Define", "offer:restylane-defyne"),
    ("Restylene Silk", "offer:restylane-silk"),
    ("Belotero Balanse", "offer:belotero-balance"),
    ("Belatero Balance", "offer:belotero-balance"),
    ("Bellotero Intense", "offer:belotero-intense"),
    ("Teosial RHA 2", "offer:teosyal-rha-2"),
    ("Teoysal Redensity 1", "offer:teosyal-puresense-redensity-1"),
    ("Radiese", "offer:radiesse"),
    ("Raddiesse", "offer:radiesse"),
    ("Radiesse Pluss", "offer:radiesse-plus"),
    ("Sculptura", "offer:sculptra"),
    ("Scultra", "offer:sculptra"),
    ("Profhillo", "offer:profhilo"),
    ("Profilo", "offer:profhilo"),
    ("Revanese Versa", "offer:revanesse-versa"),
    ("Ellanse M", "ellanse-m"),
    ("Elanse M", "offer:ellanse-m"),
    ("Aesthefil", "offer:aesthefill"),
    ("Belafill", "offer:bellafill"),
    ("Harmonica", "offer:harmonyca"),
    ("Skinvie", "offer:skinvive-by-juvederm"),
    ("Botx", "offer:botox"),
    ("Bottox", "offer:botox"),
    ("Disport", "offer:dysport"),
    ("Dyspot", "offer:dysport"),
    ("Xeomine", "offer:xeomin"),
    ("Xiomin", "offer:xeomin"),
    ("Daxify", "offer:daxxify"),
    ("Daxxifi", "offer:daxxify"),
    ("Jeauveau", "offer:jeuveau"),
    ("Juveau", "offer:jeuveau"),
    ("Azalure", "offer:azzalure"),
    ("Azzalur", "offer:azzalure"),
    ("Bocoture", "offer:bocouture"),
    ("Letibo", "offer:letybo"),
    ("Botulex", "offer:letybo"),
    ("Nabotta", "offer:jeuveau"),
    ("Meditoxine", "offer:meditoxin"),
    ("Relfydes", "offer:relfydess"),
    ("Alluzienne", "offer:alluzience"),
    ("Yvoir Volume", "offer:yvoire-volume"),
    ("Neuramiss Deep", "offer:neuramis-deep-lidocaine"),
    ("Rejuran Heeler", "offer:rejuran-healer"),
    ("Juviderm", "offer-brand:hyaluronic-acid"),
    ("Restalyne", "offer:restylane"),
    ("Teosyl", "offer-brand:hyaluronic-acid"),
    ("Elanse", "offer-brand:polycaprolactone"),
)

MAKERS_AND_BRANDS = _cases(
    "a brand or maker without a line",
    ("Juvederm", "brand:hyaluronic-acid"),
    ("juvéderm filler", "brand:hyaluronic-acid"),
    ("Belotero", "brand:hyaluronic-acid"),
    ("Belotero lips", "brand:hyaluronic-acid"),
    ("Teosyal", "brand:hyaluronic-acid"),
    ("Teoxane", "brand:hyaluronic-acid"),
    ("Yvoire", "brand:hyaluronic-acid"),
    ("Neuramis", "neuramis-lidocaine"),  # the first line is sold as plain "Neuramis"
    ("Saypha", "brand:hyaluronic-acid"),
    ("Princess filler", "saypha-filler-lidocaine"),
    ("Aliaxin", "brand:hyaluronic-acid"),
    ("Emervel", "brand:hyaluronic-acid"),
    ("Rejuran", "brand:polynucleotides"),
    ("Ellanse", "brand:polycaprolactone"),
    ("Restylane", "restylane"),
    ("Allergan", "ask"),
    ("Galderma", "ask"),
    ("Merz", "ask"),
    ("Medytox", "ask"),
    ("Ipsen", "brand:botulinum-toxin"),
    ("Hugel", "brand:botulinum-toxin"),
    ("Sinclair", "ask"),
)

HANGUL = _cases(
    "Hangul names",
    ("보톡스", "botox"),
    ("나보타", "jeuveau"),
    ("주보", "jeuveau"),
    ("보툴렉스", "letybo"),
    ("제오민", "xeomin"),
    ("메디톡신", "meditoxin"),
    ("이노톡스", "innotox"),
    ("코어톡스", "coretox"),
    ("휴톡스", "liztox"),
    ("리즈톡스", "liztox"),
    ("이브아르", "brand:hyaluronic-acid"),
    ("이브아르 볼륨 플러스", "yvoire-volume-plus"),
    ("뉴라미스", "brand:hyaluronic-acid"),
    ("쥬베룩", "juvelook"),
    ("엘란쎄 M", "ellanse-m"),
    ("스컬트라", "sculptra"),
    ("에스테필", "aesthefill"),
    ("리쥬란 힐러", "rejuran-healer"),
    ("레스틸렌", "restylane"),
    ("나보다", "offer:jeuveau"),
    ("보톡쓰", "offer:botox"),
)

MATERIALS = _cases(
    "a material, not a product",
    ("hyaluronic acid", "material:hyaluronic-acid"),
    ("HA filler", "material:hyaluronic-acid"),
    ("hyaluronic acid filler", "material:hyaluronic-acid"),
    ("PLLA", "material:poly-l-lactic-acid"),
    ("poly-L-lactic acid", "material:poly-l-lactic-acid"),
    ("CaHA", "material:calcium-hydroxylapatite"),
    ("calcium hydroxylapatite", "material:calcium-hydroxylapatite"),
    ("PMMA", "material:pmma"),
    ("liquid silicone", "material:silicone"),
    ("silicone injections", "material:silicone"),
    ("polynucleotides", "material:polynucleotides"),
    ("salmon DNA", "material:polynucleotides"),
    ("PCL", "material:polycaprolactone"),
    ("fat transfer", "material:fat"),
    ("collagen", "material:collagen"),
    ("botulinum toxin", "material:botulinum-toxin"),
    ("botulinum toxin type A", "material:botulinum-toxin"),
    ("anti-wrinkle injections", "material:botulinum-toxin"),
    ("tox", "material:botulinum-toxin"),
)

GENERIC = _cases(
    "words that name no product",
    ("filler", "unknown"),
    ("lip filler", "unknown"),
    ("Lip fillers 1ml", "unknown"),
    ("dermal filler", "unknown"),
    ("skin booster", "unknown"),
    ("skinbooster", "unknown"),
    ("Russian lips", "unknown"),
    ("French lips", "unknown"),
    ("cheek filler", "unknown"),
    ("tear trough filler", "unknown"),
    ("under eye filler", "unknown"),
    ("jawline filler 2ml", "unknown"),
    ("chin filler", "unknown"),
    ("nose filler", "unknown"),
    ("non surgical rhinoplasty", "unknown"),
    ("Korean filler", "unknown"),
    ("lip injections", "unknown"),
    ("smile lines", "unknown"),
    ("I don't know", "unknown"),
    ("not sure", "unknown"),
    ("the clinic's own brand", "unknown"),
    ("ultra", "unknown"),
    ("volume", "unknown"),
    ("deep", "unknown"),
    ("kiss", "unknown"),
    ("hydro", "unknown"),
    ("0.5ml", "unknown"),
    ("1 syringe", "unknown"),
    ("asdfgh", "unknown"),
    ("Kybella", "unknown"),
    ("thread lift", "unknown"),
    ("PRP", "unknown"),
    ("Ozempic", "unknown"),
)

CASES: list[Case] = [
    *FULL_NAMES,
    *LINE_ALONE,
    *LOWER_CASE,
    *UNITS_AND_MARKS,
    *MISSPELT,
    *MAKERS_AND_BRANDS,
    *HANGUL,
    *MATERIALS,
    *GENERIC,
]


def judge(resolution, expect: str) -> Outcome:
    """How a lookup answer fares against what the case expects ("a|b": either is right)."""
    order = ("right", "offered", "unknown", "wrong")
    return min((_judge(resolution, e) for e in expect.split("|")), key=order.index)


def _judge(resolution, expect: str) -> Outcome:
    kind = resolution.kind
    offered = [c.product.id for c in resolution.candidates]
    material = resolution.material.id if resolution.material else None
    if expect == "unknown":
        return "right" if kind in UNSURE else "wrong"
    if kind in UNSURE:
        return "unknown"
    if expect == "ask":
        return "right" if kind == "suggest" and offered else "wrong"
    if expect.startswith("material:"):
        return "right" if kind == "material" and material == expect.split(":", 1)[1] else "wrong"
    if expect.startswith("brand:"):
        return "right" if kind == "brand" and material == expect.split(":", 1)[1] else "wrong"
    if expect.startswith("offer-brand:"):
        # A misspelt brand: offered with its lines ("Did you mean Juvederm?"), never taken.
        wanted = expect.split(":", 1)[1]
        return "right" if kind == "suggest" and resolution.brand and material == wanted else "wrong"
    product_id = expect.removeprefix("offer:")
    if kind == "product":
        return "right" if resolution.product.id == product_id else "wrong"
    if kind == "suggest" and product_id in offered[:3]:
        # Offered, never silently taken: right for a misspelling; for an exact name, not wrong but not right.
        return "right" if expect.startswith("offer:") else "offered"
    return "wrong"
