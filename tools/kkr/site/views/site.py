"""Every page model of the site, keyed by docname (or by view name for hand-written pages)."""

from __future__ import annotations

from datetime import date

from kkr.changes import timeline
from kkr.loading.corpus import Corpus
from kkr.site.links import build
from kkr.site.views.agreements import contract_views, matter_views, topic_views
from kkr.site.views.common import Context, View
from kkr.site.views.front import FRONT, front_view
from kkr.site.views.history import add as add_history
from kkr.site.views.meetings import case_views, meeting_views
from kkr.site.views.people import organization_views, person_views
from kkr.site.views.sources import source_views
from kkr.site.views.workplans import workplan_views


def all_views(corpus: Corpus, prefix: str, extra_docs: list[str], today: date) -> dict[str, View]:
    """Return every page model as of ``today``; generated pages are keyed by their docname."""
    ctx = Context(corpus, build(corpus), prefix, today)
    out: dict[str, View] = {}
    for views in (
        meeting_views,
        case_views,
        person_views,
        organization_views,
        contract_views,
        matter_views,
        workplan_views,
        topic_views,
    ):
        out.update(views(ctx))
    add_history(out, corpus, prefix, timeline.of(corpus))
    out.update(ctx.extra)
    # Last: a document's page anchors the ranges every other page cites.
    out.update(source_views(ctx))
    out[FRONT] = front_view(ctx, extra_docs)
    return out
