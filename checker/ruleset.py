"""The declarative rule set: every YAML file in rules/ validated into one RuleSet.

Each file says which part of the rule set it fills with a top-level `kind:` key (the way
Vale's `extends:` picks a check kind): `hedges`, `subjects`, `attributions`, `horizons`,
`tolerances` or `checks`. Several files may share a kind; their lists are concatenated in
file-name order. Unknown keys and bad values are errors naming file:line:col.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.errors import ConfigError
from checker.yamlsource import key_node_at, node_at, read_yaml, validate, where

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- hedges ---------------------------------------------------------------------------------

class Hedge(Strict):
    """Words that bound a figure. `bound` says which side; `tolerance` widens 'about'-style hedges."""

    words: list[str] = Field(min_length=1)
    bound: Literal["lower", "upper", "approximate", "exact"]
    strict: bool = Field(False, description="'more than' excludes the figure itself; 'at least' includes it")
    tolerance: float | None = Field(None, ge=0, le=1, description="relative half-width, for approximate hedges")


class VagueAmount(Strict):
    """Words that stand for an order of magnitude ('dozens', 'tens of thousands') rather than a number."""

    words: list[str] = Field(min_length=1)
    low: float = Field(ge=0)
    high: float = Field(ge=0)
    value: float | None = Field(None, description="the point reported as the figure's value; default: low")

    @model_validator(mode="after")
    def _ordered(self) -> VagueAmount:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        if self.value is not None and not self.low <= self.value <= self.high:
            raise ValueError(f"value ({self.value:g}) is outside low..high")
        return self


class HedgesFile(Strict):
    kind: Literal["hedges"]
    description: str = ""
    hedges: list[Hedge] = Field(default_factory=list)
    amounts: list[VagueAmount] = Field(default_factory=list)
    label_words: list[str] = Field(
        default_factory=list, description="words after which a number names a thing, not a quantity (Article 4, Route 30)"
    )


# --- subjects -------------------------------------------------------------------------------

class SubjectEntry(Strict):
    """Nouns that count the same thing. `head` is the canonical name the engine groups by."""

    head: str
    synonyms: list[str] = Field(default_factory=list)
    parts: list[str] = Field(default_factory=list, description="heads counted within this one (officers within troops)")
    counted_by: list[str] = Field(
        default_factory=list, description="verbs right before a figure that make it count this head ('employs 85,000 people')"
    )


class ShareMeasure(Strict):
    """What a percentage measures, under all its wordings: 'took part' and 'turnout' are one share."""

    head: str
    synonyms: list[str] = Field(default_factory=list)


class SubjectsFile(Strict):
    kind: Literal["subjects"]
    description: str = ""
    subjects: list[SubjectEntry] = Field(default_factory=list)
    never_merge: list[list[str]] = Field(default_factory=list, description="word pairs that split a subject group")
    splitting_modifiers: list[list[str]] = Field(
        default_factory=list, description="modifier sets where two different members never merge (injured/killed)"
    )
    part_modifiers: list[list[str]] = Field(
        default_factory=list,
        description="splitting sets whose members name a part (healthcare jobs): a figure without one never joins them",
    )
    identity_modifiers: list[list[str]] = Field(
        default_factory=list,
        description="modifier sets (nationalities) that split when two differ but that an unmodified subject may omit",
    )
    share_measures: list[ShareMeasure] = Field(
        default_factory=list, description="wordings of what a percentage measures, whatever its base"
    )
    nameless_subjects: list[str] = Field(
        default_factory=list, description="fallback subject words that name no counted thing (amount, total, share)"
    )
    predicate_idioms: list[str] = Field(
        default_factory=list, description="set phrases after a figure whose nouns name no part of it (walked off the job)"
    )
    predicate_parts: list[str] = Field(
        default_factory=list,
        description="heads whose words after an unlisted subject make its figure a part: 'two miners were taken to "
                    "hospital' (injured)",
    )
    measure_words: list[str] = Field(
        default_factory=list,
        description="words a count of something is written in ('doses' of vaccine): a bare '250,000 doses' counts "
                    "the story's one '<word> of <thing>'",
    )
    holding_verbs: list[str] = Field(
        default_factory=list,
        description="verbs after which a splitting modifier holds the figure: 'healthcare added 61,000 jobs'",
    )
    local_places: list[str] = Field(
        default_factory=list,
        description="nouns that after 'in/across the' narrow a figure to a part of the country: across the region",
    )
    change_verbs: dict[str, str] = Field(
        default_factory=dict,
        description="verbs right before a count that make it a change, each with the part_modifiers member it writes",
    )
    owning_verbs: list[str] = Field(
        default_factory=list,
        description="verbs right before a count whose capitalised subject owns it: 'The Alliance won 132 seats'",
    )
    segment_nouns: list[str] = Field(
        default_factory=list,
        description="nouns of a part of a company that 'at the ...' names as the figure's owner: "
                    "'revenue at the passenger airline', 'sales at its chemicals division'",
    )
    apart_places: list[str] = Field(
        default_factory=list,
        description="words that place a figure outside the story's own country ('cast abroad'): such a figure "
                    "is a part, never the story's figure with its place left out",
    )


# --- attributions ---------------------------------------------------------------------------

class SourceEntry(Strict):
    """One source under all its names: an agency, its chief, its country's 'intelligence service'."""

    source: str
    aliases: list[str] = Field(default_factory=list)
    parent: str | None = Field(None, description="a wider body this source speaks for (White House -> U.S. government)")


class AttributionsFile(Strict):
    kind: Literal["attributions"]
    description: str = ""
    sources: list[SourceEntry] = Field(default_factory=list)
    demonyms: dict[str, str] = Field(default_factory=dict, description="'south korean' -> 'south korea', for alias matching")
    verbs: list[str] = Field(default_factory=list, description="reporting verbs: said, estimated, claimed ...")
    phrases: list[str] = Field(default_factory=list, description="attributing phrases: according to, citing ...")
    source_nouns: list[str] = Field(
        default_factory=list, description="nouns that make a possessive the source: the union's figure of 14,000"
    )
    counting_verbs: list[str] = Field(
        default_factory=list, description="reporting verbs that say who counted: recorded, tallied, registered ..."
    )
    counters: list[str] = Field(
        default_factory=list,
        description="who does the counting, not the saying: 'health workers recorded 310 cases' names no source",
    )
    clause_only_verbs: list[str] = Field(
        default_factory=list,
        description="reporting verbs that report a clause only: with the figure as object they count it (added)",
    )
    plan_nouns: list[str] = Field(
        default_factory=list,
        description="nouns whose possessive owner gives the figure its verb acts on: Brightwave's plan to cut 1,200 jobs",
    )


# --- horizons -------------------------------------------------------------------------------

class HorizonsFile(Strict):
    kind: Literal["horizons"]
    description: str = ""
    current: list[str] = Field(default_factory=list, description="words that put a figure at publication time")
    eventual: list[str] = Field(default_factory=list, description="words of plans, projections and totals to come")
    past: list[str] = Field(default_factory=list, description="words that put a figure before publication")
    deadline: list[str] = Field(default_factory=list, description="words before a date that make it a deadline: by, until")
    carry_back: list[str] = Field(
        default_factory=list, description="openings of a later clause about the figure itself: most of whom"
    )
    comparable: list[list[str]] = Field(default_factory=list, description="pairs of horizon kinds that may be compared")


# --- tolerances -----------------------------------------------------------------------------

class TolerancesFile(Strict):
    kind: Literal["tolerances"]
    description: str = ""
    rounding: float = Field(0.05, ge=0, le=1, description="relative slack for printed round figures")
    conversion: float = Field(0.05, ge=0, le=1, description="relative slack for a unit conversion in brackets")
    exchange_rate: float = Field(
        0.03, ge=0, le=1, description="how far two conversions' implied exchange rates may differ within a week"
    )
    unattributed_disagreement: float = Field(0.1, ge=0, le=1)
    percent_of_base: float = Field(0.02, ge=0, le=1, description="absolute slack for 'N, about P% of BASE'")
    temperature_slack: float = Field(1.0, ge=0, description="degrees two temperatures may differ and agree")
    temperature_conversion_slack: float = Field(
        0.2, ge=0, description="degrees a temperature and its conversion may differ beyond their last digits")
    horizon_window_days: int = Field(7, ge=0, description="days apart two 'now' figures still count as one moment")
    steady_subjects: dict[str, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict,
        description="subject heads that change slowly, with the days apart two of their 'now' figures still count "
                    "as one moment (a workforce, a population)")
    wire_copy_similarity: float = Field(0.6, gt=0, le=1, description="trigram overlap that marks a reprinted text")


# --- checks ---------------------------------------------------------------------------------

class CheckSetting(Strict):
    enabled: bool = True
    severity: Literal["info", "warning", "error"] | None = None
    options: dict[str, Any] = Field(default_factory=dict)


class ChecksFile(Strict):
    kind: Literal["checks"]
    description: str = ""
    checks: dict[str, CheckSetting] = Field(default_factory=dict, description="by check code or name")


RULE_FILE_KINDS: dict[str, type[BaseModel]] = {
    "hedges": HedgesFile,
    "subjects": SubjectsFile,
    "attributions": AttributionsFile,
    "horizons": HorizonsFile,
    "tolerances": TolerancesFile,
    "checks": ChecksFile,
}


class RuleSet(BaseModel):
    """Every rule file merged. Built once per run and passed down; never mutated."""

    model_config = ConfigDict(frozen=True)

    hedges: list[Hedge] = Field(default_factory=list)
    amounts: list[VagueAmount] = Field(default_factory=list)
    label_words: list[str] = Field(default_factory=list)
    subjects: list[SubjectEntry] = Field(default_factory=list)
    never_merge: list[list[str]] = Field(default_factory=list)
    splitting_modifiers: list[list[str]] = Field(default_factory=list)
    part_modifiers: list[list[str]] = Field(default_factory=list)
    identity_modifiers: list[list[str]] = Field(default_factory=list)
    share_measures: list[ShareMeasure] = Field(default_factory=list)
    nameless_subjects: list[str] = Field(default_factory=list)
    predicate_idioms: list[str] = Field(default_factory=list)
    predicate_parts: list[str] = Field(default_factory=list)
    measure_words: list[str] = Field(default_factory=list)
    apart_places: list[str] = Field(default_factory=list)
    holding_verbs: list[str] = Field(default_factory=list)
    local_places: list[str] = Field(default_factory=list)
    change_verbs: dict[str, str] = Field(default_factory=dict)
    owning_verbs: list[str] = Field(default_factory=list)
    segment_nouns: list[str] = Field(default_factory=list)
    sources: list[SourceEntry] = Field(default_factory=list)
    demonyms: dict[str, str] = Field(default_factory=dict)
    verbs: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    source_nouns: list[str] = Field(default_factory=list)
    counting_verbs: list[str] = Field(default_factory=list)
    counters: list[str] = Field(default_factory=list)
    clause_only_verbs: list[str] = Field(default_factory=list)
    plan_nouns: list[str] = Field(default_factory=list)
    current: list[str] = Field(default_factory=list)
    eventual: list[str] = Field(default_factory=list)
    past: list[str] = Field(default_factory=list)
    deadline: list[str] = Field(default_factory=list)
    carry_back: list[str] = Field(default_factory=list)
    comparable: list[list[str]] = Field(default_factory=list)
    tolerances: TolerancesFile = Field(default_factory=lambda: TolerancesFile(kind="tolerances"))
    checks: dict[str, CheckSetting] = Field(default_factory=dict)
    files: list[str] = Field(default_factory=list, description="the files this set was read from")


def load_rules(rules_dir: Path | None = None) -> RuleSet:
    """Read every *.yaml / *.yml in the folder; raise ConfigError on the first bad file."""
    folder = rules_dir or DEFAULT_RULES_DIR
    if not folder.is_dir():
        raise ConfigError(f"{folder}: rules folder not found")
    paths = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    if not paths:
        raise ConfigError(f"{folder}: no rule files (*.yaml) in the rules folder")
    merged: dict[str, Any] = {"files": [str(p) for p in paths]}
    hedge_owner: dict[str, tuple[str, Path]] = {}
    for path in paths:
        rule_file = load_rule_file(path)
        if isinstance(rule_file, HedgesFile):
            _check_hedge_words(rule_file, path, hedge_owner)
        _merge(merged, rule_file)
    return RuleSet.model_validate(merged)


def _check_hedge_words(rule_file: HedgesFile, path: Path, owner: dict[str, tuple[str, Path]]) -> None:
    """One hedge word with two meanings ('about' as approximate and as upper bound) is a contradiction."""
    for hedge in rule_file.hedges:
        for word in hedge.words:
            key = " ".join(word.lower().split())
            bound, first_path = owner.setdefault(key, (hedge.bound, path))
            if bound != hedge.bound:
                raise ConfigError(f"{path}: hedge '{word}' is '{hedge.bound}' here but '{bound}' in {first_path}")


def load_rule_file(path: Path) -> BaseModel:
    data, node = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1:1: a rule file must be a mapping with a 'kind:' key")
    kind = data.get("kind")
    model = RULE_FILE_KINDS.get(str(kind)) if kind is not None else None
    if model is None:
        known = ", ".join(RULE_FILE_KINDS)
        target = node_at(node, ["kind"]) if kind is not None else node
        raise ConfigError(f"{where(str(path), target)}: 'kind' must be one of {known}, not {kind!r}")
    rule_file = validate(model, data, node, str(path))
    if isinstance(rule_file, ChecksFile):
        validate_check_settings(rule_file, node, str(path))
    return rule_file


def validate_check_settings(checks_file: ChecksFile, node: Any, name: str) -> None:
    """Each setting must name a registered check and give options its Options model accepts."""
    from checker.checks import find_check  # the registry imports the models, not the other way round

    for key, setting in checks_file.checks.items():
        check_class = find_check(key)
        if check_class is None:
            target = key_node_at(node, ["checks", key])
            raise ConfigError(f"{where(name, target)}: unknown check '{key}' (see `claimcheck rules`)")
        validate(check_class.Options, setting.options, node_at(node, ["checks", key, "options"]), name)


def _merge(merged: dict[str, Any], rule_file: BaseModel) -> None:
    if isinstance(rule_file, TolerancesFile):
        merged["tolerances"] = rule_file
        return
    for name, value in rule_file:
        if name in ("kind", "description"):
            continue
        if isinstance(value, list):
            merged.setdefault(name, []).extend(value)
        elif isinstance(value, dict):
            merged.setdefault(name, {}).update(value)
