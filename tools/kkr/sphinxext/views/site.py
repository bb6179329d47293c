"""Every page model of the site, keyed by docname (or by view name for hand-written pages)."""

from __future__ import annotations

from kkr.corpus import Corpus
from kkr.sphinxext.links import build
from kkr.sphinxext.views.agreements import contract_views, matter_views, topic_views
from kkr.sphinxext.views.common import Context, View
from kkr.sphinxext.views.front import FRONT, front_view
from kkr.sphinxext.views.meetings import case_views, meeting_views
from kkr.sphinxext.views.people import organization_views, person_views
from kkr.sphinxext.views.workplans import workplan_views


def all_views(corpus: Corpus, prefix: str, extra_docs: list[str]) -> dict[str, View]:
    """Return every page model; generated pages are keyed by their docname."""
    ctx = Context(corpus, build(corpus), prefix)
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
    out[FRONT] = front_view(ctx, extra_docs)
    return out
