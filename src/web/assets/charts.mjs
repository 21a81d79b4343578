// Draws each <canvas data-chart="{type, data, options}"> with Chart.js (served from /assets,
// loaded before this module). The same numbers are in the tables of the page.
for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  const def = JSON.parse(canvas.dataset.chart);
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  new Chart(canvas, {
    type: def.type,
    data: def.data,
    options: { responsive: true, maintainAspectRatio: true, animation: reduced ? false : undefined, ...def.options },
  });
  canvas.dataset.drawn = 'true';
}
