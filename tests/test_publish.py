"""The publish workflow deploys the _site/ that `make test` built and tested, and the README says the same."""
from __future__ import annotations

import re

import pytest
import yaml

from greenmfg.paths import REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "publish.yml"
UPLOAD, DEPLOY = "actions/upload-pages-artifact", "actions/deploy-pages"


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def deploy_problems(workflow: dict) -> list[str]:
    """Why a workflow would publish something other than the tested _site/ (empty when it would not)."""
    steps = _steps(workflow)
    uses = [str(s.get("uses", "")) for s in steps]
    problems = [f"step {u!r} publishes by another route" for u in uses
                if u.startswith(("quarto-dev/quarto-actions/publish", "peaceiris/", "JamesIves/"))]
    problems += [f"step runs {s['run']!r}" for s in steps if re.search(r"quarto\s+publish|gh-pages|git\s+push", str(s.get("run", "")))]
    uploads = [s for s in steps if str(s.get("uses", "")).startswith(UPLOAD)]
    if len(uploads) != 1:
        problems.append(f"{len(uploads)} Pages uploads (want exactly one)")
    problems += [f"uploads {u.get('with', {}).get('path')!r}, not '_site'" for u in uploads
                 if str(u.get("with", {}).get("path", "")).rstrip("/") != "_site"]
    if not any(u.startswith(DEPLOY) for u in uses):
        problems.append("no deploy-pages step")
    order = [i for i, s in enumerate(steps) if "make test" in str(s.get("run", "")) or str(s.get("uses", "")).startswith(UPLOAD)]
    if not order or "make test" not in str(steps[order[0]].get("run", "")):
        problems.append("the upload does not come after `make test`")
    return problems


def test_the_workflow_deploys_the_tested_site_and_nothing_else():
    assert deploy_problems(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("change, problem", [
    (lambda w: w["jobs"]["build"]["steps"][-1]["with"].update(path=".build/site-en"), "not '_site'"),
    (lambda w: w["jobs"]["build"]["steps"].append({"uses": "quarto-dev/quarto-actions/publish@v2"}), "another route"),
    (lambda w: w["jobs"]["deploy"]["steps"].clear(), "no deploy-pages"),
])
def test_the_check_catches_a_workflow_that_publishes_something_else(change, problem):
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    change(workflow)
    assert any(problem in p for p in deploy_problems(workflow))


def test_the_workflow_grants_what_pages_deployment_needs():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_readme_publish_section_names_the_workflow_steps_and_settings():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Publish\n", 1)[1].split("\n## ", 1)[0]
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    actions = {str(s["uses"]).split("@")[0] for s in _steps(workflow) if "uses" in s}
    for action in (UPLOAD, DEPLOY, "quarto-dev/quarto-actions/setup"):
        assert action in actions and f"`{action}" in section, action
    version = next(s["with"]["version"] for s in _steps(workflow) if str(s.get("uses", "")).startswith("quarto-dev"))
    assert f"Quarto {version}" in section
    assert "`path: _site`" in section and "`make test`" in section
    assert workflow["jobs"]["deploy"]["environment"]["name"] in section
    assert "Source: GitHub Actions" in section and "Settings → Pages" in section
