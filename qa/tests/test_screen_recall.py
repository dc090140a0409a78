"""What makes the screen see a crime at all (issue 21, recall on writers it has never seen): the phrase
lists, cues and patterns added for disclosures in people's own words, each with the narratives it must
read and the ones it must leave alone (pure: no database). Written for the families of misses on the
development files dev8 and dev9, in general wording, never a development narrative's own text."""

from __future__ import annotations

import pytest

from qa.screen import ScreenResult, screen
from qa.screen.defaults import default_pattern_set


def run(narrative: str) -> ScreenResult:
    return screen(narrative, "PS-OTHER", default_pattern_set())


def assert_spans_exact(narrative: str, result: ScreenResult) -> None:
    for crime in result.crimes:
        assert crime.evidence, crime
        for span in crime.evidence:
            assert narrative[span.start : span.end] == span.text


def patterns_of(result: ScreenResult) -> set[str]:
    return {p for crime in result.crimes for p in crime.patterns}


# (narrative, verdict, principal class, the pattern or cue that must read it)
READ = [
    # sexual offences in euphemism and in the victim's own words
    (
        "Girl (9) told her teacher a neighbour put his willy inside her at the weekend.",
        "crime",
        "19E",
        "SX-RAPE-WORD",
    ),
    (
        "IP (F, 30) says her boyfriend forces himself on her when he has been drinking.",
        "crime",
        "19C",
        "SX-RAPE-WORD",
    ),
    (
        "RP (F, 24) agreed to sex only with a condom but he took it off without telling her.",
        "crime",
        "19C",
        "SX-STEALTH",
    ),
    ("RP (F, 33) says her husband won't take no for an answer at night.", "crime", "19C", "SX-NO-REFUSAL"),
    ("RP (F, 30) says her ex made her masturbate him in the car last month.", "crime", "22A", "SX-CAUSING"),
    (
        "Woman says her ex made her do things she didn't want to in front of his friends.",
        "crime",
        "22A",
        "SX-CAUSING-EUPHEMISM",
    ),
    ("RP (F, 40) states the masseur inserted his fingers into her vagina.", "crime", "20A", "SX-ASSAULT"),
    (
        "RP (F, 22) was sent three pictures of his penis by a man she met online.",
        "crime",
        "88E",
        "SX-EXPOSURE",
    ),
    ("RP (F, 29) got an unsolicited video from a stranger on a dating app.", "crime", "88E", "SX-EXPOSURE"),
    (
        "RP (F, 27) says her ex has threatened to upload her nudes to a website.",
        "crime",
        "88E",
        "SX-EXPOSURE",
    ),
    ("Mum found a man (30) asking her daughter (13) for pictures in her bra.", "crime", "88A", "SX-GROOMING"),
    ("A man online asked her daughter (11) to send pictures of herself.", "crime", "88A", "SX-GROOMING"),
    (
        "Dad says his daughter (16) is in a sexual relationship with her dance teacher.",
        "crime",
        "73",
        "SX-TRUST",
    ),
    ("Student (17) says he has been sleeping with his football coach.", "crime", "73", "SX-TRUST"),
    (
        "Repair shop says the laptop screen showed pictures of young girls naked.",
        "crime",
        "86",
        "SX-IMAGES",
    ),
    # violence and threats by what was done or said
    (
        "Traffic warden says a motorist shoulder-barged him and drove off.",
        "crime",
        "105A",
        "VAP-ASSAULT-WORD",
    ),
    ("RP says her brother will kill her. She is terrified of him.", "crime", "3B", "VAP-THREAT-KILL"),
    (
        "RP says her dad threatened to put a knife in her last night. She is scared to go home.",
        "crime",
        "3B",
        "VAP-THREAT-KILL",
    ),
    (
        "Three youths surrounded him, one pulled a knife and said give me your phone, which he did.",
        "crime",
        "34B",
        "ROB-THREAT-TAKE",
    ),
    ("Detainee threw a cup of hot coffee at PC 2231 in custody.", "crime", "104", "VAP-CONSTABLE"),
    (
        "RP (F, 70) received an unsigned letter saying your days are numbered; she is anxious.",
        "crime",
        "8R",
        "VAP-MALCOMMS-MENACE",
    ),
    ("Councillor received a letter with a drawing of a noose.", "unsure", "8R", "VAP-MALCOMMS"),
    (
        "Neighbour says the boy next door is locked in the back yard for hours and seen eating from the bin.",
        "crime",
        "11A",
        "VAP-CRUELTY",
    ),
    (
        "Officers found men at the farm whose boss holds their passports to pay off the debt.",
        "crime",
        "106",
        "VAP-SLAVERY",
    ),
    # theft, burglary, fraud and the rest by mechanism or by what was found gone
    (
        "RP reports his white Transit missing from outside his house this morning.",
        "crime",
        "48",
        "TH-VEHICLE-TAKEN",
    ),
    (
        "After the lodger left RP found her gold chain missing from her jewellery box.",
        "crime",
        "40",
        "TH-GONE-FROM",
    ),
    (
        "RP's scooter went from the garden and she found it on Gumtree the next day.",
        "crime",
        "44",
        "TH-GONE-FROM",
    ),
    (
        "Council reports the parking meter on King St drilled open and the coin box emptied.",
        "crime",
        "47",
        "TH-MACHINE",
    ),
    (
        "Engineer reports the electricity meter at flat 4 has been bypassed with a cable.",
        "crime",
        "43",
        "TH-ELECTRICITY",
    ),
    (
        "A man came to check the radiators and after he left her purse was missing.",
        "crime",
        "28G",
        "BUR-PRETEXT-LOSS",
    ),
    (
        "A woman called to check the water and her purse was stolen while she was in the kitchen.",
        "crime",
        "28G",
        "BUR-PRETEXT-TAKE",
    ),
    (
        "RP received a fine from a town he never visited; the photo shows a car with cloned plates.",
        "crime",
        "814",
        "FR-CLONED-PLATES",
    ),
    (
        "Witnesses say the van mounted the pavement to pass a bus, pedestrians jumped out of the way.",
        "crime",
        "802",
        "RD-DANGEROUS",
    ),
    ("RP paid £300 by bank transfer for concert tickets that never came.", "crime", "53D", "FR-OTHER"),
    (
        "RP paid a builder £2,000 upfront; he gave a false name and his phone is now dead.",
        "crime",
        "53D",
        "FR-OTHER",
    ),
    (
        "Son says the woman with power of attorney has been paying herself from his mum's account.",
        "crime",
        "53F",
        "FR-ABUSE-POSITION",
    ),
    (
        "Shop owner got an email saying pay £500 or I'll post your address online.",
        "crime",
        "35",
        "FR-BLACKMAIL",
    ),
    (
        "Driver searched under s23, a bag of cannabis in his pocket, admitted it was his.",
        "crime",
        "92E",
        "DR-CANNABIS",
    ),
    # second round: what was read only by the examples model, as `unsure`, now read by the rules
    ("Woman in the park says a man got his penis out in front of her.", "crime", "88E", "SX-EXPOSURE"),
    (
        "Mum says her daughter (14) has been doing stuff with a man (25) at his flat.",
        "crime",
        "22B",
        "SX-SEX-ACT",
    ),
    (
        "Man (60) says as a boy (12) the choir master put his hand on his genitals.",
        "crime",
        "17B",
        "SX-ASSAULT",
    ),
    (
        "RP says her ex held her up against the wall by her throat, red marks on her neck.",
        "crime",
        "8N",
        "VAP-STRANGLE",
    ),
    ("Lifeguard says two lads held him under the water at the lido.", "crime", "105A", "VAP-ASSAULT-WORD"),
    ("Cyclist says a man knocked him off and rode away on his bike.", "crime", "34B", "ROB-FORCE-TAKE"),
    ("Caller says a car drove straight at her brother outside the pub.", "crime", "105A", "VAP-BATTERY"),
    ("Customer smashed the card reader into her hand, her finger is swollen.", "crime", "8N", "VAP-BATTERY"),
    ("Woman says a man in the queue jabbed her with his umbrella.", "crime", "105A", "VAP-ASSAULT-WORD"),
    ("Her ex wouldn't let her out of his car and drove round for an hour.", "crime", "36", "VAP-KIDNAP"),
    ("Health visitor reports a baby of 8 weeks with a torn frenulum.", "crime", "11A", "VAP-CRUELTY"),
    ("Manager says the cashier has been pocketing the money from cash sales.", "crime", "49", "TH-GENERAL"),
    (
        "Warden reports the copper piping from the empty chapel has been stripped.",
        "crime",
        "49",
        "TH-GENERAL",
    ),
    ("Owner says the coin boxes of the washing machines were forced overnight.", "crime", "47", "TH-MACHINE"),
    ("Elderly man later found his wallet was no longer in his coat pocket.", "crime", "39", "TH-PERSON"),
    (
        "RP woke to find her Qashqai gone from the drive, keys still in the house.",
        "crime",
        "48",
        "TH-VEHICLE-TAKEN",
    ),
    (
        "RP found a watch and cash from her bedroom drawer were missing after the cleaner left.",
        "crime",
        "40",
        "TH-GONE-FROM",
    ),
    ("Youths spraying tags on the school wall overnight.", "crime", "58B", "CD-DAMAGE"),
    ("Warden says four headstones in the churchyard were smashed overnight.", "crime", "58D", "CD-DAMAGE"),
    (
        "Site office door ripped off overnight and the tools and laptops taken.",
        "crime",
        "30C",
        "BUR-ENTRY",
    ),
    (
        "Bar staff kept a driving licence a youth used as ID; the check shows it is a fake.",
        "crime",
        "61",
        "FR-FORGERY",
    ),
    ("Youth searched on suspicion: a lock knife in his waistband.", "crime", "10D", "PW-BLADE"),
    ("Youths set the wheelie bins on fire behind the shops.", "crime", "56B", "CD-ARSON"),
    (
        "Alarm at the warehouse: tool marks on the rear door, but the door held and the premises are secure.",
        "crime",
        "30D",
        "BUR-ATTEMPT",
    ),
]


@pytest.mark.parametrize(("narrative", "verdict", "principal", "pattern"), READ)
def test_each_new_phrase_reads_its_disclosure(
    narrative: str, verdict: str, principal: str, pattern: str
) -> None:
    result = run(narrative)
    assert result.verdict == verdict, result
    assert result.crimes[0].offence == principal, [c.offence for c in result.crimes]
    assert pattern in patterns_of(result), patterns_of(result)
    assert_spans_exact(narrative, result)


# Cues that set aside too much: each narrative is a crime the cue used to swallow.
NOT_SET_ASIDE = [
    # a closing bracket ends a negation's reach
    ("Nurse says the girl (7) said a neighbour (not a relative) put his finger inside her.", "20B"),
    # an offender's own command is no denial
    ("Two men stood by him at the cash machine, one said don't be stupid and took his £100.", "49"),
    # laughing as he does it is no joke
    ("Man on the bus kept grabbing his crotch and laughing, RP told him to stop.", "17A"),
    # a game a child was made to play is not talk of a game
    ("Girl (7) told mum the babysitter played a game where he touched her private parts.", "20B"),
    # trying to stop someone is an event, not a purpose
    ("Staff tried to stop the man at the door and he punched him in the face.", "105A"),
    # cling film is packaging, not a film
    ("Officers found wraps of heroin in cling film in his sock.", "92D"),
]


@pytest.mark.parametrize(("narrative", "principal"), NOT_SET_ASIDE)
def test_a_cue_no_longer_sets_aside_the_crime_beside_it(narrative: str, principal: str) -> None:
    result = run(narrative)
    assert result.verdict == "crime", result
    assert result.crimes[0].offence == principal, [c.offence for c in result.crimes]
    assert_spans_exact(narrative, result)


# (narrative, the new pattern that must not read it, the cue that sets it aside if any). The examples model
# may still read a short log like these; what is pinned here is that the new phrase does not.
LEFT_ALONE = [
    (
        "RP (F, 34) has been sleeping with her yoga teacher for a year, all consensual.",
        "SX-TRUST",
        "REQ-MINOR",
    ),
    (
        "Caller (F, 46) says at 16 she had a sexual relationship with her driving instructor.",
        "SX-TRUST",
        "REQ-TRUST",
    ),
    (
        "Neighbour told RP 'you'll regret this' in a row about a hedge, RP not bothered.",
        "VAP-MALCOMMS-MENACE",
        "REQ-ALARM",
    ),
    (
        "Teacher says a girl (13) said 'my dad will kill me' about her school report.",
        "VAP-THREAT-KILL",
        "FACT-IDIOM",
    ),
    ("RP (F, 25) says they had sex after a date; she was on the pill, no condom issue.", "SX-STEALTH", None),
    ("Gas engineer came to check the boiler, nothing missing, all fine.", "BUR-PRETEXT-LOSS", None),
    (
        "RP thought her ring was missing from her jewellery box but later found it in her handbag.",
        "TH-GONE-FROM",
        "FACT-FOUND-SAFE",
    ),
    ("Son (14) missing from home, last seen in his bedroom at 10pm.", "TH-GONE-FROM", None),
    (
        "Knife found in the park was handed in at the front counter, owner admitted it was his.",
        "PW-BLADE",
        "FACT-HANDED-IN",
    ),
    ("Officers searched him, nothing in his waistband, no further action.", "PW-BLADE", None),
    ("He put his hand on his chest and said he felt faint.", "SX-ASSAULT", None),
    ("Alarm activation at the office, all secure, no damage, false activation.", "BUR-ATTEMPT", None),
    ("Back door found open, officers checked inside, all secure, nothing disturbed.", "BUR-ENTRY", None),
    ("RP worried her ex will threaten to upload her photos if she leaves him.", "SX-EXPOSURE", None),
    ("Officers searched him, nothing in his pockets, smell of cannabis only.", "DR-CANNABIS", "NEG-NO"),
]


@pytest.mark.parametrize(("narrative", "pattern", "why"), LEFT_ALONE)
def test_the_new_phrases_leave_these_alone(narrative: str, pattern: str, why: str | None) -> None:
    result = run(narrative)
    assert pattern not in patterns_of(result), result
    if why is not None:
        assert why in {p for d in result.discounted for p in d.patterns}, result.discounted
