"""The argparse definition of the command line (DESIGN.md is the contract)."""

from __future__ import annotations

import argparse

from symptomlog import commands
from symptomlog.domain.fields import BEYOND_ESAS, MEASURES, SCALES, SIGNS, Item

MEASURE_FLAGS = {
    "vomiting_episodes": "vomiting",
    "weight_kg": "weight",
    "temperature_c": "temperature",
}


def build_parser(views: tuple[str, ...], version: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="symptomlog",
        description="A private symptom diary for advanced pancreatic cancer. "
        "With no command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"symptomlog {version}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the diary file (default: $SYMPTOMLOG_DB or the diary in your user data folder)",
    )
    parser.add_argument("--view", choices=views, help="the view to open in the window")
    parser.add_argument("--screenshot", metavar="FILE.png", help="save the view as PNG and exit")
    parser.add_argument(
        "--demo-if-new",
        action="store_true",
        help="if there is no diary yet, open a fictional demo diary instead",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_demo(sub)
    _add_add(sub)
    _add_exchange(sub)
    _add_cycle(sub)
    _add_profile(sub)
    _add_thresholds(sub)
    _add_medicines(sub)
    _add_events(sub)
    _add_flags(sub)
    _add_report(sub)
    _add_safety(sub)
    return parser


def _add_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="fill an empty diary with a fictional one")
    p.add_argument("--days", type=int, default=180)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(handler=commands.demo)


def _add_add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="add one entry")
    p.add_argument("--when", metavar="DATETIME", help="e.g. 2026-03-01T09:30 (default: now)")
    p.add_argument("--by", choices=("patient", "carer", "clinician"), default="patient")
    p.add_argument("--name", metavar="TEXT", help="who recorded it (e.g. the carer's name)")
    for scale in SCALES:
        p.add_argument(f"--{scale.name}", metavar="0-10", dest=scale.name, help=scale.label)
    for measure in MEASURES:
        p.add_argument(
            f"--{MEASURE_FLAGS[measure.name]}",
            dest=measure.name,
            metavar=measure.unit.upper(),
            help=measure.label,
        )
    for sign in SIGNS:
        p.add_argument(
            f"--{sign.name.replace('_', '-')}", dest=sign.name, metavar="yes|no", help=sign.label
        )
    for item in BEYOND_ESAS:
        if item.kind in ("measure", "sign", "grade"):
            p.add_argument(
                f"--{item.name.replace('_', '-')}",
                dest=item.name,
                metavar=_metavar(item),
                help=_help(item),
            )
    p.add_argument(
        "--other-problem",
        dest="other_problem_pair",
        metavar="NAME=SCORE",
        help='ESAS-r\'s "Other problem": its name and a score 0-10, e.g. "Hiccups=6"',
    )
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(handler=commands.add)


def _help(item: Item) -> str:
    """The patient's wording, with the meaning of each level of a graded answer."""
    answers = getattr(item, "answers", None)
    if item.kind != "grade" or not answers:
        return item.wording
    levels = "; ".join(f"{level} {answer.lower()}" for level, answer in enumerate(answers))
    return f"{item.wording}: {levels}"


def _metavar(item: Item) -> str:
    """What an option takes, from the registry: "yes|no", "0-4" or the unit."""
    if item.kind == "sign":
        return "yes|no"
    if item.kind == "grade":
        return f"0-{item.maximum}"
    return item.unit.upper() if item.unit else "N"


def _add_exchange(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import a CSV or JSON file (all or nothing)")
    p.add_argument("file")
    p.set_defaults(handler=commands.import_)
    p = sub.add_parser(
        "export", help="export the diary as CSV, JSON or a FHIR R4 Bundle (for a hospital system)"
    )
    p.add_argument("--format", choices=("csv", "json", "fhir"), required=True)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="'-' for standard output")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (csv, fhir)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (csv, fhir)")
    p.set_defaults(handler=commands.export)


def _add_cycle(sub: argparse._SubParsersAction) -> None:
    from symptomlog.domain.cycle import REGIMENS

    cycle = sub.add_parser("cycle", help="chemotherapy cycles").add_subparsers(
        metavar="add|list", required=True
    )
    p = cycle.add_parser("add", help="add one or more cycles from a regimen template")
    p.add_argument("--regimen", required=True, choices=list(REGIMENS))
    p.add_argument("--start", required=True, metavar="DATE")
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--cycle-days", type=int, default=0, help="cycle length for 'other'")
    p.add_argument(
        "--line",
        type=int,
        help="line of treatment (default: the current one, or the next when the regimen "
        "changes); a new line ends the earlier ones",
    )
    p.add_argument(
        "--new-line",
        action="store_true",
        help="start a new line of treatment even with the same regimen (ends the current one)",
    )
    p.set_defaults(handler=commands.cycle_add)
    p = cycle.add_parser("list", help="list the cycles")
    p.set_defaults(handler=commands.cycle_list)


def _add_profile(sub: argparse._SubParsersAction) -> None:
    profile = sub.add_parser("profile", help="the patient's profile").add_subparsers(
        metavar="show|set", required=True
    )
    profile.add_parser("show", help="show the profile").set_defaults(handler=commands.profile_show)
    p = profile.add_parser("set", help="change the profile")
    p.add_argument("--name")
    p.add_argument("--born", metavar="DATE")
    p.add_argument("--hospital-number")
    p.add_argument("--height-cm", type=float)
    p.add_argument("--baseline-weight", type=float, metavar="KG")
    p.add_argument("--baseline-date", metavar="DATE")
    p.add_argument(
        "--contact",
        action="append",
        metavar="KIND|NAME|PHONE[|HOURS]",
        help="replaces the contacts; repeat for several. KIND is one of 24h-line, palliative, "
        "oncology, gp, district-nurse, other; only a 24h-line is shown as the number to call now",
    )
    p.add_argument(
        "--stent",
        choices=("yes", "no"),
        help="a biliary stent is in place (a fever is then red at any time)",
    )
    p.add_argument(
        "--form-items",
        metavar="NAME,NAME|default",
        help="the optional items the daily form asks, e.g. stools_above_usual,numbness; "
        "'default' follows the regimens (irinotecan: stools; oxaliplatin or nab-paclitaxel: "
        "numbness; capecitabine: sore hands or feet; everyone: bowels and warning signs)",
    )
    p.set_defaults(handler=commands.profile_set)


def _add_thresholds(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "thresholds", help="the values that decide the flags: show, or set inside the safe range"
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=commands.thresholds_show)
    actions = p.add_subparsers(metavar="set", required=False)
    s = actions.add_parser("set", help="change thresholds (exit 2 outside the safe range)")
    s.add_argument(
        "pairs", nargs="+", metavar="KEY=VALUE", help="e.g. fever_c=38.0; KEY=default resets"
    )
    s.set_defaults(handler=commands.thresholds_set)


PURPOSE_HELP = "pain, nausea, bowels, breathlessness, anxiety, enzymes or other (default other)"


def _add_medicines(sub: argparse._SubParsersAction) -> None:
    from symptomlog import commands_medicines as cm

    med = sub.add_parser("med", help="the list of medicines").add_subparsers(
        metavar="add|list|stop", required=True
    )
    p = med.add_parser("add", help="put a medicine on the list")
    p.add_argument("--name", required=True, metavar="TEXT")
    p.add_argument("--strength", metavar="TEXT", help='e.g. "10 mg/5 ml"')
    p.add_argument("--as-needed", action="store_true", help="taken when needed (not regular)")
    p.add_argument("--for", dest="purpose", default="other", metavar="PURPOSE", help=PURPOSE_HELP)
    p.add_argument("--max-per-24h", metavar="N", help="the most doses allowed in 24 hours (1-24)")
    p.add_argument("--start", metavar="DATE")
    p.set_defaults(handler=cm.med_add)
    p = med.add_parser("list", help="list the medicines, current first")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cm.med_list)
    p = med.add_parser("stop", help="stop a medicine (it stays in the history)")
    p.add_argument("medicine", metavar="NAME")
    p.add_argument("--date", metavar="DATE", help="the day it was stopped (default: today)")
    p.set_defaults(handler=cm.med_stop)
    p = sub.add_parser(
        "dose", help="record a dose taken (warns when the most allowed in 24 hours is reached)"
    )
    p.add_argument("medicine", metavar="NAME")
    p.add_argument("--when", metavar="DATETIME", help="e.g. 2026-03-01T09:30 (default: now)")
    p.add_argument("--amount", metavar="TEXT", help='e.g. "5 ml" or "2 capsules"')
    p.add_argument("--by", choices=("patient", "carer", "clinician"), default="patient")
    p.add_argument("--name", dest="giver", metavar="TEXT", help="who gave it (e.g. the carer)")
    p.set_defaults(handler=cm.dose)
    p = sub.add_parser("doses", help="list the doses taken")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (default: the first)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (default: the last)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.set_defaults(handler=cm.doses)


def _add_events(sub: argparse._SubParsersAction) -> None:
    from symptomlog import commands_medicines as cm

    event = sub.add_parser(
        "event", help="calls, admissions, procedures, scans, transfusions"
    ).add_subparsers(metavar="add|list", required=True)
    p = event.add_parser("add", help="record an event (for a call: to whom, advice, outcome)")
    p.add_argument("--when", required=True, metavar="DATETIME")
    p.add_argument(
        "--kind",
        required=True,
        metavar="KIND",
        help="call, admission, procedure, scan, transfusion or other",
    )
    p.add_argument("--note", metavar="TEXT", help="e.g. ERCP, stent changed")
    p.add_argument("--outcome", metavar="OUTCOME", help="for a call: advice, seen or admitted")
    p.add_argument("--to", dest="to_whom", metavar="WHO", help="for a call: who was called")
    p.add_argument("--advice", metavar="TEXT", help="for a call: the advice given")
    p.add_argument("--flag-day", metavar="DATE", help="the day of the flag it followed")
    p.add_argument("--flag-rule", metavar="RULE", help="the rule of that flag (see 'flags')")
    p.set_defaults(handler=cm.event_add)
    p = event.add_parser("list", help="list the events, oldest first")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (default: the first)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (default: the last)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cm.event_list)


def _add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write the PDF summary for the care team")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (default: 28 days ago)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (default: today)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument(
        "--since-last",
        action="store_true",
        help="from the day after the last report saved from this diary to today",
    )
    p.set_defaults(handler=commands.report)


def _add_flags(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("flags", help="list the values that should prompt a call, oldest first")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (default: the first)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (default: the last)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "--level",
        choices=("red", "amber", "info"),
        default="amber",
        help="least urgent level to list (default amber: red and amber; info adds trends)",
    )
    p.set_defaults(handler=commands.flags)


def _add_safety(sub: argparse._SubParsersAction) -> None:
    sub.add_parser("check", help="check the diary's integrity").set_defaults(handler=commands.check)
    p = sub.add_parser("backup", help="write a consistent copy of the diary")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=commands.backup)
    p = sub.add_parser("restore", help="replace the diary with a backup (keeps a copy)")
    p.add_argument("file")
    p.set_defaults(handler=commands.restore)
