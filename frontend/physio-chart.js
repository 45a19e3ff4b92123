import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

/*
 * Draws what Chart.js has no built-in for: weeks with too few recorded nights as a hatched band (so a
 * missing week never looks like a week with no cramps), and a dashed vertical line where a plan version
 * started. Positions come from the server in category units (index 2.5 = halfway through the third week).
 * Their colours are read from CSS custom properties at draw time (--physio-chart-marker, --physio-chart-hatch,
 * light-dark() pairs in styles.css), so a change of colour scheme redraws them in the other palette.
 */
const overlayPlugin = {
  id: 'physioOverlay',
  beforeDatasetsDraw(chart) {
    const overlay = chart.$physioOverlay;
    const x = chart.scales.x;
    if (!overlay || !x || !overlay.gaps || overlay.gaps.length === 0) {
      return;
    }
    const { ctx, chartArea } = chart;
    const step = categoryWidth(chart);
    ctx.save();
    const colour = cssColour(chart.canvas, '--physio-chart-hatch', 'rgba(120, 120, 120, 0.35)');
    chart.$physioColours = { ...chart.$physioColours, hatch: colour };
    ctx.fillStyle = hatch(ctx, colour);
    for (const index of overlay.gaps) {
      const centre = x.getPixelForValue(index);
      ctx.fillRect(centre - step / 2 + 1, chartArea.top, step - 2, chartArea.bottom - chartArea.top);
    }
    ctx.restore();
  },
  afterDatasetsDraw(chart) {
    const overlay = chart.$physioOverlay;
    const x = chart.scales.x;
    if (!overlay || !x || !overlay.markers) {
      return;
    }
    const { ctx, chartArea } = chart;
    const step = categoryWidth(chart);
    ctx.save();
    const colour = cssColour(chart.canvas, '--physio-chart-marker', '#7d3c98');
    chart.$physioColours = { ...chart.$physioColours, marker: colour };
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.font = '12px sans-serif';
    const backdrop = cssColour(chart.canvas, '--lumo-base-color', '#ffffff');
    const placed = [];
    for (const marker of overlay.markers) {
      const px = x.getPixelForValue(0) + marker.position * step;
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      const text = marker.label;
      const width = ctx.measureText(text).width;
      // Right of its line where the label fits, otherwise left of it; never past the plot's edges.
      let left = px + 4;
      if (left + width > chartArea.right) {
        left = px - 4 - width;
      }
      left = Math.max(chartArea.left, Math.min(left, chartArea.right - width));
      // Versions a week or two apart: a label that would touch an earlier one goes a line lower.
      let row = 0;
      while (placed.some(p => p.row === row && left < p.right + 6 && left + width > p.left - 6)) {
        row++;
      }
      placed.push({ row, left, right: left + width });
      const baseline = chartArea.top + 12 + row * 16;
      ctx.save();
      ctx.globalAlpha = 0.85;
      ctx.fillStyle = backdrop;
      ctx.fillRect(left - 2, baseline - 11, width + 4, 15);
      ctx.restore();
      ctx.fillText(text, left, baseline);
    }
    // Where the labels went, for the browser tests that check they fit and do not overlap.
    chart.$physioLabels = placed;
    ctx.restore();
  }
};

function categoryWidth(chart) {
  const x = chart.scales.x;
  const count = chart.data.labels ? chart.data.labels.length : 0;
  if (count > 1) {
    return x.getPixelForValue(1) - x.getPixelForValue(0);
  }
  return chart.chartArea.right - chart.chartArea.left;
}

/*
 * A colour from a CSS custom property as the canvas would see it: custom properties come back unresolved
 * (light-dark(...)), so a hidden probe beside the canvas, in the same colour scheme, resolves it.
 */
function cssColour(canvas, property, fallback) {
  const parent = canvas.parentNode;
  if (!parent) {
    return fallback;
  }
  const probe = document.createElement('span');
  probe.style.display = 'none';
  probe.style.color = `var(${property}, ${fallback})`;
  parent.appendChild(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour || fallback;
}

function hatch(ctx, colour) {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const t = tile.getContext('2d');
  t.strokeStyle = colour;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(0, 8);
  t.lineTo(8, 0);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/**
 * <physio-chart>: the server sets `config` (Chart.js configuration as JSON text built with
 * chartjs-java-model) and optionally `overlay` ({gaps: [index], markers: [{position, label}]}). Every
 * change draws a fresh chart after destroying the old one; leaving the page destroys it too. The
 * Chart.js instance is exposed as `element.chart` for tests.
 */
/*
 * Text and grid colours of this chart from Lumo's variables as they are now (light or dark), set on this
 * chart's own options: Chart.js's global defaults are left alone.
 */
function withSchemeColours(config, element) {
  const text = cssColour(element, '--lumo-secondary-text-color', '#666666');
  const grid = cssColour(element, '--lumo-contrast-20pct', 'rgba(0, 0, 0, 0.1)');
  config.options = config.options || {};
  config.options.color = text;
  config.options.borderColor = grid;
  const scales = config.options.scales || {};
  if (config.type === 'bar' || config.type === 'line') {
    // Axes the configuration leaves to Chart.js's defaults get this chart's colours too.
    scales.x = scales.x || {};
    scales.y = scales.y || {};
  }
  config.options.scales = scales;
  for (const scale of Object.values(scales)) {
    scale.ticks = { ...(scale.ticks || {}), color: text };
    scale.grid = { ...(scale.grid || {}), color: grid };
    if (scale.title) {
      scale.title = { ...scale.title, color: text };
    }
  }
  return config;
}

/* Every chart on the page redraws in the other palette when the colour scheme changes. */
const shown = new Set();
function redrawAll() {
  shown.forEach(chart => chart._schedule());
}
if (window.MutationObserver) {
  new MutationObserver(redrawAll).observe(document.documentElement,
      { attributes: true, attributeFilter: ['theme', 'data-colour-scheme'] });
}
if (window.matchMedia) {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  if (dark.addEventListener) {
    dark.addEventListener('change', redrawAll);
  }
}

class PhysioChart extends HTMLElement {
  constructor() {
    super();
    this._config = null;
    this._overlay = null;
    this._pending = false;
    this.chart = null;
  }

  connectedCallback() {
    // Properties set before this element was defined shadow the setters: take them over.
    for (const name of ['config', 'overlay']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    if (!this._canvas) {
      this._canvas = document.createElement('canvas');
      this._canvas.setAttribute('role', 'img');
      this.appendChild(this._canvas);
    }
    shown.add(this);
    this._schedule();
  }

  disconnectedCallback() {
    shown.delete(this);
    this._destroy();
  }

  get config() {
    return this._config;
  }

  set config(value) {
    this._config = value;
    this._schedule();
  }

  get overlay() {
    return this._overlay;
  }

  set overlay(value) {
    this._overlay = value;
    this._schedule();
  }

  _schedule() {
    if (this._pending) {
      return;
    }
    this._pending = true;
    queueMicrotask(() => {
      this._pending = false;
      this._draw();
    });
  }

  _draw() {
    if (!this.isConnected || !this._canvas || !this._config) {
      return;
    }
    this._destroy();
    const config = withSchemeColours(JSON.parse(this._config), this);
    config.plugins = [overlayPlugin];
    this._canvas.setAttribute('aria-label', this.getAttribute('label') || '');
    this.chart = new Chart(this._canvas, config);
    this.chart.$physioOverlay = this._overlay ? JSON.parse(this._overlay) : null;
    this.chart.update('none');
  }

  _destroy() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }
}

if (!customElements.get('physio-chart')) {
  customElements.define('physio-chart', PhysioChart);
}
