// The trace timeline, drawn in the webview: a row per generator, its life as a bar (running solid, suspended
// hollow), a mark per event, `yield from` delegates nested under the generator that delegates to them. Every
// colour is one of VS Code's theme variables (timeline.css); clicking a mark reveals its line in the editor.
// It builds the page from the model with DOM calls only: no innerHTML, nothing fetched.

import type { TimelineLane, TimelineLink, TimelineMark, TimelineModel } from '../timeline/model.js';
import type { FromWebview, ToWebview } from '../timeline/messages.js';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';

const LANE_HEIGHT = 40;
const BAR_HEIGHT = 10;
/** What a generator produced is written above its bar, what it was sent below it. */
const LABEL_ABOVE = -11;
const LABEL_BELOW = 19;
const TOP = 18;
/** The lane labels' column (timeline.css, --label-width). */
const LABEL_WIDTH = 230;
const ZOOMS = [8, 12, 18, 26, 36, 50];
/** Width of one character of the 11px label font, to cut labels to the room they have. */
const CHAR_WIDTH = 6.6;

const header = element('header');
const timeline = element('timeline');
const footer = element('footer');
const tooltip = element('tooltip');

/** Null until the user zooms: each trace is then drawn at the largest zoom that fits it in the window. */
let zoomIndex: number | null = typeof (vscode.getState() as { zoomIndex?: unknown } | undefined)?.zoomIndex === 'number' ? (vscode.getState() as { zoomIndex: number }).zoomIndex : null;
let current: Extract<ToWebview, { type: 'trace' }> | null = null;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'trace':
      current = message;
      render();
      break;
    case 'message':
      current = null;
      renderMessage(message.document?.name ?? null, message.text);
      break;
    case 'busy':
      document.body.classList.add('busy');
      break;
  }
});
// A trace drawn to fit the window is drawn again when the window changes size.
let resizing: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  if (zoomIndex !== null || current === null) return;
  clearTimeout(resizing);
  resizing = setTimeout(render, 100);
});
vscode.postMessage({ type: 'ready' });

function render(): void {
  if (current === null) return;
  document.body.classList.remove('busy');
  const { model, source, sources, document: doc, focus } = current;
  renderHeader(doc.name, source.id, sources.length > 0 ? sources : [source], model);
  timeline.replaceChildren(model.lanes.length === 0 ? paragraph('placeholder', 'No generator ran in this trace.') : drawTimeline(model, focus));
  renderFooter(model);
  if (focus !== null) timeline.querySelector('.lane-label.focused')?.scrollIntoView({ block: 'nearest' });
}

function renderMessage(name: string | null, text: string): void {
  document.body.classList.remove('busy');
  header.replaceChildren(titleElement(name));
  timeline.replaceChildren(paragraph('placeholder', text));
  footer.replaceChildren();
}

function renderHeader(name: string, sourceId: string, sources: readonly { id: string; label: string }[], model: TimelineModel): void {
  const picker = create('select', 'source-picker');
  picker.setAttribute('aria-label', 'Trace source');
  for (const option of sources) {
    const item = create('option');
    item.value = option.id;
    item.textContent = option.label;
    item.selected = option.id === sourceId;
    picker.append(item);
  }
  picker.disabled = sources.length < 2;
  picker.addEventListener('change', () => vscode.postMessage({ type: 'selectSource', id: picker.value }));

  const outcome = create('span', `outcome outcome-${model.outcome.kind}`);
  outcome.textContent = model.outcome.message;
  if (model.outcome.line !== null) {
    const line = model.outcome.line;
    outcome.classList.add('clickable');
    outcome.title = `line ${line}`;
    outcome.addEventListener('click', () => vscode.postMessage({ type: 'reveal', line }));
  }

  const counts = create('span', 'counts');
  counts.textContent = `${model.lanes.length} generator${model.lanes.length === 1 ? '' : 's'} · ${model.steps} events${model.gap !== null ? ` (${model.gap.omitted} more omitted)` : ''}`;

  const zoom = currentZoom(model.steps);
  const tools = create('span', 'tools');
  tools.append(
    button('−', 'Zoom out', () => setZoom(zoom - 1), zoom === 0),
    button('+', 'Zoom in', () => setZoom(zoom + 1), zoom === ZOOMS.length - 1),
    button('Re-run', 'Run the traces again', () => {
      document.body.classList.add('busy');
      vscode.postMessage({ type: 'rerun' });
    }),
  );
  header.replaceChildren(titleElement(name), picker, outcome, counts, tools, legend());
}

/** The zoom the user chose, or the largest at which `steps` columns fit beside the lane labels. */
function currentZoom(steps: number): number {
  if (zoomIndex !== null) return zoomIndex;
  // The body's padding (2 × 16 px) and room for a vertical scroll bar.
  const room = document.body.clientWidth - LABEL_WIDTH - 32 - 24;
  for (let index = ZOOMS.length - 1; index > 0; index--) if ((steps + 1) * (ZOOMS[index] ?? 0) <= room) return index;
  return 0;
}

function setZoom(index: number): void {
  zoomIndex = Math.max(0, Math.min(ZOOMS.length - 1, index));
  vscode.setState({ zoomIndex });
  render();
}

/** The lane labels (a fixed column) and the drawing (scrolls sideways), row for row. */
function drawTimeline(model: TimelineModel, focus: string | null): HTMLElement {
  const step = ZOOMS[currentZoom(model.steps)] ?? 26;
  const rowOf = new Map(model.lanes.map((lane, row) => [lane.generator, row]));
  const width = Math.max(1, model.steps) * step + step;
  const height = TOP + model.lanes.length * LANE_HEIGHT;

  const labels = create('div', 'lane-labels');
  const spacer = create('div', 'lane-labels-top');
  labels.append(spacer);
  for (const lane of model.lanes) labels.append(laneLabel(lane, focus));

  const svg = svgElement('svg', { width, height, class: 'drawing', role: 'list' });
  const x = (column: number): number => column * step + step / 2;
  const y = (row: number): number => TOP + row * LANE_HEIGHT + LANE_HEIGHT / 2 + 6;

  model.lanes.forEach((lane, row) => {
    const band = svgElement('rect', { x: 0, y: TOP + row * LANE_HEIGHT, width, height: LANE_HEIGHT, class: `band${row % 2 === 1 ? ' odd' : ''}${lane.function === focus ? ' focused' : ''}` });
    svg.append(band);
  });
  if (model.gap !== null) {
    const gap = svgElement('rect', { x: model.gap.step * step, y: 0, width: step, height, class: 'gap' });
    gap.append(svgTitle(`${model.gap.omitted} events omitted: the trace keeps its first and last events`));
    svg.append(gap);
  }
  for (const link of model.links) svg.append(drawLink(link, rowOf, x, y));
  model.lanes.forEach((lane, row) => {
    for (const segment of lane.segments) {
      if (segment.state === 'closed') continue;
      const left = x(segment.from);
      const right = segment.to >= model.steps ? width - step / 2 : x(segment.to);
      svg.append(svgElement('rect', { x: left, y: y(row) - BAR_HEIGHT / 2, width: Math.max(1, right - left), height: BAR_HEIGHT, rx: 2, class: `segment ${segment.state}` }));
    }
    const group = svgElement('g', { class: 'marks', role: 'listitem', 'aria-label': `${lane.title}: ${lane.summary}` });
    for (const mark of lane.marks) group.append(drawMark(mark, x(mark.step), y(row), step));
    svg.append(group);
  });

  const scroller = create('div', 'drawing-scroller');
  scroller.append(svg);
  const frame = create('div', 'frame');
  frame.append(labels, scroller);
  return frame;
}

function laneLabel(lane: TimelineLane, focus: string | null): HTMLElement {
  const label = create('div', `lane-label depth-${Math.min(lane.depth, 6)}${lane.function === focus ? ' focused' : ''}`);
  const title = create('span', 'lane-title');
  if (lane.depth > 0) {
    const nested = create('span', 'nested');
    nested.textContent = 'yield from ';
    title.append(nested);
  }
  const name = create('span', 'lane-name');
  name.textContent = lane.title;
  title.append(name);
  const summary = create('span', 'lane-summary');
  summary.textContent = lane.summary;
  label.title = `${lane.title}\n${lane.summary}`;
  label.append(title, summary);
  return label;
}

function drawLink(link: TimelineLink, rowOf: Map<number, number>, x: (column: number) => number, y: (row: number) => number): SVGElement {
  const from = rowOf.get(link.from) ?? 0;
  const to = rowOf.get(link.to) ?? 0;
  return svgElement('line', { x1: x(link.step), x2: x(link.step), y1: y(from), y2: y(to), class: `link ${link.kind}` });
}

function drawMark(mark: TimelineMark, cx: number, cy: number, step: number): SVGElement {
  const group = svgElement('g', { class: `mark ${mark.kind}${mark.delegated ? ' delegated' : ''}`, tabindex: 0, role: 'button', 'aria-label': mark.detail[0] ?? mark.kind });
  group.append(markShape(mark.kind, cx, cy));
  // Labels only where there is room: a lane's marks alternate between resumes (labelled below the bar) and
  // yields (above), so each label has about two columns. The tooltip always has the whole value.
  const room = Math.floor((2 * step) / CHAR_WIDTH);
  if (mark.label !== '' && room >= 3) {
    const below = mark.kind === 'send' || mark.kind === 'throw' || mark.kind === 'close';
    const text = svgElement('text', { x: cx, y: cy + (below ? LABEL_BELOW : LABEL_ABOVE), class: 'mark-label' });
    text.textContent = mark.label.length > room ? `${mark.label.slice(0, room - 1)}…` : mark.label;
    group.append(text);
  }
  const reveal = (): void => {
    if (mark.line > 0) vscode.postMessage({ type: 'reveal', line: mark.line, ...(mark.file !== undefined ? { file: mark.file } : {}) });
  };
  group.addEventListener('click', reveal);
  group.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      reveal();
    }
  });
  group.addEventListener('mouseenter', () => showTooltip(mark, group));
  group.addEventListener('focus', () => showTooltip(mark, group));
  group.addEventListener('mouseleave', hideTooltip);
  group.addEventListener('blur', hideTooltip);
  return group;
}

/** One shape per kind of event, so that the marks read without colour too. */
function markShape(kind: TimelineMark['kind'], cx: number, cy: number): SVGElement {
  switch (kind) {
    case 'yield':
      return svgElement('circle', { cx, cy, r: 5, class: 'shape' });
    case 'create':
      return svgElement('circle', { cx, cy, r: 4, class: 'shape hollow' });
    case 'next':
      return svgElement('path', { d: `M${cx - 4},${cy - 5} L${cx + 4},${cy} L${cx - 4},${cy + 5} Z`, class: 'shape' });
    case 'send':
      return svgElement('path', { d: `M${cx - 5},${cy - 6} L${cx + 5},${cy - 6} L${cx},${cy + 2} Z`, class: 'shape' });
    case 'throw':
      return svgElement('path', { d: `M${cx},${cy - 6} L${cx + 5},${cy} L${cx},${cy + 6} L${cx - 5},${cy} Z`, class: 'shape' });
    case 'close':
      return svgElement('rect', { x: cx - 4.5, y: cy - 4.5, width: 9, height: 9, class: 'shape' });
    case 'finalize':
      return svgElement('rect', { x: cx - 4, y: cy - 4, width: 8, height: 8, class: 'shape hollow' });
    case 'return':
      return svgElement('path', { d: `M${cx - 1},${cy - 7} L${cx + 2},${cy - 7} L${cx + 2},${cy + 7} L${cx - 1},${cy + 7} Z M${cx - 6},${cy - 3} L${cx - 1},${cy} L${cx - 6},${cy + 3} Z`, class: 'shape' });
    case 'raise':
      return svgElement('path', { d: `M${cx - 5},${cy - 5} L${cx + 5},${cy + 5} M${cx + 5},${cy - 5} L${cx - 5},${cy + 5}`, class: 'shape stroke' });
  }
}

function showTooltip(mark: TimelineMark, anchor: SVGElement): void {
  const [headline = '', ...rest] = mark.detail;
  const title = create('div', 'tooltip-title');
  title.textContent = headline;
  const body = create('pre', 'tooltip-body');
  body.textContent = rest.join('\n');
  const hint = create('div', 'tooltip-hint');
  hint.textContent = mark.line > 0 ? 'Click to show the line' : '';
  tooltip.replaceChildren(title, ...(rest.length > 0 ? [body] : []), hint);
  tooltip.hidden = false;
  const box = anchor.getBoundingClientRect();
  const left = Math.min(window.innerWidth - tooltip.offsetWidth - 8, Math.max(8, box.left + box.width / 2 - tooltip.offsetWidth / 2));
  const top = box.bottom + 8 + tooltip.offsetHeight > window.innerHeight ? box.top - tooltip.offsetHeight - 8 : box.bottom + 8;
  // CSSOM assignments are allowed under the page's CSP (inline style attributes are not).
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${Math.max(8, top)}px`;
}

function hideTooltip(): void {
  tooltip.hidden = true;
}

function renderFooter(model: TimelineModel): void {
  if (model.stdout === '') {
    footer.replaceChildren();
    return;
  }
  const details = create('details', 'stdout');
  const summary = create('summary');
  summary.textContent = `Output (${model.stdout.split('\n').filter((line) => line !== '').length} lines)`;
  const pre = create('pre');
  pre.textContent = model.stdout;
  details.append(summary, pre);
  footer.replaceChildren(details);
}

function legend(): HTMLElement {
  const box = create('span', 'legend');
  const entries: [string, string][] = [
    ['running', 'running'],
    ['suspended', 'suspended'],
    ['mark-yield', 'yield'],
    ['mark-send', 'send'],
    ['mark-throw', 'throw'],
    ['mark-close', 'close'],
    ['mark-return', 'return'],
    ['mark-raise', 'raise'],
  ];
  for (const [kind, text] of entries) {
    const entry = create('span', `legend-entry ${kind}`);
    const swatch = create('span', 'swatch');
    entry.append(swatch, document.createTextNode(text));
    box.append(entry);
  }
  return box;
}

function titleElement(name: string | null): HTMLElement {
  const title = create('h1', 'title');
  title.textContent = name === null ? 'Trace timeline' : `Trace of ${name}`;
  return title;
}

function button(text: string, label: string, onClick: () => void, disabled = false): HTMLButtonElement {
  const item = create('button', 'tool');
  item.textContent = text;
  item.title = label;
  item.setAttribute('aria-label', label);
  item.disabled = disabled;
  item.addEventListener('click', onClick);
  return item;
}

function paragraph(className: string, text: string): HTMLElement {
  const item = create('p', className);
  item.textContent = text;
  return item;
}

function svgTitle(text: string): SVGElement {
  const title = document.createElementNS(SVG, 'title');
  title.textContent = text;
  return title;
}

function svgElement(name: string, attributes: Record<string, string | number>): SVGElement {
  const item = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) item.setAttribute(key, String(value));
  return item;
}

function create<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const item = document.createElement(tag);
  if (className !== undefined) item.className = className;
  return item;
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`timeline page has no #${id}`);
  return found;
}
