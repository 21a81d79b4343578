// Progressive enhancement for every console page: everything works without it, it only adds
// live job progress, "select all" for bulk forms and confirmations. No inline script anywhere.

const POLL_MS = 700;

/** A [data-job-id] block: polls the job through the session-checked console route. */
function followJob(el) {
  const id = el.dataset.jobId;
  const bar = el.querySelector('progress');
  const state = el.querySelector('.job-state');
  const tick = async () => {
    let job;
    try {
      const res = await fetch(`/console/api/jobs/${encodeURIComponent(id)}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!res.ok) {
        state.textContent =
          res.status === 401
            ? 'Session ended: sign in again'
            : `Cannot follow this job (${res.status})`;
        return;
      }
      job = await res.json();
    } catch {
      setTimeout(tick, POLL_MS * 3);
      return;
    }
    bar.value = job.progress;
    bar.textContent = `${job.progress}%`;
    el.dataset.state = job.state;
    if (job.state === 'completed') {
      state.textContent = 'Done';
      bar.value = 100;
      const href = el.dataset.doneHref;
      if (href) {
        const link = document.createElement('a');
        link.href = href;
        link.textContent = 'Open the result';
        state.append(' · ', link);
      }
      el.dispatchEvent(new CustomEvent('job-done', { bubbles: true, detail: job }));
      return;
    }
    if (job.state === 'failed') {
      state.textContent = `Failed: ${job.error ?? 'see the job log'}`;
      return;
    }
    state.textContent = job.state === 'running' ? `Running · ${job.progress}%` : 'Queued';
    setTimeout(tick, POLL_MS);
  };
  tick();
}

/** <input type="checkbox" data-select-all="ids"> ticks every box named "ids" in its form. */
function selectAll(box) {
  box.addEventListener('change', () => {
    const form = box.form ?? document;
    for (const other of form.querySelectorAll(
      `input[type="checkbox"][name="${box.dataset.selectAll}"]`,
    ))
      other.checked = box.checked;
  });
}

/** <form data-confirm="Revoke this token?">: asks before it submits. */
function confirmSubmit(form) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}

document.querySelectorAll('[data-job-id]').forEach(followJob);
document.querySelectorAll('input[data-select-all]').forEach(selectAll);
document.querySelectorAll('form[data-confirm]').forEach(confirmSubmit);
