"""credit review: 信用审查 requests to the credit information centre and their results (昆山 第十、十一、十四条)

Revision ID: 0006
Revises: 0005_review_overrides
Create Date: 2026-12-01 22:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005_review_overrides'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('credit_review_request',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('review_id', sa.String(length=36), nullable=True),
    sa.Column('subject_id', sa.String(length=80), nullable=False),
    sa.Column('subject_name', sa.String(length=300), nullable=True),
    sa.Column('matter', sa.String(length=40), nullable=False),
    sa.Column('profile_id', sa.String(length=40), nullable=False),
    sa.Column('profile_version', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('requested_at', sa.String(length=40), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('due_estimated', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('result_received_on', sa.Date(), nullable=True),
    sa.Column('result_report_no', sa.String(length=80), nullable=True),
    sa.Column('result_adverse', sa.Boolean(), nullable=True),
    sa.Column('result_summary', sa.Text(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_credit_review_request_review_id'), 'credit_review_request', ['review_id'], unique=False)
    op.create_index(op.f('ix_credit_review_request_subject_id'), 'credit_review_request', ['subject_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_credit_review_request_subject_id'), table_name='credit_review_request')
    op.drop_index(op.f('ix_credit_review_request_review_id'), table_name='credit_review_request')
    op.drop_table('credit_review_request')
