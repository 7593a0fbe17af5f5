/** The shell: sign-in, navigation by role, language toggle, and a hash router over the screens. */
import { ApiError, forgetExportKinds, get, post, session } from './api.js';
import { clear, h, options } from './elements.js';
import { lang, onLangChange, setLang, t, useShopLanguage } from './i18n.js';
import { SCREENS } from './screens/index.js';

const root = document.getElementById('app');
let context = null;

function languageToggle() {
  return h(
    'div',
    { class: 'lang-toggle', role: 'group', 'aria-label': 'Language' },
    h(
      'button',
      { type: 'button', class: lang() === 'zh' ? 'active' : '', 'data-lang': 'zh', onclick: () => setLang('zh') },
      '中文',
    ),
    h(
      'button',
      { type: 'button', class: lang() === 'en' ? 'active' : '', 'data-lang': 'en', onclick: () => setLang('en') },
      'EN',
    ),
  );
}

function signInView(message) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'form-error', role: 'alert' }, message ?? '');
  const button = h('button', { type: 'submit', class: 'primary wide' }, t('signin.submit'));
  const form = h(
    'form',
    { class: 'signin-card', id: 'signin' },
    h(
      'div',
      { class: 'signin-brand' },
      h('img', { src: '/assets/icon.svg', alt: '' }),
      h('div', null, h('strong', null, t('app.name')), h('span', null, t('app.tagline'))),
    ),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('signin.username')), username),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('signin.password')), password),
    error,
    button,
    h('div', { class: 'signin-foot' }, languageToggle(), h('a', { href: '/docs' }, t('signin.apiDocs'))),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.textContent = '';
    try {
      const signedIn = await post('/auth/login', { username: username.value.trim(), password: password.value });
      session.write({
        token: signedIn.accessToken,
        user: signedIn.user,
        expiresAt: Date.now() + signedIn.expiresIn * 1000,
      });
      forgetExportKinds();
      await start();
    } catch (e) {
      error.textContent =
        e instanceof ApiError && e.problem.code === 'auth.bad-credentials' ? t('signin.wrong') : e.message;
      button.disabled = false;
    }
  });
  clear(root, h('div', { class: 'signin-page' }, form));
  username.focus();
}

async function loadContext() {
  const current = session.read();
  const user = current.user;
  let shops = [];
  if (user.role === 'admin') {
    shops = await get('/shops').then((page) => page.items ?? page);
    if (!current.actingShopId && shops[0]) session.patch({ actingShopId: shops[0].id });
  }
  const shopId = user.shopId ?? session.read().actingShopId;
  const shop = shopId ? await get(`/shops/${shopId}`) : null;
  useShopLanguage(shop?.language);
  return {
    user,
    shop,
    shops,
    zone: shop?.timeZone ?? 'Asia/Shanghai',
    role: user.role,
    can: (...roles) => roles.includes(user.role),
  };
}

const allowed = (screen) => screen.roles.includes(context.role);

function currentScreen() {
  const id = location.hash.replace(/^#\/?/, '').split('?')[0];
  const visible = SCREENS.filter(allowed);
  return { wanted: id, screen: visible.find((s) => s.id === id) ?? (id ? null : visible[0]) };
}

function shell() {
  const { wanted, screen } = currentScreen();
  const nav = h(
    'nav',
    { class: 'nav', 'aria-label': t('nav.label') },
    SCREENS.filter(allowed).map((s) =>
      h(
        'a',
        { href: `#/${s.id}`, class: s === screen ? 'active' : '', 'data-screen': s.id },
        h('span', { class: `nav-dot dot-${s.id}` }),
        t(s.label),
      ),
    ),
  );
  const shopPicker =
    context.role === 'admin'
      ? h(
          'select',
          {
            class: 'shop-picker',
            'aria-label': t('shell.shop'),
            onchange: async (e) => {
              session.patch({ actingShopId: e.target.value });
              await start();
            },
          },
          options(
            context.shops.map((s) => [s.id, s.name]),
            session.read().actingShopId,
          ),
        )
      : h('span', { class: 'shop-name' }, context.shop?.name ?? '');
  const view = h('main', { class: 'view', id: 'view' });
  const title = h('h1', { class: 'page-title' }, screen ? t(screen.label) : t('shell.notAllowed'));
  // On a phone the sidebar is a menu behind this button (a chosen screen redraws the shell, closing it).
  let frame = null;
  const menu = h(
    'button',
    {
      type: 'button',
      class: 'ghost menu-toggle',
      id: 'menu-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'sidebar',
      onclick: () => menu.setAttribute('aria-expanded', String(frame.classList.toggle('menu-open'))),
    },
    h('span', { 'aria-hidden': 'true' }, '☰'),
    ' ',
    t('shell.menu'),
  );
  frame = h(
    'div',
    { class: 'shell' },
    h(
      'aside',
      { class: 'sidebar', id: 'sidebar' },
      h('div', { class: 'brand' }, h('img', { src: '/assets/icon.svg', alt: '' }), h('span', null, t('app.name'))),
      nav,
      h('div', { class: 'sidebar-foot' }, t('shell.zone'), ' ', context.zone),
    ),
    h(
      'div',
      { class: 'main' },
      h(
        'header',
        { class: 'topbar' },
        menu,
        title,
        h(
          'div',
          { class: 'topbar-tools' },
          shopPicker,
          languageToggle(),
          h(
            'span',
            { class: 'user-chip', id: 'who' },
            h('strong', null, context.user.displayName ?? context.user.username),
            h('span', { class: 'role' }, t(`role.${context.role}`)),
          ),
          h('button', { type: 'button', class: 'ghost', id: 'sign-out', onclick: signOut }, t('shell.signOut')),
        ),
      ),
      view,
    ),
  );
  // A tap beside the open menu, or on one of its screens, closes it.
  frame.addEventListener('click', (e) => {
    if (e.target.closest('nav a') || !e.target.closest('#sidebar, #menu-toggle')) {
      frame.classList.remove('menu-open');
      menu.setAttribute('aria-expanded', 'false');
    }
  });
  clear(root, frame);
  if (!screen) {
    view.append(
      h('div', { class: 'notice notice-warn', id: 'not-allowed' }, t('shell.notAllowedText', { screen: wanted })),
    );
    return;
  }
  screen
    .render(view, context)
    .catch((e) => view.append(h('div', { class: 'notice notice-error', role: 'alert' }, e.message)));
}

function signOut() {
  session.write(null);
  context = null;
  location.hash = '';
  signInView();
}

async function start() {
  const current = session.read();
  if (!current?.token || current.expiresAt < Date.now()) {
    session.write(null);
    signInView();
    return;
  }
  // The screen that will open asks for its reference data while the shop is read (an admin's shop is known only after).
  const wanted = location.hash.replace(/^#\/?/, '').split('?')[0];
  const mine = SCREENS.filter((s) => s.roles.includes(current.user.role));
  const first = wanted ? mine.find((s) => s.id === wanted) : mine[0];
  if (current.user.shopId || current.actingShopId) first?.prefetch?.();
  try {
    context = await loadContext();
  } catch (e) {
    session.write(null);
    signInView(e.message);
    return;
  }
  shell();
}

window.addEventListener('hashchange', () => context && shell());
// A failed call behind a button (no screen-level handler) is shown on the screen, never lost.
window.addEventListener('unhandledrejection', (event) => {
  const view = document.getElementById('view');
  if (view)
    view.prepend(
      h('div', { class: 'notice notice-error', role: 'alert' }, event.reason?.message ?? String(event.reason)),
    );
});
window.addEventListener('wfm:signed-out', () => signInView(t('signin.expired')));
onLangChange(() => (context ? shell() : signInView()));
start();
