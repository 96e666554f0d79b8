"""review overrides: a milder conclusion and its supervisor's approval; who signed a commitment for whom

Revision ID: 0005_review_overrides
Revises: 0004
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0005_review_overrides'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_override',
    sa.Column('review_id', sa.String(length=36), nullable=False),
    sa.Column('computed_outcome', sa.String(length=16), nullable=False),
    sa.Column('requested_outcome', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('requested_by', sa.String(length=100), nullable=False),
    sa.Column('requested_at', sa.String(length=40), nullable=False),
    sa.Column('decided_by', sa.String(length=100), nullable=True),
    sa.Column('decided_by_display', sa.String(length=100), nullable=True),
    sa.Column('decided_at', sa.String(length=40), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('review_id')
    )
    with op.batch_alter_table('review_override', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_override_status'), ['status'], unique=False)
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('principal', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('authority', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('commitment', schema=None) as batch_op:
        batch_op.drop_column('authority')
        batch_op.drop_column('principal')
    with op.batch_alter_table('review_override', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_override_status'))
    op.drop_table('review_override')
