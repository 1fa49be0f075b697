"""The GitHub Actions workflows are safe: zizmor finds nothing, and their shape is checked here too.

zizmor runs offline with the strictest persona (auditor, which includes pedantic), ignoring any
ignore comments or config, so a finding can never be silenced without changing this test.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import run_zizmor, triggers

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PR = WORKFLOWS / "pr.yml"
DEPLOY = WORKFLOWS / "deploy.yml"

SHA_PINNED = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+\.\d+\.\d+\s*$")
READ_ONLY = {"read", "none"}

BAD_WORKFLOW = """\
name: bad
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "Thanks for ${{ github.event.pull_request.title }}"
"""


def describe(findings: list[dict]) -> str:
    return "\n".join(f"{f.get('ident')}: {f.get('desc')} ({f.get('determinations', {}).get('severity')})" for f in findings)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


def all_workflows() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


# ---------------------------------------------------------------- zizmor


def test_zizmor_finds_nothing():
    proc, findings = run_zizmor(WORKFLOWS)
    assert findings == [], f"zizmor findings:\n{describe(findings)}"
    assert proc.returncode == 0, proc.stderr


def test_zizmor_catches_a_dangerous_workflow(tmp_path):
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    proc, findings = run_zizmor(workflows)
    assert proc.returncode != 0
    found = {f["ident"] for f in findings}
    assert {"dangerous-triggers", "template-injection", "unpinned-uses"} <= found, found


# ---------------------------------------------------------------- structure


def test_both_workflows_exist():
    assert PR.is_file() and DEPLOY.is_file()


def test_pr_triggers_on_pull_request_only():
    assert triggers(load(PR)) == {"pull_request"}


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_no_workflow_uses_pull_request_target(path):
    assert "pull_request_target" not in triggers(load(path))


def test_deploy_triggers_on_main_and_daily_only():
    workflow = load(DEPLOY)
    on = workflow.get("on", workflow.get(True))
    assert set(on) == {"push", "schedule", "workflow_dispatch"}
    assert on["push"] == {"branches": ["main"]}
    assert len(on["schedule"]) == 1


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_top_level_permissions_are_empty(path):
    workflow = load(path)
    assert "permissions" in workflow, f"{path.name}: no top-level permissions"
    assert workflow["permissions"] == {}


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_jobs_are_read_only_except_the_pages_deploy(path):
    for job_id, job in load(path)["jobs"].items():
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"{path.name} {job_id}: permissions {permissions!r}"
        if path == DEPLOY and job_id == "deploy":
            assert permissions == {"pages": "write", "id-token": "write"}
        else:
            assert set(permissions.values()) <= READ_ONLY, f"{path.name} {job_id}: {permissions}"


def test_deploy_job_alone_can_write_and_is_serialised():
    workflow = load(DEPLOY)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert any(s.get("id") == "deployment" and s["uses"].startswith("actions/deploy-pages@") for s in deploy["steps"])
    concurrency = workflow.get("concurrency") or deploy.get("concurrency")
    assert isinstance(concurrency, dict), "deploy has no concurrency group"
    assert concurrency["group"] == "pages"
    assert concurrency["cancel-in-progress"] is False
    build_steps = [s.get("uses", "") for s in workflow["jobs"]["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in build_steps)


def test_pr_cancels_superseded_runs():
    concurrency = load(PR)["concurrency"]
    assert "github.event.pull_request.number" in concurrency["group"]
    assert concurrency["cancel-in-progress"] is True


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [m for line in path.read_text(encoding="utf-8").splitlines() if (m := USES_LINE.match(line))]
    assert lines, f"{path.name} uses no actions"
    for match in lines:
        ref, rest = match.groups()
        assert SHA_PINNED.match(ref), f"{path.name}: {ref} is not pinned to a 40-hex commit SHA"
        assert VERSION_COMMENT.match(rest), f"{path.name}: {ref} lacks a `# vX.Y.Z` comment"
    parsed = [step["uses"] for _, step in steps(load(path)) if "uses" in step]
    assert len(parsed) == len(lines)


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_checkouts_do_not_keep_credentials(path):
    for job_id, step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, f"{path.name} {job_id}"


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_run_scripts_take_values_from_env_not_templates(path):
    for job_id, step in steps(load(path)):
        assert "${{" not in step.get("run", ""), f"{path.name} {job_id}: {step.get('name')}"


def test_pr_check_runs_every_check_and_keeps_a_preview():
    job = next(iter(load(PR)["jobs"].values()))
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    for command in (
        "make install",
        "make annotate FORMAT=github",
        "make check",
        "make site",
        'python scripts/diff.py "$BASE_SHA" "$HEAD_SHA" --author "$AUTHOR" >> "$GITHUB_STEP_SUMMARY"',
    ):
        assert command in runs, command
    # what those make targets run (the same on every forge)
    dry = subprocess.run(["make", "-n", "annotate", "check", "site", "FORMAT=github"], capture_output=True, text=True, cwd=ROOT).stdout
    for command in (
        "scripts/validate.py --format github catalogue",
        "scripts/fmt.py --check",
        "scripts/codeowners.py --check",
        "scripts/build.py --catalogue catalogue --site-dir site",
    ):
        assert command in dry, command
    annotate = next(s for s in job["steps"] if s.get("run") == "make annotate FORMAT=github")
    assert annotate["env"]["CHANGED"] == "${{ github.event.pull_request.base.sha }}"  # warnings of the PR's files
    dry = subprocess.run(["make", "-n", "annotate", "FORMAT=github", "CHANGED=abc123"], capture_output=True, text=True, cwd=ROOT).stdout
    assert "scripts/validate.py --format github catalogue --changed abc123" in dry
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
