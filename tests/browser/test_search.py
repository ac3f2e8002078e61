"""Search, typed into the header box key by key as a reader would, finds the page about a topic
first, online and from file:// (where the index is search/search_index.js and the iframe-worker shim).

The queries are typed in the background from the first browser test, one tab per build
(tests/browser/conftest.py, `typed_searches`); the tests below judge what each one found."""

from __future__ import annotations

import pytest

from scripts.pages import load_site_map
from tests.browser.targets import VARIANTS

pytestmark = pytest.mark.browser

# A query per topic, each answered by one page that is clearly about it.
FIRST_RESULT = {
    "Dockerfile": "docker/what-is-docker.md",
    "hypervisor": "docker/docker-vs-vms.md",
    "four services": "aws/container-services.md",
    "launch type": "ecs/launch-types.md",
    "task role": "ecs/iam-roles.md",
    "Network Load Balancer": "ecs/load-balancers.md",
    "Fargate EFS": "ecs/data-volumes.md",
    "lifecycle policy": "ecr/overview.md",
    "taints": "eks/overview.md",
    "managed node group": "eks/node-types.md",
    "CSI driver": "eks/data-volumes.md",
    "glossary": "study/glossary.md",
}
SITE = load_site_map()


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("query", "expected"), FIRST_RESULT.items())
def test_search_finds_the_topic_page_first(typed_searches, variant, query, expected, page_url):
    results, problems = typed_searches(variant, query)
    want = page_url(variant, SITE.by_src(expected))
    assert results and results[0] == want, (
        f"docs/{expected} ({variant}): searching {query!r} gives first {results[:3] or 'nothing'}, want {want}"
    )
    assert not problems, f"({variant}) while searching {query!r}: {problems}"
