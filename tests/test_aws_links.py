"""AWS documentation links only in canonical form: one fixture per fault, each named with file, line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import check_aws_links
from scripts.lint import checks

FIXTURES = Path(__file__).parent / "fixtures" / "aws_links"

FAULTS = {
    "locale.md": (
        "locale segment /hi_in/ opens a translated copy",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html",
    ),
    "china_copy.md": (
        "docs.amazonaws.cn is the China Regions' copy",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
    ),
    "fargate_userguide.md": (
        "/AmazonECS/latest/userguide/ is the old Fargate-only guide",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
    ),
    "cloudformation_userguide.md": (
        "TemplateReference guide",
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-loadbalancer.html",
    ),
    "raw_markdown.md": (
        "a raw .md source",
        "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
    ),
    "no_extension.md": (
        "a page name without .html",
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
    ),
    "plain_http.md": ("plain http", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/what-is-ecr.html"),
}


def test_canonical_links_pass():
    assert check_aws_links.check([FIXTURES / "good.md"], root=FIXTURES) == []


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_each_fault_names_file_line_reason_and_the_canonical_form(name):
    reason, fixed = FAULTS[name]
    found = check_aws_links.check([FIXTURES / name], root=FIXTURES)
    assert len(found) == 1
    message = str(found[0])
    assert message.startswith(f"{name}:3: https://") or message.startswith(f"{name}:3: http://")
    assert reason in message
    assert message.endswith(f"; use {fixed}")


def test_every_fixture_fault_is_covered():
    assert {p.name for p in FIXTURES.glob("*.md")} == {"good.md", *FAULTS}


def test_the_site_and_its_docs_link_aws_canonically():
    problems = check_aws_links.check(check_aws_links.files_under(check_aws_links.DEFAULT_PATHS))
    assert not problems, "\n".join(map(str, problems))


def test_make_lint_runs_the_check():
    assert "aws-links" in {check.name for check in checks()}
