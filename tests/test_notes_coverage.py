"""Every fact of the source notes stays on the site, on the page that carries its section.

The notes themselves are not in this repository; each entry below is one fact of theirs, as a
phrase (a regular expression, any case) that its page must keep. A page rewrite that drops a
fact fails here, naming the fact and the page.
"""

from __future__ import annotations

import re

import pytest

from scripts.pages import DOCS

FACTS = {
    "docker/what-is-docker.md": [
        r"software development platform",
        r"any OS",
        r"run the same regardless of where",
        r"microservices",
        r"lift-and-shift",
        r"EC2 instance c(?:ould|an) hold several Docker containers",
        r"any language",
    ],
    "docker/docker-vs-vms.md": [
        r"sort of virtualisation but not exactly",
        r"shared with the host",
        r"Docker daemon",
        r"host OS",
    ],
    "docker/images-and-registries.md": [
        r"stored in Docker repositories",
        r"Docker Hub is a public repo",
        r"ECR Public Gallery",
        r"Dockerfile → build → Docker image",
    ],
    "aws/container-services.md": [
        r"AWS's own container platform",
        r"AWS managed Kubernetes \(open source\)",
        r"AWS serverless container platform",
        r"Where AWS stores container images",
    ],
    "ecs/launch-types.md": [
        r"Launches ECS tasks on ECS clusters",
        r"provision and maintain the infrastructure",
        r"ECS agent",
        r"starting and stopping of Docker containers",
        r"without provisioning infrastructure",
        r"CPU/RAM",
        r"number of Fargate tasks",
    ],
    "ecs/iam-roles.md": [
        r"EC2 Instance Profile",
        r"CloudWatch",
        r"Secrets Manager or SSM",
        r"Each task has a specific role",
        r"Defined in the task definition",
    ],
    "ecs/load-balancers.md": [
        r"Application Load Balancer",
        r"high throughput and high performance",
        r"PrivateLink",
        r"Classic Load Balancer",
        r"not supported on Fargate",
    ],
    "ecs/data-volumes.md": [
        r"EFS file systems can be mounted onto ECS tasks",
        r"any AZ",
        r"Fargate \+ EFS is serverless",
        r"S3 cannot be mounted as a file system",
    ],
    "ecr/overview.md": [
        r"private and public repos",
        r"backed by S3",
        r"controlled via IAM",
        r"pull and push Docker images to the ECR repo",
        r"image scanning",
        r"lifecycle",
        r"image tags",
    ],
    "eks/overview.md": [
        r"open source system to deploy, scale, and manage",
        r"different API",
        r"EC2 \(for worker nodes\) or Fargate",
        r"cloud agnostic",
        r"Worker nodes → EKS node → EKS pods",
        r"taints and tolerations",
    ],
    "eks/node-types.md": [
        r"Auto Scaling Group managed by EKS",
        r"on-demand and spot",
        r"registered to the EKS cluster",
        r"pre-built AMI",
        r"No maintenance required",
    ],
    "eks/data-volumes.md": [
        r"storage class manifest",
        r"Container Storage Interface \(CSI\)",
        r"EBS",
        r"EFS \(works with Fargate\)",
        r"FSx (for )?Lustre",
        r"FSx for NetApp ONTAP",
    ],
}


@pytest.mark.parametrize("src", sorted(FACTS))
def test_the_page_keeps_every_fact_of_its_section_of_the_notes(src):
    text = " ".join((DOCS / src).read_text(encoding="utf-8").split())
    missing = [fact for fact in FACTS[src] if not re.search(fact, text, re.IGNORECASE)]
    assert not missing, f"docs/{src} no longer carries these facts of the notes: {missing}"
