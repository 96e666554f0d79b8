"""Alembic environment: runs on the connection CreditDesk hands it."""

from alembic import context

from creditdesk.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
        return
    _run(connection)


def _include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    # The FTS5 search index and its shadow tables are created by hand in 0001.
    return not (type_ == "table" and name and name.startswith("subject_name_fts"))


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=_include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()


run_migrations_online()
