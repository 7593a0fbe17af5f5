/** Building DOM nodes without a framework: h('div', { class: 'x', onclick }, children…). */
const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value' && 'value' in el) el.value = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled') el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs ?? {}))
    if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  append(el, children);
  return el;
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function options(list, selected) {
  return list.map(([value, label]) => h('option', { value, selected: String(value) === String(selected) }, label));
}

/** A card with a title row (title + tools) and a body. */
export function card(title, tools, ...body) {
  return h(
    'section',
    { class: 'card' },
    h('header', { class: 'card-head' }, h('h2', null, title), h('div', { class: 'tools' }, tools ?? [])),
    h('div', { class: 'card-body' }, body),
  );
}

export function field(label, control, hint) {
  return h(
    'label',
    { class: 'field' },
    h('span', { class: 'field-label' }, label),
    control,
    hint ? h('span', { class: 'hint' }, hint) : null,
  );
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

export function badge(text, tone = 'neutral') {
  return h('span', { class: `badge badge-${tone}` }, text);
}

/** A modal dialog; resolves when closed. `build(close)` returns the dialog content. */
export function dialog(title, build, size = '') {
  return new Promise((resolve) => {
    const backdrop = h('div', { class: 'backdrop' });
    const close = (value) => {
      backdrop.remove();
      resolve(value);
    };
    const box = h(
      'div',
      { class: `dialog ${size}`, role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
      h('h3', null, title),
      build(close),
    );
    backdrop.append(box);
    backdrop.addEventListener('keydown', (e) => e.key === 'Escape' && close(undefined));
    document.body.append(backdrop);
    box.querySelector('select, input, textarea, button')?.focus();
  });
}
