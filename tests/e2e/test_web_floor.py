"""The floor's pages: the supervisor's board assigns (a refusal names what is missing),
what expires, and the handler's handheld (next task, scan the unit, scan the bin), whose
refusals read in French on a French page."""

from __future__ import annotations

import html

from revalo.domain.floor.team import QualificationKind
from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import client_of
from tests.integration.floor_world import add_bins, member, qualify
from tests.integration.test_floor_bins import graded, where
from tests.people import add_person

RACKING = "code,zone,kind,height_m,places\nHUB-FR:P-02-4-A,graded_stock,pallet_racking,4.5,1\n"
SHELF = "HUB-FR:A-01-0-A,graded_stock,shelf,,10\n"


def test_the_board_assigns_and_tells_what_a_member_lacks(sqlite_world: World) -> None:
    world = sqlite_world
    add_bins(world, RACKING)
    lpn = graded(world, "TEE-M", "T1")
    member(world, "hana")
    qualify(world, "hana", QualificationKind.DG_AWARENESS, expires_in_days=12)
    boss = client_of(world.app, add_person(world.app, "julien", {Role.TEAM_SUPERVISOR}))
    board = boss.get("/floor", params={"site": "HUB-FR"}).text
    assert lpn in board and "HUB-FR:P-02-4-A" in board and "reach truck" in board
    task_id = int(board.split('action="/floor/tasks/')[1].split("/")[0])
    answer = boss.post(f"/floor/tasks/{task_id}/assign", data={"login": "hana", "site": "HUB-FR"})
    assert answer.status_code == 200
    assert "caces_r489 5 missing" in html.unescape(answer.text)
    expiring = boss.get("/floor/expiring").text
    assert "hana" in expiring and "dangerous-goods awareness" in expiring


def test_the_handheld_takes_the_next_task_and_puts_the_unit_away_by_scan(
    sqlite_world: World,
) -> None:
    world = sqlite_world
    add_bins(world, RACKING + SHELF)
    lpn = graded(world, "TEE-M", "T1")
    lea = client_of(world.app, member(world, "lea"), "fr")
    assert "Prendre la tâche suivante" in lea.get("/handheld").text
    taken = lea.post("/handheld/next").text
    assert f"ranger {lpn}" in html.unescape(taken)
    task_id = int(taken.split('action="/handheld/')[1].split("/")[0])
    wrong = lea.post(
        f"/handheld/{task_id}/done", data={"unit_scan": lpn, "bin_scan": "HUB-FR:P-02-4-A"}
    )
    assert "vous avez scanné l'emplacement HUB-FR:P-02-4-A" in html.unescape(wrong.text)
    done = lea.post(
        f"/handheld/{task_id}/done", data={"unit_scan": lpn, "bin_scan": "hub-fr:a-01-0-a"}
    )
    assert f"{lpn} est dans HUB-FR:A-01-0-A" in html.unescape(done.text)
    assert where(world, lpn) == "HUB-FR:A-01-0-A"
    nobody = client_of(world.app, add_person(world.app, "newcomer", {Role.HANDLER}), "fr")
    assert "Vous n'êtes dans l'équipe d'aucun site" in html.unescape(nobody.get("/handheld").text)
