"""The platform's one job runner (ADR 0034): django-tasks with its database backend.

```python
from perhekeskus.core.jobs import enqueue, job, periodic

@job(retries=5)
def send_reminder(booking_id: str) -> None: ...          # idempotent; JSON arguments

enqueue(send_reminder, booking_id=str(booking.pk))      # in the caller's transaction
periodic("appointments.reminders", every=dt.timedelta(minutes=1), job=due_reminders)  # in ready()
```
`perhekeskus worker` runs the jobs; `perhekeskus.testing.jobs.run_jobs()` runs them in tests.
"""

from perhekeskus.core.jobs.base import Job, enqueue, job
from perhekeskus.core.jobs.schedule import periodic

__all__ = ["Job", "enqueue", "job", "periodic"]
