"""The same CI on every forge: GitHub (.github/workflows), GitLab (.gitlab-ci.yml) and Forgejo or
Gitea (.forgejo/workflows) each call the same make targets, pin what they run, rebuild daily and
never print a secret. (tests/test_workflows.py audits the GitHub workflows in depth.)"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import run_zizmor, triggers, zizmor_command

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github" / "workflows"
GITLAB = ROOT / ".gitlab-ci.yml"
FORGEJO = ROOT / ".forgejo" / "workflows"
DAILY = "17 21 * * *"  # 05:17 in China

# An image is pinned when it names an exact version (3.11.11, not 3.11 or latest) or a digest.
PINNED_IMAGE = re.compile(r"^[a-z0-9./_-]+(:\d+\.\d+\.\d+[a-z0-9._-]*)?(@sha256:[0-9a-f]{64})?$")
# Printing a secret, or tracing commands (which prints the values they use).
SECRET_NAME = r"\$\{?\w*(SECRET|TOKEN|PASSWORD|ACCESS_KEY)\w*"
LEAKS = (
    re.compile(rf"\b(echo|printf|cat)\b[^\n|]*{SECRET_NAME}", re.I),
    re.compile(r"\bset\s+-[a-z]*x|\bset\s+-o\s+xtrace|\b(ba)?sh\s+-[a-z]*x\b"),
    re.compile(r"^\s*(printenv|env|export\s+-p|declare\s+-x)\s*$", re.M),
)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


def image_pinned(image: str) -> bool:
    match = PINNED_IMAGE.match(image)
    return bool(match and (match.group(1) or match.group(2)))


def leaks(script: str) -> list[str]:
    return [m.group(0) for pattern in LEAKS for m in pattern.finditer(script)]


def make_targets() -> set[str]:
    """The targets the Makefile defines, as make itself reads them."""
    out = subprocess.run(["make", "-pRrq", "-f", str(ROOT / "Makefile"), ":"], capture_output=True, text=True, cwd=ROOT).stdout
    return {m.group(1) for m in re.finditer(r"^([a-zA-Z][\w-]*):", out, re.M)}


def make_calls(script: str) -> list[str]:
    """`make TARGET [VAR=value ...]` as the script calls it: the targets named."""
    calls = []
    for line in script.splitlines():
        for match in re.finditer(r"(?:^|[;&|]\s*)make((?:\s+[\w.-]+(?:=\S*)?)+)", line.strip()):
            calls.extend(word for word in match.group(1).split() if "=" not in word)
    return calls


def forge_files() -> dict[str, list[Path]]:
    return {
        "github": sorted(GITHUB.glob("*.yml")),
        "gitlab": [GITLAB],
        "forgejo": sorted(FORGEJO.glob("*.yml")),
    }


def scripts(forge: str, path: Path) -> list[str]:
    """Every shell script the file runs: steps' `run`, or jobs' before_script and script."""
    data = load(path)
    if forge == "gitlab":
        jobs = [job for name, job in data.items() if isinstance(job, dict) and ("script" in job or name == "default")]
        return ["\n".join(job.get(key) or []) for job in jobs for key in ("before_script", "script")]
    return [step.get("run", "") for job in data["jobs"].values() for step in job.get("steps", [])]


def images(forge: str, path: Path) -> list[str]:
    data = load(path)
    if forge == "gitlab":
        found = [data.get("image")] + [job.get("image") for job in data.values() if isinstance(job, dict)]
    else:
        found = [(job.get("container") or {}).get("image") for job in data["jobs"].values()]
    return [image if isinstance(image, str) else image["name"] for image in found if image]


ALL = [(forge, path) for forge, paths in forge_files().items() for path in paths]
IDS = [f"{forge}-{path.name}" for forge, path in ALL]


def test_every_forge_has_its_files():
    assert {forge: [p.name for p in paths] for forge, paths in forge_files().items()} == {
        "github": ["deploy.yml", "pr.yml"],
        "gitlab": [".gitlab-ci.yml"],
        "forgejo": ["deploy.yml", "pr.yml"],
    }


@pytest.mark.parametrize(("forge", "path"), ALL, ids=IDS)
def test_each_file_calls_only_make_targets_that_exist(forge, path):
    targets = make_targets()
    called = [target for script in scripts(forge, path) for target in make_calls(script)]
    assert called, f"{path.name} calls no make target"
    assert set(called) <= targets, set(called) - targets


def test_the_make_target_check_catches_a_missing_target():
    assert make_calls("make install\nmake annotate FORMAT=github && make nosuchtarget") == ["install", "annotate", "nosuchtarget"]
    assert "nosuchtarget" not in make_targets() and {"check", "annotate", "site", "publish", "install"} <= make_targets()


def called_by(forge: str) -> set[str]:
    return {target for path in forge_files()[forge] for script in scripts(forge, path) for target in make_calls(script)}


@pytest.mark.parametrize("forge", ["github", "gitlab", "forgejo"])
def test_every_forge_checks_annotates_builds_and_publishes_with_the_same_targets(forge):
    assert {"install", "check", "annotate", "site"} <= called_by(forge)
    if forge != "github":  # GitHub publishes to Pages by its own actions; its storage job runs make publish too
        assert "publish" in called_by(forge)
    assert "publish" in called_by("github")


@pytest.mark.parametrize(("forge", "path"), ALL, ids=IDS)
def test_images_are_pinned(forge, path):
    for image in images(forge, path):
        assert image_pinned(image), f"{path.name}: image {image} is not pinned to an exact version or digest"
    if forge != "github":
        assert images(forge, path), f"{path.name} names no image"


def test_the_image_check_rejects_moving_tags():
    for moving in ("python", "python:3.11", "python:latest", "python:3.11-bookworm", "python:3"):
        assert not image_pinned(moving), moving
    for pinned in ("python:3.11.11-bookworm", "python@sha256:" + "a" * 64, "python:3.11.11-bookworm@sha256:" + "0" * 64):
        assert image_pinned(pinned), pinned


@pytest.mark.parametrize(("forge", "path"), ALL, ids=IDS)
def test_no_script_prints_a_secret(forge, path):
    for script in scripts(forge, path):
        assert leaks(script) == [], f"{path.name}: {leaks(script)}"


def test_the_secret_check_catches_leaks():
    for bad in (
        'echo "$AWS_SECRET_ACCESS_KEY"',
        "printf '%s' ${TOKEN}",
        "set -x\nmake publish",
        "set -eux",
        "bash -x run.sh",
        "printenv",
        "cat <<< $GITLAB_TOKEN",
    ):
        assert leaks(bad), bad
    assert leaks('echo "SITE_URL=${SITE_URL}"\nmake publish') == []


def test_forgejo_uses_no_action_from_github():
    for path in forge_files()["forgejo"]:
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                uses = step.get("uses")
                if uses:  # only actions hosted off github.com, pinned to a commit
                    assert re.match(r"^https://(code|data)\.forgejo\.org/[^@]+@[0-9a-f]{40}$", uses), uses


def test_forgejo_workflows_pass_zizmor():
    # the same syntax as GitHub's, so the same audit applies (files given one by one: zizmor
    # collects folders only under .github)
    proc = subprocess.run(
        [
            *zizmor_command(),
            "--offline",
            "--persona",
            "auditor",
            "--no-config",
            "--no-ignores",
            "--format",
            "plain",
            "--no-progress",
            "--color",
            "never",
            "pr.yml",
            "deploy.yml",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=FORGEJO,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings" in proc.stdout + proc.stderr


@pytest.mark.parametrize("path", [GITHUB / "deploy.yml", FORGEJO / "deploy.yml"], ids=["github", "forgejo"])
def test_the_same_daily_rebuild(path):
    workflow = load(path)
    assert triggers(workflow) == {"push", "schedule", "workflow_dispatch"}
    assert workflow.get("on", workflow.get(True))["schedule"] == [{"cron": DAILY}]


def test_gitlab_runs_on_schedules_and_names_the_same_time():
    pipeline = load(GITLAB)
    rules = [rule["if"] for rule in pipeline["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "schedule"' in rules
    assert f'"{DAILY}"' in GITLAB.read_text(encoding="utf-8")  # GitLab keeps schedules in its settings: the file says which


def test_gitlab_pipeline_shape():
    pipeline = load(GITLAB)
    assert pipeline["stages"] == ["check", "build", "publish"]
    assert pipeline["annotate"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert any("SITE_DIR=public" in line for line in pipeline["build"]["script"])
    assert pipeline["storage"]["rules"][0]["if"].endswith("$PUBLISH_TARGET")
    assert pipeline["storage"]["script"] == ["make publish SITE_DIR=public"]


@pytest.mark.parametrize("path", [GITHUB / "deploy.yml", FORGEJO / "deploy.yml"], ids=["github", "forgejo"])
def test_storage_secrets_reach_only_the_publish_step(path):
    publishing = 0
    for job in load(path)["jobs"].values():
        for step in job.get("steps", []):
            secret_env = {k for k, v in (step.get("env") or {}).items() if "secrets." in str(v)}
            if secret_env:
                assert secret_env == {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}
                assert step["run"].strip() == "make publish"
                assert job["environment"]["name"] == "object-storage"
                publishing += 1
    assert publishing == 1


def test_codequality_report_from_validator_lines():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import codequality

    lines = [
        "catalogue/providers/a.yml:3:5: error: courses[0].title: 缺少必填项 / required field is missing\n",
        "catalogue/venues/b.yml:7:1: warning: -: 一年未核对 / not checked for a year\n",
        "2 个错误 / 2 error(s)\n",
    ]
    report = codequality.report(lines)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["severity"]) for i in report] == [
        ("catalogue/providers/a.yml", 3, "major"),
        ("catalogue/venues/b.yml", 7, "minor"),
    ]
    assert len({i["fingerprint"] for i in report}) == 2
    assert codequality.report(["nothing to see\n"]) == []


def test_zizmor_still_audits_the_github_workflows():
    # the GitHub files changed here (make targets, schedule, storage job): zizmor's verdict
    proc, findings = run_zizmor(GITHUB)
    assert findings == [] and proc.returncode == 0


def test_every_pull_request_check_keeps_warnings_to_the_changed_files():
    """Each forge's PR check gives `make annotate` the base commit as CHANGED, and has it checked out."""
    github = load(GITHUB / "pr.yml")
    forgejo = load(FORGEJO / "pr.yml")
    gitlab = load(GITLAB)

    def annotate_env(workflow: dict) -> list[str]:
        steps = [s for job in workflow["jobs"].values() for s in job.get("steps", [])]
        return [s.get("env", {}).get("CHANGED", "") for s in steps if "make annotate" in s.get("run", "")]

    assert annotate_env(github) == ["${{ github.event.pull_request.base.sha }}"]
    assert annotate_env(forgejo) == ["${{ github.event.pull_request.base.sha }}"]
    checkout = next(s["run"] for job in forgejo["jobs"].values() for s in job["steps"] if "git fetch" in s.get("run", ""))
    assert '"$BASE_SHA"' in checkout  # without the base commit git cannot say what changed
    job = next(j for j in gitlab.values() if isinstance(j, dict) and "make annotate" in " ".join(j.get("script", [])))
    assert job["variables"]["CHANGED"] == "$CI_MERGE_REQUEST_DIFF_BASE_SHA" and str(job["variables"]["GIT_DEPTH"]) == "0"
