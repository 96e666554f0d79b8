"""A few rounds of the kill -9 fault run in every CI (the full 50 run from the command line)."""

from tests.fault.kill_sync import fault_rounds


def test_sync_killed_at_random_moments_stays_consistent_and_resumes():
    outcomes = fault_rounds(rounds=3, subjects=400, verbose=False)
    assert len(outcomes) == 3
    assert sum(o["kills"] for o in outcomes) >= 1  # at least one sync really died mid-way
