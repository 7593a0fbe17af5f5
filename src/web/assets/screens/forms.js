/** Pieces of the list-and-edit screens: refusals in the user's words, plain tables, a form in a dialog. */
import { ApiError } from '../api.js';
import { clear, dialog, field, h, options } from '../elements.js';
import { t } from '../i18n.js';
import { notice } from './common.js';

/**
 * A refusal as the API words it (problem+json `detail`, in the page's language), each field it names
 * shown by the form's own label for it (`labels`), never as a status number.
 */
export function problemText(e, labels = {}) {
  if (!(e instanceof ApiError)) return e?.message ?? String(e);
  const fields = (e.problem.errors ?? []).map((x) => {
    const path = String(x.field ?? '');
    const label = labels[path] ?? labels[path.replace(/\.\d+\./, '.')] ?? labels[path.split('.')[0]];
    return t('form.fieldError', { label: label ?? t('form.field'), message: x.message });
  });
  // With field errors, the detail repeats them by their API paths: the title and the labelled fields say it better.
  const main = (fields.length ? e.problem.title : e.problem.detail || e.problem.title) || t('form.failed');
  return [main, ...fields].join(' · ');
}

export const problemNotice = (e, labels) => notice('error', problemText(e, labels));

/** A data table: headers as text (a leading '#' marks a number column), rows as arrays of cells or <tr>s. */
export function table(id, headers, rows, emptyText) {
  if (!rows.length && emptyText) return h('p', { class: 'empty', id }, emptyText);
  const isNum = headers.map((x) => String(x).startsWith('#'));
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data compact', id },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          headers.map((x, i) => h('th', { class: isNum[i] ? 'num' : '' }, isNum[i] ? String(x).slice(1) : x)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((row) =>
          row instanceof Node
            ? row
            : h(
                'tr',
                null,
                row.map((cell, i) => h('td', { class: isNum[i] ? 'num' : '' }, cell)),
              ),
        ),
      ),
    ),
  );
}

/** A select over [value, label] pairs with an optional empty first choice. */
export function choice(name, pairs, selected, emptyLabel) {
  return h(
    'select',
    { name },
    emptyLabel !== undefined ? h('option', { value: '' }, emptyLabel) : null,
    options(pairs, selected ?? ''),
  );
}

export const input = (name, attrs = {}) => h('input', { name, ...attrs });
export const checkbox = (name, checked) => h('input', { type: 'checkbox', name, checked });

/**
 * A form in a dialog: `rows` are arrays of [label, control] (or nodes); `submit(form)` sends it and
 * returns the result, which closes the dialog; a refusal stays in the dialog with the fields' labels.
 */
export function formDialog(title, id, rows, submit, { labels = {}, wide = false, saveText } = {}) {
  return dialog(
    title,
    (close) => {
      const out = h('div', { class: 'form-out' });
      const button = h('button', { type: 'submit', class: 'primary' }, saveText ?? t('common.save'));
      const form = h(
        'form',
        // The API checks every field and says what is wrong in the page's language, by the form's labels.
        { class: 'dialog-form', id, novalidate: true },
        rows.map((row) =>
          Array.isArray(row)
            ? h(
                'div',
                { class: 'form-row' },
                row.map((cell) => (Array.isArray(cell) ? field(cell[0], cell[1], cell[2]) : cell)),
              )
            : row,
        ),
        out,
        h(
          'div',
          { class: 'dialog-actions' },
          h('button', { type: 'button', class: 'ghost', onclick: () => close(undefined) }, t('common.cancel')),
          button,
        ),
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        button.disabled = true;
        clear(out);
        try {
          close(await submit(form));
        } catch (error) {
          clear(out, problemNotice(error, labels));
          button.disabled = false;
        }
      });
      return form;
    },
    wide ? 'wide' : '',
  );
}

/** The value of a named control of a form: trimmed text, `undefined` when empty. */
export function valueOf(form, name) {
  const el = form.elements.namedItem(name);
  if (!el) return undefined;
  if (el.type === 'checkbox') return el.checked;
  const value = String(el.value ?? '').trim();
  return value === '' ? undefined : value;
}

export const numberOf = (form, name) => {
  const value = valueOf(form, name);
  return value === undefined ? undefined : Number(value);
};

/** A screen's "saved" line, replaced by the next one. */
export function saved(status, text) {
  status.replaceChildren(notice('ok', text));
}
