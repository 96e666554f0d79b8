"""audit anchor; ID numbers that a stolen database does not give up (issue 10 items 7 and 9)

- ``audit_anchor``: the chain head with an HMAC under a key kept outside the database.
- Natural persons' stored masked numbers cut down to the first 2 and the last 4 characters
  (identifiers.MASK_HEAD/MASK_TAIL), their region code to the province, and full ID numbers in
  record and subject free text masked, as the apply step now does for new data.
  (The digest key itself leaves the database when the home is opened:
  services/position.secure_person_key, since it needs the credential store.)

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    op.create_table('audit_anchor',
    sa.Column('key_id', sa.String(length=40), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('mac', sa.String(length=64), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('submitted_at', sa.String(length=40), nullable=True),
    sa.Column('submitted_seq', sa.BigInteger(), nullable=True),
    sa.Column('submitted_hash', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('key_id')
    )
    from creditdesk.identifiers import mask_ids_in_text, remask_id

    conn = op.get_bind()
    subject = sa.table('subject', sa.column('id', sa.String), sa.column('kind', sa.String),
                       sa.column('name', sa.String), sa.column('legal_representative', sa.String),
                       sa.column('id_masked', sa.String), sa.column('region_code', sa.String))
    rows = conn.execute(sa.select(subject.c.id, subject.c.id_masked, subject.c.region_code)
                        .where(subject.c.kind == 'natural_person')).all()
    for sid, masked, region in rows:
        values = {'id_masked': remask_id(masked),
                  'region_code': (region[:2] + '0' * (len(region) - 2)) if region else region}
        if values['id_masked'] != masked or values['region_code'] != region:
            conn.execute(sa.update(subject).where(subject.c.id == sid).values(**values))
    record = sa.table('record', sa.column('id', sa.String), sa.column('title', sa.String),
                      sa.column('doc_no', sa.String), sa.column('authority', sa.String),
                      sa.column('basis', sa.Text), sa.column('content', sa.Text))
    _mask_pages(conn, record, ('title', 'doc_no', 'authority', 'basis', 'content'), mask_ids_in_text)
    _mask_pages(conn, subject, ('name', 'legal_representative'), mask_ids_in_text)


def _mask_pages(conn, table, fields, mask) -> None:
    """Keyset pages over ``table`` by id (constant memory on a city of millions of rows)."""
    last = ''
    while True:
        page = conn.execute(sa.select(table.c.id, *(table.c[f] for f in fields)).where(table.c.id > last)
                            .order_by(table.c.id).limit(_BATCH)).all()
        if not page:
            return
        for row in page:
            changed = {f: mask(row[i + 1]) for i, f in enumerate(fields)}
            changed = {f: v for i, (f, v) in enumerate(changed.items()) if v != row[i + 1]}
            if changed:
                conn.execute(sa.update(table).where(table.c.id == row[0]).values(**changed))
        last = page[-1][0]


def downgrade() -> None:
    op.drop_table('audit_anchor')
