"""`dossier correct ...` and `dossier corrections`: an analyst's corrections to actors and
events, which last (see `resolve/corrections.py`). They use the helpers of `dossier.cli`, which
registers them."""
from __future__ import annotations

import getpass
from typing import Annotated, Optional

import typer
from sqlalchemy import select

from dossier.cli import DEFAULT_DB, DbOption, _open_current, out
from dossier.cli_views import (LIST_FORMATS, FormatOption, _actor_label, _check_format, _fail,
                               _print_rows, choose)
from dossier.resolve.correct import BadCorrection, make
from dossier.resolve.correct import undo as undo_correction
from dossier.resolve.corrections import ACTOR_TYPES
from dossier.store.filters import actor_matches
from dossier.store.schema import CorrectionRow

correct_app = typer.Typer(
    help="Correct an actor or an event: merge, split, rename, country, type, reject, confirm, "
         "undo. Each correction is stored with who made it, when and why, and applied again "
         "after every rebuild and ingest (each takes --db like every command).",
    no_args_is_help=True)

ByOption = Annotated[Optional[str], typer.Option(
    "--by", envvar="DOSSIER_USER", show_default="your login name",
    help="Who makes the correction (stored and shown with it).")]
WhyOption = Annotated[str, typer.Option("--why", help="Why (stored and shown with it).")]
ActorArgument = Annotated[str, typer.Argument(metavar="ACTOR", help="An actor's id or name.")]
EventArgument = Annotated[str, typer.Argument(metavar="EVENT", help="An event's id.")]


def _correct(db: str, action: str, target: str, value: dict, by: str | None, why: str,
             find_actor: bool = True) -> None:
    """Make the correction (`resolve.correct.make`): names are looked up here, asking which
    when several actors have one."""
    store = _open_current(db)
    with store.session() as s:
        if find_actor:
            target = choose(actor_matches(s, target), target, _actor_label).id
        if action == "merge":
            value = {"into": choose(actor_matches(s, value["into"]), value["into"],
                                    _actor_label).id}
    try:
        c = make(store, action, target, value, by or getpass.getuser(), why)
    except BadCorrection as bad:
        raise _fail(str(bad), 1) from None
    out.print(f"correction {c.id}: {action} {target} {_value(action, c.value)}".rstrip()
              + "; applied, and applied again after every rebuild", markup=False)


def _value(action: str, value: dict) -> str:
    if action == "merge":
        return f"into {value['into']}"
    if action == "split":
        return f"as {value['id']} ({', '.join(value['names'])})"
    return " ".join(str(v) for k, v in value.items())


@correct_app.command("merge")
def merge(actor: ActorArgument, into: Annotated[str, typer.Argument(
              metavar="INTO", help="The actor it is (id or name); it keeps its id.")],
          why: WhyOption, by: ByOption = None, db: DbOption = DEFAULT_DB) -> None:
    """Two actors are one: ACTOR's mentions, roles, events and names go to INTO."""
    _correct(db, "merge", actor, {"into": into}, by, why)


@correct_app.command("split")
def split(actor: ActorArgument,
          names: Annotated[list[str], typer.Option(
              "--name", help="A name (as the reports write it) of the other person; repeat "
              "for several. The first is the new actor's name.")],
          why: WhyOption, by: ByOption = None, db: DbOption = DEFAULT_DB) -> None:
    """One actor is two people: its mentions by --name become an actor of their own."""
    _correct(db, "split", actor, {"names": names}, by, why)


@correct_app.command("rename")
def rename(actor: ActorArgument, name: Annotated[str, typer.Argument(help="The right name.")],
           why: WhyOption, by: ByOption = None, db: DbOption = DEFAULT_DB) -> None:
    """Give an actor its right name (the old one stays among its aliases)."""
    _correct(db, "rename", actor, {"name": name}, by, why)


@correct_app.command("country")
def country(actor: ActorArgument, code: Annotated[str, typer.Argument(
                metavar="COUNTRY", help="A country name or ISO code.")],
            why: WhyOption, by: ByOption = None, db: DbOption = DEFAULT_DB) -> None:
    """Set the country an actor belongs to."""
    _correct(db, "country", actor, {"country": code}, by, why)


@correct_app.command("type")
def kind(actor: ActorArgument, type_: Annotated[str, typer.Argument(
             metavar="TYPE", help=f"One of: {', '.join(ACTOR_TYPES)}.")],
         why: WhyOption, by: ByOption = None, db: DbOption = DEFAULT_DB) -> None:
    """Set what kind of actor it is."""
    _correct(db, "type", actor, {"type": type_}, by, why)


@correct_app.command("reject")
def reject(event: EventArgument, why: WhyOption, by: ByOption = None,
           db: DbOption = DEFAULT_DB) -> None:
    """An event that did not happen (a misreading): it leaves the timeline, views and export."""
    _correct(db, "reject", event, {}, by, why, find_actor=False)


@correct_app.command("confirm")
def confirm(event: EventArgument, why: WhyOption, by: ByOption = None,
            db: DbOption = DEFAULT_DB) -> None:
    """An event checked against its sources: its confidence becomes 1."""
    _correct(db, "confirm", event, {}, by, why, find_actor=False)


@correct_app.command("undo")
def undo(number: Annotated[int, typer.Argument(metavar="N", help="The correction's number.")],
         db: DbOption = DEFAULT_DB) -> None:
    """Undo correction N: it is kept, marked undone, and the knowledge base is rebuilt without it."""
    try:
        undo_correction(_open_current(db), number)
    except BadCorrection as bad:
        raise _fail(f"{bad} (see: dossier corrections)", 1) from None
    out.print(f"correction {number} undone; knowledge base rebuilt without it", markup=False)


def corrections_command(fmt: FormatOption = "table", db: DbOption = DEFAULT_DB) -> None:
    """Every correction: number, when, by whom, what, on which record, why, and whether it
    still applies (the documents may have changed since)."""
    _check_format(fmt, LIST_FORMATS)
    with _open_current(db).session() as s:
        rows = [{"n": c.id, "made": c.made_at.strftime("%Y-%m-%d %H:%M"), "by": c.author,
                 "action": c.action, "target": c.target,
                 "value": _value(c.action, c.value or {}), "why": c.reason,
                 "status": "undone" if c.undone_at else c.outcome or ""}
                for c in s.scalars(select(CorrectionRow).order_by(CorrectionRow.id))]
    _print_rows(rows, fmt, "Corrections")
