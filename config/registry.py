"""How the apps contribute to shared screens and services without importing each other.

Every hook an app registers is an attribute or method of its AppConfig, read by walking the app
registry, so `config` and `staffing` never import the apps above them (see STYLE.md, "Imports run one
way"). The complete list, with who reads each:

Navigation and home page (config.registry):
  nav_items: list[NavItem]                       -- main navigation links, by role
  def work_queues(self, user) -> list[WorkQueue] -- the user's work queues (config.queues): each one's
                                                    count on the home page and its list, one selector
  def home_queues(self, user) -> list[Queue]     -- other lines for the home page (computed, not a list)

Records and people (config.registry, staffing.records):
  def mopi_review_items(self, user, today) -> list[ReviewItem]  -- records due a MoPI retention review
  def subject_access(self, name, user) -> dict[str, Any]  -- everything the app holds about a named
      person that `user` (the one exporting) may see
  def record_kinds(self) -> list[staffing.records.RecordKind]  -- the records generic things (files,
      letters, review bundles) hang on: key, label, model, `open` (need-to-know + access log in one
      call), reference, url and retention review date (staffing.records)
  def incident_sections(self, incident, user) -> list[IncidentSection]  -- parts of the incident page

Allocation (staffing.services.allocation, through `work_kinds()` / `work_kind_for()` below):
  def work_kinds(self) -> list[WorkKind]         -- the kinds of work allocation may take (the allow
      list), each typed: the skill and weight it needs, who may take it (`roles`), who is barred from
      one item, the specialist skill one item demands (`specialist`), the team-scope question for
      changing who holds it (`change_refusal`), and the callback that writes the app's own field when
      staffing gives it to someone (`on_allocated`). Apps hand their items to someone through
      staffing.services.allocation_give_to and link to the allocation screen through
      staffing.selectors.allocation_page_url_for (template filter `{% load allocation %}allocate_url`):
      neither carries its own copy of a kind's skill or weight.

Rules, reference data, figures and demo data:
  rule_uses: list[RuleUse]                       -- the decisions, queues and screens resting on rules
  reference_tables: list[staffing.reference.ReferenceTable]  -- the CSV tables `load_reference` loads
  def daily_figures(self, day) -> dict[str, dict[str, int]]  -- the app's figures for the daily
      performance page (qa.compliance)
  def complaint_caseloads(self, day) -> list[dict[str, Any]]  -- open cases per advisor (qa.compliance)
  def seed_demo(self, rng, out) -> None          -- the app's demo data (`manage.py seed_demo`)

Events (`announce` below):
  def on_<event>(self, **payload) -> None        -- called inside the announcer's transaction, e.g.
      on_crime_linked_to_incident(incident_id, crime_id), on_serious_sexual_report_awaiting(awaiting_id)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, resolve, reverse

from config.listing import capped_count


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[str]
    order: int = 100


@dataclass(frozen=True)
class Queue:
    """A work queue summary for a home page: how many items and how old the oldest one is."""

    key: str
    label: str
    url: str
    count: int
    oldest: datetime | None = None
    description: str = ""
    order: int = 100
    extra: dict[str, Any] = field(default_factory=dict)
    more: bool = False  # more items than `count` (a work queue counts at most config.listing.COUNT_CAP)

    def age(self, now: datetime) -> str:
        """How long the oldest item has waited, in words a sergeant reads at a glance."""
        return age_text(self.oldest, now) if self.count else ""


def age_text(since: datetime | None, now: datetime) -> str:
    """'45 minutes', '3 hours 10 minutes', '2 days 4 hours', '3 weeks 2 days'; '' when unknown."""
    if since is None:
        return ""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    if minutes < 1:
        return "under a minute"
    weeks, rest = divmod(minutes, 7 * 24 * 60)
    days, rest = divmod(rest, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [(weeks, "week"), (days, "day"), (hours, "hour"), (mins, "minute")]
    shown = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts if n]
    return " ".join(shown[:2])


def nav_for(user: Any) -> list[dict[str, str]]:
    role = getattr(user, "role", None)
    items: list[NavItem] = []
    for config in apps.get_app_configs():
        items.extend(item for item in getattr(config, "nav_items", ()) if role in item.roles)
    out: list[dict[str, str]] = []
    for item in sorted(items, key=lambda i: (i.order, i.label)):
        try:
            out.append({"label": item.label, "url": reverse(item.url_name), "name": item.url_name})
        except NoReverseMatch:
            continue
    return out


@dataclass(frozen=True)
class Waiting:
    """How many items wait for a person across all their queues, each item once."""

    count: int
    more: bool  # more than `count` (a kind of item past config.listing.COUNT_CAP)


def waiting_for(user: Any) -> Waiting:
    """The home page's total. An item can sit in two queues (an open flag is in "Unrecorded crime-related
    incidents" and in "flags to allocate"; a rape crime in the allocation queue and the 24-hour review),
    so the work queues' items are counted once per kind of record: one UNION of their selectors per
    model, each capped like a queue. Lines computed outside the work queues (coverage gaps) are distinct
    kinds and add their counts."""
    by_model: dict[Any, list[Any]] = {}
    for queue in work_queues_for(user):
        items = queue.select(user).order_by().values("pk")
        by_model.setdefault(items.model, []).append(items)
    count, more = 0, False
    for selections in by_model.values():
        first, *rest = selections
        union = (first.union(*rest) if rest else first).order_by()
        counted, over = capped_count(union)
        count += counted
        more = more or over
    for config in apps.get_app_configs():
        provider = getattr(config, "home_queues", None)
        if provider is not None:
            for line in provider(user):
                count += line.count
                more = more or line.more
    return Waiting(count=count, more=more)


def queues_for(user: Any) -> list[Queue]:
    queues: list[Queue] = [queue.summary(user) for queue in work_queues_for(user)]
    for config in apps.get_app_configs():
        provider = getattr(config, "home_queues", None)
        if provider is not None:
            queues.extend(_as_list(provider(user)))
    return sorted(queues, key=lambda q: (q.order, q.label))


def work_queues_for(user: Any) -> list[Any]:
    """Every app's work queues (config.queues.WorkQueue) that `user` may work."""
    out: list[Any] = []
    for config in apps.get_app_configs():
        provider = getattr(config, "work_queues", None)
        if provider is not None:
            out.extend(provider(user))
    return out


def work_queue_for(user: Any, key: str) -> Any | None:
    """The work queue `key` if `user` may work it, else None."""
    return next((queue for queue in work_queues_for(user) if queue.key == key), None)


def _as_list(items: Iterable[Queue]) -> list[Queue]:
    return list(items)


@dataclass(frozen=True)
class ReviewItem:
    """One record due a MoPI (Management of Police Information) retention review."""

    kind: str  # e.g. "Crime", "Complaint case"
    reference: str
    review_on: date
    url: str
    detail: str = ""


def mopi_review_items_for(user: Any, today: date) -> list[ReviewItem]:
    """Records across the apps whose MoPI review date is on or before `today`, oldest first."""
    items: list[ReviewItem] = []
    for config in apps.get_app_configs():
        provider = getattr(config, "mopi_review_items", None)
        if provider is not None:
            items.extend(provider(user, today))
    return sorted(items, key=lambda i: (i.review_on, i.kind, i.reference))


def subject_access_for(name: str, user: Any) -> dict[str, Any]:
    """Everything each app holds about a named person, keyed by app label (apps holding nothing about
    anyone are still listed, with what they answered). Each app answers only with records `user` may
    see: an export never shows its requester what their role or standing hides (a subject of a complaint
    case asking about themselves gets no case about them)."""
    out: dict[str, Any] = {}
    for config in apps.get_app_configs():
        provider = getattr(config, "subject_access", None)
        if provider is not None:
            out[config.label] = provider(name, user)
    return out


@dataclass(frozen=True)
class Specialist:
    """A specialist skill one work item demands beyond its kind's `skill`, and why (shown on the
    allocation page): nobody without valid training in it is suggested, offered in the picker or accepted
    through the API, whatever reason a sergeant gives (issue 20 part 2: rape and serious sexual offences
    need sexual offences investigation)."""

    skill: str
    why: str


@dataclass(frozen=True)
class WorkKind:
    """A kind of work item the allocation screen and API may take: an app's entry in the allow list,
    and what staffing's allocation service (`staffing.services.allocation`) must know about it.

    An app's AppConfig lists its own in `work_kinds(self) -> list[WorkKind]`; a model no app lists is
    not work, whatever its app (issue 17: the allocation screen once read any model but a deny list).
    `visible(user, item)` is the app's one visibility rule for that kind (the same one its lists and
    pages use): allocation answers "not found" for an item the caller may not see, as for a missing one.
    `skill`, `weight`: what the work needs and how much of someone's workload it takes; staffing reads
    them from here (allocation_give_to, allocation_page_url_for), never from a copy in the app.
    `roles`: the roles that may take this work (a crime goes to investigators, never to a sergeant or a
    crime recorder): nobody else is suggested, and nobody else may be chosen, whatever reason is given
    (None: every role that takes work); `roles_label` names them in words.
    `barred(item)`: ids of people who may not take this particular item (separation of duties: the
    owner or recorder of a record never audits it).
    `on_allocated(item, allocation)`: called by the allocation service, inside its transaction, after
    it gives the item to someone, so the owning app writes its own field (a crime's owner, a flag's
    assignee) through its own code: the one way that field follows an allocation, no signals
    (STYLE 12, "One writer per fact").
    `change_refusal(actor, item, what)`: the app's one team-scope question for changing who holds this
    item (assign, reassign, complete from the page or the API): None when `actor` may, else why not
    (issue 20 part 6: a sergeant moved another team's crime to their own team through the API).
    `specialist(item)`: a specialist skill this particular item demands beyond `skill` (a rape needs
    sexual offences investigation): only those validly trained in it are suggested, offered or accepted,
    and the allocation page says which skill and why everyone else was left out (issue 20 part 2)."""

    model: type[Any]
    skill: str
    weight: int
    visible: Callable[[Any, Any], bool]
    roles: frozenset[str] | None = None
    roles_label: str = ""
    on_allocated: Callable[[Any, Any], None] | None = None
    barred: Callable[[Any], set[int]] | None = None
    change_refusal: Callable[[Any, Any, str], str | None] | None = None
    specialist: Callable[[Any], Specialist | None] | None = None

    @property
    def label(self) -> str:
        """ "app_label.modelname", as the allocation API's item_type takes it."""
        return str(self.model._meta.label_lower)


def work_kinds() -> dict[str, WorkKind]:
    """Every kind of allocatable work, keyed by "app_label.modelname"."""
    kinds: dict[str, WorkKind] = {}
    for config in apps.get_app_configs():
        provider = getattr(config, "work_kinds", None)
        if provider is not None:
            kinds.update((kind.label, kind) for kind in provider())
    return kinds


@dataclass(frozen=True)
class RuleUse:
    """A decision, work queue or screen that rests on rules of the catalogue (staffing.Rule): each rule's
    page lists what uses it. Declared by the app that owns the decision (AppConfig.rule_uses), beside
    its code, so the catalogue never imports the apps above it."""

    kind: str  # "Decision", "Queue" or "Screen"
    label: str
    url_name: str  # where a person meets it; reversed without arguments
    rules: tuple[str, ...]

    def url(self) -> str:
        return reverse(self.url_name)

    def open_to(self, user: Any) -> bool:
        """Whether the user's role may open the page (the roles its view declares): the rule page
        links it only for them."""
        # Imported here: config.access reaches django.contrib.auth, which AppConfig modules (importing
        # this one) must not load before the app registry is ready.
        from config.access import declared_roles

        roles = declared_roles(resolve(self.url()).func) or frozenset()
        return getattr(user, "role", None) in roles


def rule_uses() -> list[RuleUse]:
    """Every declared use, in app order then as declared."""
    uses: list[RuleUse] = []
    for config in apps.get_app_configs():
        uses.extend(getattr(config, "rule_uses", ()))
    return uses


def rule_uses_for(code: str) -> list[RuleUse]:
    return [use for use in rule_uses() if code in use.rules]


def work_kind_for(model: type[Any]) -> WorkKind | None:
    """The registered work kind of `model` (None: not a kind of work any app registered)."""
    return work_kinds().get(str(model._meta.label_lower))


@dataclass(frozen=True)
class IncidentSection:
    """A part of the incident page (and of its API answer) that an app above recording contributes, e.g.
    qa's unrecorded-incident flags and dip-test samples. `rows` are plain dicts: the page renders them
    with `template`, the API returns them under `key`."""

    key: str
    title: str
    template: str
    rows: list[dict[str, Any]]
    empty: str = ""
    order: int = 100


def incident_sections_for(incident: Any, user: Any) -> list[IncidentSection]:
    sections: list[IncidentSection] = []
    for config in apps.get_app_configs():
        provider = getattr(config, "incident_sections", None)
        if provider is not None:
            sections.extend(provider(incident, user))
    return sorted(sections, key=lambda s: (s.order, s.title))


def announce(event: str, **payload: Any) -> None:
    """Tell the apps above that something happened, without importing them: every AppConfig with a
    method `on_<event>` is called with the payload (ids and small values), inside the caller's
    transaction, so what the listener writes commits or rolls back with the event."""
    for config in apps.get_app_configs():
        listener = getattr(config, f"on_{event}", None)
        if listener is not None:
            listener(**payload)
