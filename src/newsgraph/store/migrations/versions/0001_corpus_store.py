"""The corpus store

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=512), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=512), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("text_sha256"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)

    op.create_table(
        "corpus_actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("named", sa.Boolean(), nullable=False),
        sa.Column("wikidata", sa.String(length=32), nullable=True),
        sa.Column("cameo", sa.JSON(), nullable=False),
        sa.Column("gazetteer_key", sa.String(length=512), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("corpus_actors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_corpus_actors_gazetteer_key"), ["gazetteer_key"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_corpus_actors_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_corpus_actors_type"), ["type"], unique=False)

    op.create_table(
        "corpus_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("place_name", sa.String(length=512), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("actor_ids", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("corpus_events", schema=None) as batch_op:
        batch_op.create_index("ix_corpus_events_type_date", ["type", "date"], unique=False)

    op.create_table(
        "article_actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("local_id", sa.String(length=64), nullable=False),
        sa.Column("corpus_actor_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("cameo", sa.JSON(), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["corpus_actor_id"],
            ["corpus_actors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("article_id", "local_id"),
    )
    with op.batch_alter_table("article_actors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_actors_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_article_actors_corpus_actor_id"), ["corpus_actor_id"], unique=False
        )

    op.create_table(
        "curations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("kept_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("moved", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["kept_id"],
            ["corpus_actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["corpus_actors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "actor_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_actor_id", sa.Integer(), nullable=False),
        sa.Column("corpus_actor_id", sa.Integer(), nullable=False),
        sa.Column("surface", sa.String(length=512), nullable=False),
        sa.Column("norm", sa.String(length=512), nullable=False),
        sa.Column("block", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_actor_id"],
            ["article_actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["corpus_actor_id"],
            ["corpus_actors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actor_names", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_actor_names_article_actor_id"), ["article_actor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_actor_names_block"), ["block"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_actor_names_corpus_actor_id"), ["corpus_actor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_actor_names_norm"), ["norm"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("corpus_event_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("cameo", sa.String(length=8), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("place_name", sa.String(length=512), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Double(), nullable=True),
        sa.Column("lon", sa.Double(), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("asserted_by_id", sa.Integer(), nullable=True),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["asserted_by_id"],
            ["article_actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["corpus_event_id"],
            ["corpus_events.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_corpus_event_id"), ["corpus_event_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_type"), ["type"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("cue", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["article_actors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_speaker_id"), ["speaker_id"], unique=False)

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("predicate", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.String(length=10), nullable=True),
        sa.Column("until", sa.String(length=10), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("asserted_by_id", sa.Integer(), nullable=True),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["asserted_by_id"],
            ["article_actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["object_id"],
            ["article_actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["article_actors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_relations_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_relations_object_id"), ["object_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_relations_predicate"), ["predicate"], unique=False)
        batch_op.create_index(batch_op.f("ix_relations_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_actor_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("organization_name", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_actor_id"],
            ["article_actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["article_actors.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("roles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roles_article_actor_id"), ["article_actor_id"], unique=False
        )

    op.create_table(
        "event_participants",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_actor_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_actor_id"],
            ["article_actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.PrimaryKeyConstraint("event_id", "article_actor_id", "role"),
    )
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_participants_article_actor_id"), ["article_actor_id"], unique=False
        )

    op.create_table(
        "fatalities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("count_max", sa.Integer(), nullable=True),
        sa.Column("who", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("fatalities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fatalities_event_id"), ["event_id"], unique=False)

    op.create_table(
        "quote_subjects",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("article_actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_actor_id"],
            ["article_actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
        ),
        sa.PrimaryKeyConstraint("quote_id", "article_actor_id"),
    )
    with op.batch_alter_table("quote_subjects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quote_subjects_article_actor_id"), ["article_actor_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("quote_subjects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_subjects_article_actor_id"))

    op.drop_table("quote_subjects")
    with op.batch_alter_table("fatalities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fatalities_event_id"))

    op.drop_table("fatalities")
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participants_article_actor_id"))

    op.drop_table("event_participants")
    with op.batch_alter_table("roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roles_article_actor_id"))

    op.drop_table("roles")
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relations_subject_id"))
        batch_op.drop_index(batch_op.f("ix_relations_predicate"))
        batch_op.drop_index(batch_op.f("ix_relations_object_id"))
        batch_op.drop_index(batch_op.f("ix_relations_article_id"))

    op.drop_table("relations")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_quotes_article_id"))

    op.drop_table("quotes")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_type"))
        batch_op.drop_index(batch_op.f("ix_events_date"))
        batch_op.drop_index(batch_op.f("ix_events_corpus_event_id"))
        batch_op.drop_index(batch_op.f("ix_events_article_id"))

    op.drop_table("events")
    with op.batch_alter_table("actor_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_names_norm"))
        batch_op.drop_index(batch_op.f("ix_actor_names_corpus_actor_id"))
        batch_op.drop_index(batch_op.f("ix_actor_names_block"))
        batch_op.drop_index(batch_op.f("ix_actor_names_article_actor_id"))

    op.drop_table("actor_names")
    op.drop_table("curations")
    with op.batch_alter_table("article_actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_actors_corpus_actor_id"))
        batch_op.drop_index(batch_op.f("ix_article_actors_article_id"))

    op.drop_table("article_actors")
    with op.batch_alter_table("corpus_events", schema=None) as batch_op:
        batch_op.drop_index("ix_corpus_events_type_date")

    op.drop_table("corpus_events")
    with op.batch_alter_table("corpus_actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corpus_actors_type"))
        batch_op.drop_index(batch_op.f("ix_corpus_actors_name"))
        batch_op.drop_index(batch_op.f("ix_corpus_actors_gazetteer_key"))

    op.drop_table("corpus_actors")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published"))

    op.drop_table("articles")
