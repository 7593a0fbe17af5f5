/** Users: who signs in, with which role, linked to which employee; created, edited, switched off. */
import { get, getAll, patch, post } from '../api.js';
import { badge, card, clear, h } from '../elements.js';
import { t } from '../i18n.js';
import { guarded } from './common.js';
import { checkbox, choice, formDialog, input, saved, table, valueOf } from './forms.js';

const ROLES = ['manager', 'supervisor', 'hr', 'trainer', 'qc', 'agent'];

function userDialog(agents, current, roles) {
  const c = current ?? { role: 'agent', active: true };
  const labels = {
    username: t('signin.username'),
    displayName: t('users.displayName'),
    password: t(current ? 'users.newPassword' : 'signin.password'),
    role: t('users.role'),
    agentId: t('users.employee'),
  };
  return formDialog(
    current ? t('users.edit', { name: current.displayName }) : t('users.new'),
    'user-form',
    [
      [
        current ? null : [labels.username, input('username', { maxlength: 60, autocomplete: 'off' })],
        [labels.displayName, input('displayName', { maxlength: 100, value: c.displayName ?? '' })],
      ].filter(Boolean),
      [
        [
          labels.role,
          choice(
            'role',
            roles.map((r) => [r, t(`role.${r}`)]),
            c.role,
          ),
        ],
        [labels.agentId, choice('agentId', agents, c.agentId ?? '', t('users.noEmployee')), t('users.employeeHint')],
      ],
      [
        [
          labels.password,
          input('password', { type: 'password', autocomplete: 'new-password' }),
          current ? t('users.passwordKeep') : t('users.passwordHint'),
        ],
        current ? h('label', { class: 'check' }, checkbox('active', c.active), t('users.active')) : null,
      ].filter(Boolean),
    ],
    (form) => {
      const body = {
        displayName: valueOf(form, 'displayName') ?? '',
        role: valueOf(form, 'role'),
        agentId: valueOf(form, 'agentId') ?? null,
        password: valueOf(form, 'password'),
      };
      return current
        ? patch(`/users/${current.id}`, { ...body, active: valueOf(form, 'active') })
        : post('/users', { ...body, username: valueOf(form, 'username') ?? '', password: body.password ?? '' });
    },
    { labels, wide: true },
  );
}

async function renderUsers(root, ctx) {
  const agents = await getAll('/agents');
  const names = new Map(agents.map((a) => [a.id, `${a.name} (${a.employeeNo})`]));
  const agentPairs = agents.map((a) => [a.id, `${a.name} (${a.employeeNo})`]);
  // Only an administrator makes another administrator (the API says the same).
  const roles = ctx.can('admin') ? ['admin', ...ROLES] : ROLES;
  const status = h('div');
  const list = h('div');
  const edit = async (current) => {
    const result = await userDialog(agentPairs, current, roles);
    if (result) {
      await load();
      saved(
        status,
        t(current ? 'users.saved' : 'users.created', { name: result.displayName, role: t(`role.${result.role}`) }),
      );
    }
  };
  const load = guarded(status, async () => {
    const page = await get('/users');
    const users = page.items ?? page;
    clear(
      list,
      card(
        t('users.title', { count: users.length }),
        h(
          'button',
          { type: 'button', class: 'primary small', id: 'new-user', onclick: () => edit(null) },
          t('users.new'),
        ),
        table(
          'users',
          [t('users.displayName'), t('signin.username'), t('users.role'), t('users.employee'), t('common.status'), ''],
          users.map((u) =>
            h(
              'tr',
              { 'data-user': u.id },
              h('td', null, h('strong', null, u.displayName)),
              h('td', null, u.username),
              h('td', null, t(`role.${u.role}`)),
              h('td', null, u.agentId ? (names.get(u.agentId) ?? '—') : '—'),
              h('td', null, u.active ? badge(t('users.active'), 'good') : badge(t('users.inactive'), 'bad')),
              h(
                'td',
                null,
                u.id === ctx.user.id
                  ? h('span', { class: 'hint' }, t('users.you'))
                  : h(
                      'button',
                      { type: 'button', class: 'small', 'data-edit': u.id, onclick: () => edit(u) },
                      t('form.edit'),
                    ),
              ),
            ),
          ),
          t('users.none'),
        ),
      ),
    );
  });
  clear(root, status, list);
  await load();
}

export default { id: 'users', label: 'nav.users', roles: ['manager', 'admin'], render: renderUsers };
