"""Clinical cases for the self-check, written from the literature, with the level a careful clinician would give.

Each case is what a person would enter on the page: the treatment, days since it, the signs they tick
(a trailing "+" means they answer "getting worse"), and the expected level with the sources behind it.
The table is the specification: the triage query, the page (in Chromium) and the report script
(`scripts/triage_report.py`) are all checked against it. Cases were written from the cited sources and
the clinical review, not from the query's output.
"""

from __future__ import annotations

from dataclasses import dataclass

HA, OTHER, UNKNOWN, BOTOX, DISSOLVE = "filler_ha", "filler_other", "filler_unknown", "botox", "hyaluronidase"
FILLERS = (HA, OTHER, UNKNOWN, DISSOLVE)
EVERY = (*FILLERS, BOTOX)


@dataclass(frozen=True)
class Case:
    treatment: str
    days: int
    answers: tuple[str, ...]
    expected: str
    basis: str  # the finding or source the expected level rests on
    trap: str = ""  # the confusion the case guards against, if any

    @property
    def reports(self) -> list[tuple[str, bool]]:
        return [(a.rstrip("+"), a.endswith("+")) for a in self.answers]

    @property
    def name(self) -> str:
        return f"{self.treatment}-day{self.days}-{'+'.join(self.answers) or 'nothing'}"


def c(treatment: str, days: int, answers: str, expected: str, basis: str, trap: str = "") -> Case:
    return Case(treatment, days, tuple(answers.split()), expected, basis, trap)


CASES: list[Case] = [
    # --- Emergency: sight, stroke, breathing or swallowing, anaphylaxis, toxin spread, eye involvement ----
    c(HA, 0, "vision-change", "emergency", "FDA 2015; CMAC vision loss 2021: sight can be saved only in hours"),
    c(OTHER, 0, "vision-change", "emergency", "FDA 2015: any filler in a vessel can cause blindness"),
    c(UNKNOWN, 0, "vision-change", "emergency", "CMAC vision loss 2021"),
    c(DISSOLVE, 1, "vision-change", "emergency", "CMAC vision loss 2021"),
    c(BOTOX, 10, "vision-change", "emergency", "BOTOX Cosmetic label: double or blurred vision, get help right away"),
    c(HA, 0, "stroke-signs", "emergency", "FDA 2015 and Juvéderm labeling: signs of a stroke"),
    c(OTHER, 1, "stroke-signs", "emergency", "FDA 2015"),
    c(UNKNOWN, 0, "stroke-signs", "emergency", "FDA 2015; NHS stroke"),
    c(DISSOLVE, 0, "stroke-signs", "emergency", "NHS stroke"),
    c(
        BOTOX,
        2,
        "stroke-signs",
        "emergency",
        "NHS headaches: a sudden, very bad headache is a 999 call",
        trap="Botox headache vs sudden worst headache",
    ),
    c(HA, 0, "breathing-swallowing", "emergency", "NHS anaphylaxis"),
    c(OTHER, 0, "breathing-swallowing", "emergency", "NHS anaphylaxis"),
    c(UNKNOWN, 1, "breathing-swallowing", "emergency", "NHS anaphylaxis"),
    c(DISSOLVE, 0, "breathing-swallowing", "emergency", "CMAC hyaluronidase 2021: allergy to the enzyme"),
    c(BOTOX, 14, "breathing-swallowing", "emergency", "BOTOX Cosmetic label: spread hours to weeks later"),
    c(HA, 0, "severe-allergy", "emergency", "NHS anaphylaxis: call 999"),
    c(OTHER, 0, "severe-allergy", "emergency", "NHS anaphylaxis"),
    c(UNKNOWN, 0, "severe-allergy", "emergency", "NHS anaphylaxis"),
    c(DISSOLVE, 0, "severe-allergy", "emergency", "Hyaluronidase allergy review 2024"),
    c(BOTOX, 0, "severe-allergy", "emergency", "BOTOX Cosmetic label: serious allergic reactions"),
    c(BOTOX, 21, "spreading-weakness", "emergency", "UKHSA 2025: botulism up to 4 weeks after unlicensed toxin"),
    c(BOTOX, 5, "spreading-weakness droopy-eyelid", "emergency", "BOTOX Cosmetic label: spread of toxin effect"),
    c(HA, 0, "spreading-weakness", "emergency", "NHS stroke: weakness needs 999 whatever the cause"),
    c(OTHER, 3, "spreading-weakness", "emergency", "NHS stroke"),
    c(UNKNOWN, 1, "spreading-weakness", "emergency", "NHS stroke"),
    c(DISSOLVE, 2, "spreading-weakness", "emergency", "NHS stroke"),
    c(
        HA,
        0,
        "eye-signs-after-filler",
        "emergency",
        "ACE visual loss 2018: ptosis and ophthalmoplegia",
        trap="droopy lid after filler is not the Botox droopy lid",
    ),
    c(OTHER, 0, "eye-signs-after-filler", "emergency", "Kato review: sudden eye pain, ptosis, ophthalmoplegia"),
    c(UNKNOWN, 0, "eye-signs-after-filler severe-pain", "emergency", "Kato review of 233 cases"),
    c(DISSOLVE, 0, "eye-signs-after-filler", "emergency", "CMAC vision loss 2021"),
    c(BOTOX, 4, "droopy-eyelid vision-change", "emergency", "BOTOX Cosmetic label: ptosis with double vision"),
    c(
        BOTOX,
        2,
        "sudden-headache",
        "emergency",
        "NHS headaches: sudden and extremely painful is a 999 call",
        trap="Botox headache vs sudden worst headache",
    ),
    c(HA, 0, "sudden-headache", "emergency", "Juvéderm labeling: severe headache is a sign of a stroke"),
    c(OTHER, 1, "sudden-headache", "emergency", "FDA 2015: signs of a stroke"),
    c(UNKNOWN, 0, "sudden-headache", "emergency", "NHS headaches"),
    c(DISSOLVE, 0, "sudden-headache", "emergency", "NHS headaches"),
    c(
        BOTOX,
        14,
        "spreading-weakness droopy-eyelid",
        "emergency",
        "UKHSA 2025 and JCCP 2025: both eyelids drooping, heavy arms after an unlicensed product",
    ),
    c(BOTOX, 6, "spreading-weakness", "emergency", "BOTOX Cosmetic label: neck weakness after neck Botox"),
    c(HA, 0, "eye-signs-after-filler", "emergency", "Kato review: eye signs after cheek or fold filler too"),
    # --- Act now: signs of a blocked blood vessel after filler ------------------------------------------
    c(HA, 0, "skin-colour-change", "act_now", "FDA 2015 and CMAC VO 2021: blanching; treat at once"),
    c(OTHER, 0, "skin-colour-change", "act_now", "FDA 2015: any filler can block a vessel"),
    c(UNKNOWN, 1, "skin-colour-change severe-pain", "act_now", "CMAC VO 2021"),
    c(DISSOLVE, 1, "skin-colour-change", "act_now", "CMAC VO 2021"),
    c(HA, 0, "skin-colour-change swelling tenderness", "act_now", "CMAC VO 2021"),
    c(
        HA,
        1,
        "bruising+",
        "act_now",
        "CMAC VO 2021: livedo, a spreading lacy purple patch, in the first days",
        trap="ordinary bruise vs lacy discolouration",
    ),
    c(OTHER, 2, "bruising+", "act_now", "Juvéderm labeling: dusky or reticular colour change"),
    c(UNKNOWN, 3, "bruising+", "act_now", "CMAC VO 2021"),
    c(DISSOLVE, 1, "bruising+", "act_now", "CMAC VO 2021"),
    c(HA, 0, "severe-pain", "act_now", "FDA 2015: unusual pain during or soon after"),
    c(OTHER, 0, "severe-pain", "act_now", "Juvéderm labeling: pain out of proportion"),
    c(UNKNOWN, 1, "severe-pain", "act_now", "FDA 2015"),
    c(DISSOLVE, 0, "severe-pain", "act_now", "CMAC VO 2021"),
    c(UNKNOWN, 2, "skin-breakdown", "act_now", "CMAC VO 2021: pustules and blisters mean skin short of blood"),
    c(HA, 3, "skin-breakdown", "act_now", "Bravo 2015: delayed necrosis"),
    c(OTHER, 4, "skin-breakdown", "act_now", "ACE VO 2020"),
    c(DISSOLVE, 2, "skin-breakdown", "act_now", "CMAC VO 2021"),
    c(
        HA,
        2,
        "tyndall-tint",
        "act_now",
        "A new bluish colour in the first days is treated as a blocked vessel",
        trap="Tyndall tint vs sudden dusky skin",
    ),
    c(UNKNOWN, 1, "tyndall-tint", "act_now", "CMAC VO 2021", trap="Tyndall tint vs sudden dusky skin"),
    # --- Urgent: contact the injector today --------------------------------------------------------------
    c(
        HA,
        9,
        "swelling warmth-spreading-redness",
        "urgent",
        "Consensus 2018: infection; seed: do not dismiss it",
        trap="day-1 lip swelling vs a hot swelling on day 9",
    ),
    c(OTHER, 5, "warmth-spreading-redness", "urgent", "Expert consensus 2018: infection"),
    c(UNKNOWN, 4, "warmth-spreading-redness fever", "urgent", "Expert consensus 2018"),
    c(DISSOLVE, 3, "warmth-spreading-redness", "urgent", "Expert consensus 2018"),
    c(BOTOX, 2, "warmth-spreading-redness", "urgent", "Mayo Clinic: infection at the injection site"),
    c(HA, 4, "fever", "urgent", "Expert consensus 2018: infection needs quick treatment"),
    c(HA, 9, "swelling warmth-spreading-redness tenderness", "urgent", "A hot cheek on day 9: infection"),
    c(BOTOX, 2, "fever+", "urgent", "A high fever with shaking chills is more than the flu-like side effect"),
    c(DISSOLVE, 2, "swelling+", "urgent", "Allergy review 2024: reactions to the enzyme"),
    c(HA, 60, "severe-pain", "urgent", "Severe pain weeks later: infection or an inflamed lump (consensus 2018)"),
    c(HA, 21, "skin-colour-change tenderness", "act_now", "CMAC VO 2021: a sudden dusky patch at any time"),
    c(OTHER, 10, "fever", "urgent", "Expert consensus 2018"),
    c(UNKNOWN, 3, "fever swelling", "urgent", "Expert consensus 2018"),
    c(DISSOLVE, 2, "fever", "urgent", "Expert consensus 2018"),
    c(HA, 5, "pus", "urgent", "Expert consensus 2018: pus means infection"),
    c(OTHER, 14, "pus", "urgent", "Expert consensus 2018"),
    c(UNKNOWN, 30, "pus hard-or-uneven", "urgent", "CMAC delayed nodules: abscess"),
    c(DISSOLVE, 6, "pus", "urgent", "Expert consensus 2018"),
    c(HA, 2, "cold-sore", "urgent", "ACE herpes 2017: starts 24 to 48 h; NHS: antivirals early"),
    c(OTHER, 1, "cold-sore", "urgent", "ACE herpes 2017"),
    c(UNKNOWN, 2, "cold-sore", "urgent", "ACE herpes 2017"),
    c(DISSOLVE, 2, "cold-sore", "urgent", "ACE herpes 2017"),
    c(HA, 1, "severe-swelling", "urgent", "Expert consensus 2018: allergy or infection"),
    c(OTHER, 1, "severe-swelling", "urgent", "Expert consensus 2018"),
    c(UNKNOWN, 2, "severe-swelling", "urgent", "Expert consensus 2018"),
    c(DISSOLVE, 1, "severe-swelling", "urgent", "CMAC hyaluronidase 2021: reaction to the enzyme"),
    c(BOTOX, 1, "severe-swelling", "urgent", "BOTOX Cosmetic label: allergic swelling"),
    c(HA, 1, "allergy-swelling", "urgent", "NHS anaphylaxis; allergy review 2024"),
    c(OTHER, 2, "allergy-swelling", "urgent", "NHS anaphylaxis"),
    c(UNKNOWN, 1, "allergy-swelling", "urgent", "NHS anaphylaxis"),
    c(DISSOLVE, 1, "allergy-swelling", "urgent", "Hyaluronidase allergy review 2024: delayed reactions"),
    c(BOTOX, 1, "allergy-swelling", "urgent", "BOTOX Cosmetic label"),
    c(
        HA,
        4,
        "swelling+",
        "urgent",
        "Swelling still growing after its usual peak (about day 1 to 2)",
        trap="worsening on the peak days vs after them",
    ),
    c(DISSOLVE, 4, "swelling+", "urgent", "Enzyme swelling is worst on days 1 to 3"),
    c(HA, 4, "tenderness+", "urgent", "Seed: pain that worsens over time needs prompt care"),
    c(OTHER, 3, "tenderness+", "urgent", "Seed; expert consensus 2018"),
    c(
        HA,
        2,
        "swelling+ tenderness+",
        "urgent",
        "Still worse on day 2, after the day-1 peak of the swelling curve",
        trap="worsening on the peak days vs after them",
    ),
    c(HA, 2, "skin-colour-change swelling+", "act_now", "A lip that turns a little paler on day 2"),
    c(HA, 0, "skin-colour-change", "act_now", "A white patch inside the lip or on the gum"),
    c(
        BOTOX,
        0,
        "skin-colour-change bruising+",
        "act_now",
        "Filler at the same visit as the Botox: a sudden blotchy patch is a blocked vessel until shown otherwise",
    ),
    c(UNKNOWN, 9, "tenderness+ swelling", "urgent", "Soreness growing a week on: infection (consensus 2018)"),
    c(HA, 20, "skin-breakdown", "urgent", "Expert consensus 2018: late sores are infection until shown otherwise"),
    c(HA, 40, "hard-or-uneven+", "urgent", "ACE delayed nodules 2016: inflamed nodule"),
    c(OTHER, 60, "late-swelling-redness+", "urgent", "FDA delayed inflammation; consensus 2020"),
    c(HA, 3, "mild-redness+", "urgent", "Spreading redness: infection (consensus 2018)"),
    c(BOTOX, 1, "mild-redness+", "urgent", "Spreading redness: infection"),
    c(
        BOTOX,
        3,
        "severe-pain",
        "urgent",
        "Severe pain is not expected after Botox; not a vessel sign",
        trap="Botox answers have other causes than a blocked vessel",
    ),
    c(BOTOX, 4, "eye-will-not-close", "urgent", "Borba 2021: lagophthalmos; the eye dries out"),
    c(BOTOX, 6, "dry-watery-eye+", "urgent", "Borba 2021; Mayo Clinic"),
    c(BOTOX, 2, "numbness", "urgent", "AAD: Botox does not affect feeling, so numbness has another cause"),
    c(BOTOX, 3, "headache-flu+", "urgent", "Headache study 2022: it usually settles within 3 days"),
    c(HA, 2, "itch-rash+", "urgent", "Allergy review 2024"),
    c(DISSOLVE, 1, "itch-rash+", "urgent", "Hyaluronidase allergy review 2024"),
    c(BOTOX, 2, "itch-rash+", "urgent", "BOTOX Cosmetic label: allergic reactions"),
    # --- Soon: book a check ------------------------------------------------------------------------------
    c(OTHER, 42, "hard-or-uneven", "soon", "Seed; ACE delayed nodules 2016"),
    c(HA, 21, "hard-or-uneven", "soon", "Seed: check the filler's position"),
    c(UNKNOWN, 30, "hard-or-uneven", "soon", "ACE delayed nodules 2016"),
    c(DISSOLVE, 10, "hard-or-uneven", "soon", "Wilde 2024: filler can be left after one session"),
    c(HA, 10, "swelling", "soon", "Juvéderm labeling: report swelling lasting beyond a few days to a week"),
    c(DISSOLVE, 9, "swelling", "soon", "Swelling from the enzyme settles within about a week"),
    c(UNKNOWN, 12, "bruising", "soon", "Mayo Clinic: bruising for up to a week"),
    c(BOTOX, 9, "bruising", "soon", "A bruise lasting more than a week"),
    c(HA, 10, "tenderness", "soon", "Mayo Clinic: discomfort for up to a week"),
    c(BOTOX, 7, "droopy-eyelid", "soon", "ACE ptosis 2016: shows in 3 to 7 days, settles in weeks"),
    c(
        BOTOX,
        6,
        "brow-drop",
        "soon",
        "ACE ptosis 2016: a dropped brow is not a droopy lid; drops do not help it",
        trap="brow vs lid droop",
    ),
    c(BOTOX, 5, "crooked-smile", "soon", "Mayo Clinic: crooked smile or drooling"),
    c(BOTOX, 5, "dry-watery-eye", "soon", "Mayo Clinic: eye dryness or tearing"),
    c(HA, 21, "asymmetry", "soon", "Mayo Clinic: touch-up once swelling is down; seed: adjust or dissolve"),
    c(OTHER, 30, "asymmetry", "soon", "Mayo Clinic"),
    c(UNKNOWN, 15, "asymmetry", "soon", "Mayo Clinic"),
    c(DISSOLVE, 20, "asymmetry", "soon", "Wilde 2024"),
    c(BOTOX, 16, "asymmetry", "soon", "Am Fam Physician 2014: full effect at 2 weeks; a top-up can even it"),
    c(HA, 120, "late-swelling-redness", "soon", "FDA delayed inflammation; consensus 2020"),
    c(OTHER, 200, "late-swelling-redness", "soon", "FDA delayed inflammation"),
    c(UNKNOWN, 90, "late-swelling-redness", "soon", "Funt 2011: under-eye puffiness that lasts"),
    c(HA, 365, "filler-moved", "soon", "Wollina 2023: filler migration"),
    c(OTHER, 400, "filler-moved", "soon", "Wollina 2023"),
    c(UNKNOWN, 180, "filler-moved", "soon", "Wollina 2023"),
    c(DISSOLVE, 21, "hollowing", "soon", "Wilde 2024: hollowing in about 1 in 5 eye areas"),
    c(HA, 3, "numbness", "soon", "Juvéderm and Restylane-L labeling: lidocaine wears off within hours"),
    c(OTHER, 2, "numbness", "soon", "Lidocaine wears off within hours"),
    c(UNKNOWN, 5, "numbness", "soon", "Lidocaine wears off within hours"),
    c(DISSOLVE, 2, "numbness", "soon", "Numbness is not a usual effect of the enzyme"),
    c(HA, 1, "itch-rash", "soon", "Juvéderm labeling: itching can be a reaction; allergy review 2024"),
    c(OTHER, 2, "itch-rash", "soon", "Allergy review 2024"),
    c(UNKNOWN, 2, "itch-rash", "soon", "Allergy review 2024"),
    c(DISSOLVE, 1, "itch-rash", "soon", "CMAC hyaluronidase 2021: enzyme allergy"),
    c(BOTOX, 1, "itch-rash", "soon", "BOTOX Cosmetic label: itching, rash, red itchy welts"),
    c(BOTOX, 10, "headache-flu", "soon", "Headache study 2022: usually gone within 3 days"),
    c(BOTOX, 8, "headache-flu crooked-smile", "soon", "Mayo Clinic"),
    c(
        HA,
        42,
        "tyndall-tint",
        "soon",
        "ACE Tyndall 2016: a bluish tint that does not fade; HA can be dissolved",
        trap="Tyndall tint vs sudden dusky skin",
    ),
    c(UNKNOWN, 60, "tyndall-tint", "soon", "ACE Tyndall 2016"),
    # --- Self care: usual recovery -------------------------------------------------------------------------
    c(
        HA,
        1,
        "swelling+ tenderness",
        "self_care",
        "Juvéderm Canada: lips swell more, up to a week",
        trap="day-1 lip swelling vs a hot swelling on day 9",
    ),
    c(HA, 2, "swelling tenderness", "self_care", "Mayo Clinic: swelling and discomfort for up to a week"),
    c(OTHER, 1, "swelling bruising mild-redness", "self_care", "Mayo Clinic"),
    c(UNKNOWN, 0, "swelling", "self_care", "Mayo Clinic"),
    c(
        DISSOLVE,
        1,
        "swelling+",
        "self_care",
        "Hylenex label: local reactions; enzyme swelling days 1 to 3",
        trap="worsening on the peak days vs after them",
    ),
    c(DISSOLVE, 2, "swelling tenderness bruising", "self_care", "Hylenex label"),
    c(
        BOTOX,
        1,
        "headache-flu",
        "self_care",
        "Mayo Clinic; headache study 2022",
        trap="Botox headache vs sudden worst headache",
    ),
    c(BOTOX, 1, "fever", "self_care", "Mayo Clinic: flu-like symptoms are a Botox side effect"),
    c(BOTOX, 1, "headache-flu fever", "self_care", "Mayo Clinic"),
    c(BOTOX, 1, "mild-redness bruising", "self_care", "Mayo Clinic; Am Fam Physician 2014"),
    c(BOTOX, 0, "swelling", "self_care", "Mayo Clinic"),
    c(BOTOX, 2, "tenderness", "self_care", "Mayo Clinic"),
    c(BOTOX, 5, "asymmetry", "self_care", "Am Fam Physician 2014: full effect takes about 2 weeks"),
    c(HA, 3, "asymmetry", "self_care", "Seed and Mayo Clinic: wait for swelling to settle before judging"),
    c(HA, 0, "numbness", "self_care", "Juvéderm labeling: the filler contains lidocaine"),
    c(HA, 1, "bruising", "self_care", "Mayo Clinic: bruising is common", trap="ordinary bruise vs lacy discolouration"),
    c(BOTOX, 3, "", "self_care", "Nothing ticked: no warning sign reported"),
    c(OTHER, 0, "", "self_care", "Nothing ticked: no warning sign reported"),
    c(HA, 2, "bruising swelling mild-redness", "self_care", "Juvéderm Canada"),
    c(
        OTHER,
        1,
        "tenderness+",
        "self_care",
        "Soreness can grow while swelling peaks on day 0 to 1",
        trap="worsening on the peak days vs after them",
    ),
    c(
        HA,
        0,
        "swelling+",
        "self_care",
        "Swelling grows on the day of treatment",
        trap="worsening on the peak days vs after them",
    ),
    c(UNKNOWN, 1, "mild-redness", "self_care", "Juvéderm Canada"),
    c(DISSOLVE, 0, "mild-redness tenderness", "self_care", "Hylenex label"),
]

LEVELS_AT_ONCE = ("emergency", "act_now")


@dataclass(frozen=True)
class Score:
    """How a level function does on the table: the figures the README prints."""

    cases: int
    exact: int
    urgent_cases: int  # expected emergency or act now
    urgent_caught: int  # of those, given that level or a more urgent one
    self_care_cases: int
    self_care_over: int  # of those, sent to a more urgent level
    under: tuple[Case, ...]  # any case given a less urgent level than expected

    @property
    def sensitivity(self) -> float:
        return self.urgent_caught / self.urgent_cases

    @property
    def exact_rate(self) -> float:
        return self.exact / self.cases

    @property
    def over_triage(self) -> float:
        return self.self_care_over / self.self_care_cases


def score(level_of, levels: tuple[str, ...]) -> Score:
    """`level_of(case)` returns the level id shown; `levels` lists the level ids, most urgent first."""
    got = {case: level_of(case) for case in CASES}
    rank = levels.index
    urgent = [case for case in CASES if case.expected in LEVELS_AT_ONCE]
    self_care = [case for case in CASES if case.expected == "self_care"]
    return Score(
        cases=len(CASES),
        exact=sum(got[case] == case.expected for case in CASES),
        urgent_cases=len(urgent),
        urgent_caught=sum(rank(got[case]) <= rank(case.expected) for case in urgent),
        self_care_cases=len(self_care),
        self_care_over=sum(got[case] != "self_care" for case in self_care),
        under=tuple(case for case in CASES if rank(got[case]) > rank(case.expected)),
    )
