// The bottom sheet a list message opens: sections and rows; tapping a row sends a list_reply.
import { h } from './format.js';

function rowButton(row, item, sheet, send) {
  return h('button', {
    type: 'button', class: 'list-row', 'data-testid': 'list-row', 'data-id': row.id, 'data-title': row.title,
    onclick: () => {
      sheet.close();
      const reply = { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) };
      send({ list_reply: reply, context_id: item.id });
    },
  },
  h('span', { class: 'row-text' },
    h('span', { class: 'row-title' }, row.title),
    row.description ? h('span', { class: 'row-description' }, row.description) : null),
  h('span', { class: 'radio', 'aria-hidden': 'true' }));
}

/** element: the .sheet dialog; backdrop: the dimmed layer; send(payload) posts to the phone API. */
export function createListSheet(element, backdrop, send) {
  const sheet = {
    open(item) {
      const action = item.interactive?.action ?? {};
      element.querySelector('.sheet-title').textContent = action.button ?? 'Menu';
      const content = (action.sections ?? []).flatMap((section) => [
        section.title ? h('div', { class: 'sheet-section' }, section.title) : null,
        ...(section.rows ?? []).map((row) => rowButton(row, item, sheet, send)),
      ]);
      element.querySelector('.sheet-body').replaceChildren(...content.filter(Boolean));
      element.hidden = false;
      backdrop.hidden = false;
    },
    close() {
      element.hidden = true;
      backdrop.hidden = true;
    },
  };
  return sheet;
}
