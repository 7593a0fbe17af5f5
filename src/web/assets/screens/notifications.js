/** The in-app feed (GET /me/notifications): publications, shift changes, decisions, swap offers, coaching. */
import { get, post } from '../api.js';
import { badge, card, empty, h } from '../elements.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';

export async function feedCard(ctx, redraw) {
  const feed = await get('/me/notifications', { limit: 20 });
  const tools = [
    feed.unread ? badge(t('feed.unread', { count: feed.unread }), 'info') : null,
    feed.unread
      ? h(
          'button',
          {
            type: 'button',
            class: 'small',
            id: 'mark-read',
            onclick: async () => {
              await post('/me/notifications/read', {});
              redraw();
            },
          },
          t('feed.markRead'),
        )
      : null,
  ];
  return card(
    t('feed.title'),
    tools,
    feed.items.length
      ? h(
          'ul',
          { class: 'feed', id: 'feed' },
          feed.items.map((n) =>
            h(
              'li',
              { class: n.read ? 'read' : 'unread', 'data-kind': n.kind },
              h('span', { class: 'feed-text' }, n.text),
              h('time', { class: 'hint', datetime: n.createdAt }, dateTime(n.createdAt, ctx.zone)),
            ),
          ),
        )
      : empty(t('feed.empty')),
  );
}
