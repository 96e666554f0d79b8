"""review acknowledgement and credit-review link (issue 11 item 2)

- ``review.acknowledgement``: when adverse records in force match no rule (本市档案未规定措施), which records
  the officer acknowledged, by whom and when (JSON; NULL when there was nothing to acknowledge).
- ``review.credit_review``: the 信用审查 the review relied on or was waiting for (昆山 第十、十一、十四条):
  the request's id, status, deadline and, once received, the 审查报告 (JSON; NULL when none).

Both are NULL on older reviews, and their digests are unchanged (the digest covers them only when set).

Revision ID: 0008
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acknowledgement', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('credit_review', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_column('credit_review')
        batch_op.drop_column('acknowledgement')
