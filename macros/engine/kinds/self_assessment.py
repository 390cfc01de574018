"""A self-assessment: Likert items in dimensions, bands, an optional safety screen (QUIZ_FORMAT "Self-assessment")."""

from __future__ import annotations

from collections import Counter
from typing import Literal

from pydantic import Field

from ..problems import did_you_mean
from ..schema import BlockText, Boolean, Common, Identifier, InlineText, Number, Plain, ScalePoint, Strict
from . import Kind, register

MAX_SCALE_POINTS = 11

class Band(Strict):
    upto: Number
    label: InlineText
    message: BlockText | None = None
    recommend: list[Plain] = ()


class Dimension(Strict):
    id: Identifier
    title: InlineText
    description: BlockText | None = None
    bands: list[Band] = Field(min_length=1)


class Scale(Strict):
    min: ScalePoint
    max: ScalePoint
    labels: list[InlineText]


class Item(Strict):
    text: InlineText
    dimension: Plain
    reverse: Boolean = False


class Overall(Strict):
    bands: list[Band] = Field(min_length=1)


class ScreenItem(Strict):
    text: InlineText
    when: list[ScalePoint] = Field(min_length=1)  # the scale values that put safety first


class Screen(Strict):
    """Items never scored or stored: any trigger answer puts this message before every score."""

    title: InlineText
    message: BlockText
    recommend: list[Plain] = ()
    items: list[ScreenItem] = Field(min_length=1, max_length=6)


class SelfAssessment(Common):
    kind: Literal["self-assessment"]
    scale: Scale
    dimensions: list[Dimension] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)
    overall: Overall | None = None
    screen: Screen | None = None


def rules(quiz: SelfAssessment, at):
    scale = quiz.scale
    if scale.min >= scale.max:
        yield at(("scale", "max"), f"scale max ({scale.max}) must be greater than min ({scale.min})",
                 "for a five-point scale write min: 1 and max: 5")
    elif scale.max - scale.min + 1 > MAX_SCALE_POINTS:
        yield at(("scale", "max"), f"the scale has {scale.max - scale.min + 1} points",
                 f"use at most {MAX_SCALE_POINTS} points")
    elif len(scale.labels) != scale.max - scale.min + 1:
        yield at(("scale", "labels"), f"{len(scale.labels)} labels for a scale of "
                 f"{scale.max - scale.min + 1} points ({scale.min} to {scale.max})",
                 f"give exactly {scale.max - scale.min + 1} labels, one per point")

    ids = [d.id for d in quiz.dimensions]
    seen: set[str] = set()
    for i, dim_id in enumerate(ids):
        if dim_id == "overall":
            yield at(("dimensions", i, "id"), "the dimension id 'overall' is reserved",
                     "choose another id; the overall score is set with the top-level 'overall' key")
        elif dim_id in seen:
            yield at(("dimensions", i, "id"), f"dimension id '{dim_id}' is used twice",
                     "give each dimension its own id")
        seen.add(dim_id)

    counts = Counter(item.dimension for item in quiz.items)
    for i, item in enumerate(quiz.items):
        if item.dimension not in seen:
            yield at(("items", i, "dimension"), f"unknown dimension '{item.dimension}'",
                     did_you_mean(item.dimension, ids, "use one of: " + ", ".join(ids)))
    for i, dim in enumerate(quiz.dimensions):
        if counts[dim.id] < 2:
            yield at(("dimensions", i), f"dimension '{dim.id}' has {counts[dim.id]} item(s)",
                     "give every dimension at least 2 items")

    for i, dim in enumerate(quiz.dimensions):
        yield from _bands(dim.bands, ("dimensions", i, "bands"), scale, at)
    if quiz.overall is not None:
        yield from _bands(quiz.overall.bands, ("overall", "bands"), scale, at)
    if quiz.screen is not None:
        yield from _screen(quiz.screen, scale, at)


def _bands(bands, path, scale, at):
    previous = None
    for j, band in enumerate(bands):
        where = path + (j, "upto")
        if not scale.min <= band.upto <= scale.max:
            yield at(where, f"upto {band.upto:g} lies outside the scale ({scale.min} to {scale.max})",
                     "choose a value within the scale")
        elif previous is not None and band.upto <= previous:
            yield at(where, f"bands are not in ascending order: upto {band.upto:g} follows {previous:g}",
                     "list bands from the lowest upto to the highest")
        previous = band.upto
        yield from _recommend_paths(band.recommend, path + (j, "recommend"), at)
    if bands and bands[-1].upto != scale.max:
        yield at(path + (len(bands) - 1, "upto"), f"the last band ends at {bands[-1].upto:g}, "
                 f"not at the scale's max ({scale.max})", f"set the last band's upto to {scale.max}")


def _recommend_paths(targets, path, at):
    for k, target in enumerate(targets):
        page = target.split("#", 1)[0]
        if not page.endswith(".md") or page.startswith(("/", ".")) or "://" in target:
            yield at(path + (k,), f"'{target}' is not a docs-relative page path",
                     "write the page's path under docs/, like lessons/trust.md")


def _screen(screen, scale, at):
    yield from _recommend_paths(screen.recommend, ("screen", "recommend"), at)
    for i, item in enumerate(screen.items):
        seen = set()
        for k, value in enumerate(item.when):
            where = ("screen", "items", i, "when", k)
            if not scale.min <= value <= scale.max:
                yield at(where, f"when {value} lies outside the scale ({scale.min} to {scale.max})",
                         "list only answers the scale offers")
            elif value in seen:
                yield at(where, f"when lists {value} twice", "list each answer once")
            seen.add(value)


def links(quiz: SelfAssessment):
    """Every list of recommended pages, with its path in the file."""
    groups = [(("dimensions", i, "bands"), d.bands) for i, d in enumerate(quiz.dimensions)]
    if quiz.overall is not None:
        groups.append((("overall", "bands"), quiz.overall.bands))
    yield from ((path + (j, "recommend"), band.recommend) for path, bands in groups for j, band in enumerate(bands))
    if quiz.screen is not None:
        yield ("screen", "recommend"), quiz.screen.recommend


KIND = register(Kind("self-assessment", SelfAssessment, lambda quiz: quiz.items, rules, links))
