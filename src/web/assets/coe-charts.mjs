// Charts of the CoE pages: each <canvas data-chart="{…}"> holds a Chart.js definition (data and
// options only) rendered by the server; the table beside it holds the same numbers.

function draw() {
  const Chart = window.Chart;
  if (!Chart) return;
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    let def;
    try {
      def = JSON.parse(canvas.dataset.chart);
    } catch {
      continue;
    }
    new Chart(canvas, {
      type: def.type,
      data: def.data,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...def.options },
    });
  }
}

if (window.Chart) draw();
else window.addEventListener('load', draw, { once: true });
