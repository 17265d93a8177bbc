"""The warehouse floor: bins (locations of the ledger with a kind and a capacity), the team
with its qualifications and PPE, and the floor's tasks.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=32)


def upgrade() -> None:
    op.create_table(
        "bins",
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column(
            "zone",
            _enum(
                "locationkind",
                "receiving",
                "quarantine",
                "inspection",
                "work_in_progress",
                "graded_stock",
                "outbound",
                "recycling_cage",
                "in_transit",
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            _enum(
                "binkind",
                "floor",
                "shelf",
                "pallet_racking",
                "secure_cage",
                "battery_store",
                "bulky_area",
            ),
            nullable=False,
        ),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("height_m", sa.Float(), nullable=False),
        sa.Column("max_volume_m3", sa.Float(), nullable=True),
        sa.Column("max_mass_kg", sa.Float(), nullable=True),
        sa.Column("places", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["code"], ["locations.code"], name=op.f("fk_bins_code_locations")),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_bins_site_code_sites")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_bins")),
    )
    op.create_index(op.f("ix_bins_site_code"), "bins", ["site_code"], unique=False)
    op.create_table(
        "team_members",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_login", sa.String(length=64), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("shift", _enum("shift", "morning", "afternoon", "night"), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_team_members_site_code_sites")
        ),
        sa.ForeignKeyConstraint(
            ["user_login"], ["users.login"], name=op.f("fk_team_members_user_login_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
        sa.UniqueConstraint("user_login", name=op.f("uq_team_members_user_login")),
    )
    op.create_index(op.f("ix_team_members_site_code"), "team_members", ["site_code"])
    op.create_table(
        "qualifications",
        sa.Column("id", _ID, nullable=False),
        sa.Column("member_id", _ID, nullable=False),
        sa.Column(
            "kind",
            _enum(
                "qualificationkind",
                "caces_r489",
                "driving_authorisation",
                "medical_fitness",
                "electrical_clearance",
                "dg_awareness",
            ),
            nullable=False,
        ),
        sa.Column("category", sa.String(length=4), nullable=False),
        sa.Column("obtained_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["team_members.id"],
            name=op.f("fk_qualifications_member_id_team_members"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qualifications")),
    )
    op.create_index(op.f("ix_qualifications_expires_on"), "qualifications", ["expires_on"])
    op.create_index(op.f("ix_qualifications_member_id"), "qualifications", ["member_id"])
    op.create_table(
        "ppe_issues",
        sa.Column("id", _ID, nullable=False),
        sa.Column("member_id", _ID, nullable=False),
        sa.Column(
            "item",
            _enum("ppekind", "hi_vis_vest", "safety_shoes", "gloves", "helmet"),
            nullable=False,
        ),
        sa.Column("size", sa.String(length=8), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("replace_by", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["team_members.id"], name=op.f("fk_ppe_issues_member_id_team_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ppe_issues")),
    )
    op.create_index(op.f("ix_ppe_issues_member_id"), "ppe_issues", ["member_id"])
    op.create_index(op.f("ix_ppe_issues_replace_by"), "ppe_issues", ["replace_by"])
    op.create_table(
        "floor_tasks",
        sa.Column("id", _ID, nullable=False),
        sa.Column(
            "kind", _enum("taskkind", "put_away", "to_workshop", "pick", "count"), nullable=False
        ),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("zone", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("priority", sa.SmallInteger(), nullable=False),
        sa.Column(
            "state",
            _enum("taskstate", "open", "assigned", "started", "done", "cancelled"),
            nullable=False,
        ),
        sa.Column("unit_lpn", sa.String(length=20), nullable=True),
        sa.Column("from_location", sa.String(length=80), nullable=True),
        sa.Column("bin_code", sa.String(length=80), nullable=False),
        sa.Column("equipment", sa.JSON(), nullable=False),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("ppe", sa.JSON(), nullable=False),
        sa.Column("assignee", sa.String(length=64), nullable=True),
        sa.Column("assigned_by", sa.String(length=64), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_floor_tasks_site_code_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_floor_tasks")),
    )
    for column in ("assignee", "created_at", "site_code", "state", "unit_lpn"):
        op.create_index(op.f(f"ix_floor_tasks_{column}"), "floor_tasks", [column])


def downgrade() -> None:
    for column in ("assignee", "created_at", "site_code", "state", "unit_lpn"):
        op.drop_index(op.f(f"ix_floor_tasks_{column}"), table_name="floor_tasks")
    op.drop_table("floor_tasks")
    op.drop_index(op.f("ix_ppe_issues_replace_by"), table_name="ppe_issues")
    op.drop_index(op.f("ix_ppe_issues_member_id"), table_name="ppe_issues")
    op.drop_table("ppe_issues")
    op.drop_index(op.f("ix_qualifications_member_id"), table_name="qualifications")
    op.drop_index(op.f("ix_qualifications_expires_on"), table_name="qualifications")
    op.drop_table("qualifications")
    op.drop_index(op.f("ix_team_members_site_code"), table_name="team_members")
    op.drop_table("team_members")
    op.drop_index(op.f("ix_bins_site_code"), table_name="bins")
    op.drop_table("bins")
