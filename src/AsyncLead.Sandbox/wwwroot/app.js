// The sandbox page: renders what FakeSlack holds for the acting person and acts through the sandbox's ui/ endpoints.
// Every text from the bot is set with textContent or createTextNode: nothing it sends ever becomes HTML.
'use strict';

const $ = (id) => document.getElementById(id);

const page = {
  state: null,
  as: null,
  // { kind: 'channel', id } or { kind: 'app', tab: 'home' | 'messages' }
  at: null,
  thread: null, // ts of the open thread (in the conversation shown)
  modalKey: null, // view id + hash the modal on screen was drawn from
  modalErrors: {},
  typed: {}, // view id -> what the person entered in it, kept while a pushed view covers it
  homeOpenedFor: null,
  dismissedAt: 0, // the time of the last refusal the person dismissed
};

// ---- Talking to the sandbox --------------------------------------------------------------------------------

async function post(path, body) {
  const response = await fetch('ui/' + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  let answer = {};
  try { answer = await response.json(); } catch { answer = { error: response.statusText }; }
  if (!response.ok) {
    const error = new Error(answer.error || ('HTTP ' + response.status));
    error.errors = answer.errors;
    error.status = response.status;
    error.shown = answer.shown === true;
    throw error;
  }
  return answer;
}

let refreshing = null;
let refreshAgain = false;

async function refresh() {
  if (refreshing) { refreshAgain = true; return refreshing; }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      const query = page.as ? '?as=' + encodeURIComponent(page.as) : '';
      const response = await fetch('ui/state' + query, { cache: 'no-store' });
      const state = await response.json();
      if (response.status === 400 && page.as) { page.as = null; refreshAgain = true; continue; }
      if (!response.ok) { notice(state.error || 'The sandbox did not answer.', true); break; }
      page.state = state;
      if (!page.as) { page.as = state.actingAs; }
      render();
      // When the page first showed the workspace: what the load-time figure measures.
      if (performance.getEntriesByName('sandbox-rendered').length === 0) { performance.mark('sandbox-rendered'); }
    } while (refreshAgain);
  })().finally(() => { refreshing = null; });
  return refreshing;
}

function listen() {
  const events = new EventSource('ui/events');
  events.addEventListener('change', () => refresh());
  events.addEventListener('ready', () => refresh());
}

async function act(path, body, button) {
  if (button) { button.disabled = true; }
  try {
    const answer = await post(path, body);
    if (answer.line) { notice(answer.line, false); }
    return answer;
  } catch (error) {
    if (!error.shown) { notice(error.message, true); }
    throw error;
  } finally {
    if (button) { button.disabled = false; }
    await refresh();
  }
}

function quietly(promise) { promise.catch(() => { /* already shown in the notice line */ }); }

// ---- Where we are ------------------------------------------------------------------------------------------

function readLocation() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get('as')) { page.as = params.get('as'); }
  const at = params.get('at');
  if (at === 'home' || at === 'messages') { page.at = { kind: 'app', tab: at }; } else if (at) { page.at = { kind: 'channel', id: at }; }
  page.thread = params.get('thread');
}

function writeLocation() {
  const params = new URLSearchParams();
  if (page.as) { params.set('as', page.as); }
  if (page.at) { params.set('at', page.at.kind === 'app' ? page.at.tab : page.at.id); }
  if (page.thread) { params.set('thread', page.thread); }
  history.replaceState(null, '', '#' + params.toString());
}

function go(at) {
  page.at = at;
  page.thread = null;
  writeLocation();
  render();
  if (at.kind === 'app' && at.tab === 'home') { openHome(); }
}

function openHome() {
  page.homeOpenedFor = page.as;
  quietly(act('home', { as: page.as }));
}

function person(id) { return page.state.people.find((p) => p.id === id); }

function zone() { return (person(page.as) || {}).timeZone || 'UTC'; }

// ---- mrkdwn ------------------------------------------------------------------------------------------------

const entity = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined && text !== null) { node.textContent = text; }
  return node;
}

// Slack's rules: *bold*, _italic_, ~strike~ only at word edges; `code` holds no formatting; <…> are links and mentions.
const INLINE = /`([^`\n]+)`|<([^<>\n]+)>|(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])|(?<![\w_])_(?!\s)([^_\n]+?)_(?![\w_])|(?<![\w~])~(?!\s)([^~\n]+?)~(?![\w~])|:([a-z][a-z0-9_+-]*):/g;

// Slack's :shortcodes: for the emoji AsyncLead sends, and the ones people type most; others stay as typed.
const EMOJI = {
  white_check_mark: '✅', heavy_check_mark: '✔️', warning: '⚠️', no_entry_sign: '🚫', no_entry: '⛔', speech_balloon: '💬',
  hourglass_flowing_sand: '⏳', hourglass: '⌛', grey_question: '❔', question: '❓', construction: '🚧', calendar: '📅',
  date: '📅', memo: '📝', pencil: '📝', pencil2: '✏️', clock: '🕐', alarm_clock: '⏰', bell: '🔔', tada: '🎉', rocket: '🚀',
  eyes: '👀', wave: '👋', thumbsup: '👍', '+1': '👍', thumbsdown: '👎', '-1': '👎', x: '❌', heavy_plus_sign: '➕',
  red_circle: '🔴', large_green_circle: '🟢', large_yellow_circle: '🟡', large_blue_circle: '🔵', fire: '🔥', bulb: '💡',
  pushpin: '📌', link: '🔗', lock: '🔒', palm_tree: '🌴', beach_with_umbrella: '🏖️', sparkles: '✨', chart_with_upwards_trend: '📈',
  bar_chart: '📊', inbox_tray: '📥', outbox_tray: '📤', envelope: '✉️', scroll: '📜', clipboard: '📋', spiral_calendar_pad: '🗓️',
  stopwatch: '⏱️', zzz: '💤', smile: '😄', slightly_smiling_face: '🙂', thinking_face: '🤔', pray: '🙏', raised_hands: '🙌',
  point_right: '👉', arrow_right: '➡️', repeat: '🔁', house: '🏠', busts_in_silhouette: '👥', bust_in_silhouette: '👤',
};

function inline(text, into) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) { into.append(entity(text.slice(last, match.index))); }
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      into.append(el('code', null, entity(match[1])));
    } else if (match[2] !== undefined) {
      into.append(angle(match[2]));
    } else if (match[6] !== undefined) {
      into.append(EMOJI[match[6]] || match[0]);
    } else {
      const tag = match[3] !== undefined ? 'b' : match[4] !== undefined ? 'i' : 's';
      const node = el(tag);
      inline(match[3] ?? match[4] ?? match[5], node);
      into.append(node);
    }
  }
  if (last < text.length) { into.append(entity(text.slice(last))); }
}

function angle(token) {
  const bar = token.indexOf('|');
  const target = bar < 0 ? token : token.slice(0, bar);
  const label = bar < 0 ? null : entity(token.slice(bar + 1));
  if (target.startsWith('@')) {
    const user = page.state.users[target.slice(1)];
    return el('span', 'mention', '@' + (user ? user.name : (label || target.slice(1))));
  }
  if (target.startsWith('#')) {
    const name = page.state.channels[target.slice(1)] || label || target.slice(1);
    return el('span', 'channel-mention', '#' + name);
  }
  if (target.startsWith('!date^')) { return dateToken(target, label); }
  if (target.startsWith('!subteam^')) { return el('span', 'mention', label || '@team'); }
  if (target.startsWith('!')) { return el('span', 'mention', '@' + target.slice(1)); }
  const url = entity(target);
  if (/^(https?:|mailto:)/i.test(url)) {
    const link = el('a', null, label || url);
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    return link;
  }
  return document.createTextNode(label || url);
}

function ordinal(day) {
  const n = Number(day);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] || 'th';
  return n + suffix;
}

function parts(date, options) {
  const found = {};
  for (const part of new Intl.DateTimeFormat('en-US', { timeZone: zone(), ...options }).formatToParts(date)) { found[part.type] = part.value; }
  return found;
}

function dayKey(date) {
  const p = parts(date, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return p.year + '-' + p.month + '-' + p.day;
}

function pretty(date, fallback) {
  const day = 86400000;
  const key = dayKey(date);
  const now = new Date(page.state.now);
  if (key === dayKey(now)) { return 'today'; }
  if (key === dayKey(new Date(now.getTime() - day))) { return 'yesterday'; }
  if (key === dayKey(new Date(now.getTime() + day))) { return 'tomorrow'; }
  return fallback;
}

// <!date^1392734382^{date_short} at {time}|fallback>, in the acting person's time zone as Slack shows it.
function formatDate(date, format) {
  const p = parts(date, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true });
  const short = parts(date, { month: 'short', day: 'numeric', year: 'numeric' });
  const num = parts(date, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const long = p.weekday + ', ' + p.month + ' ' + ordinal(p.day) + ', ' + p.year;
  const medium = p.month + ' ' + ordinal(p.day) + ', ' + p.year;
  const shortText = short.month + ' ' + short.day + ', ' + short.year;
  const minutesAgo = Math.round((page.state.now - date.getTime()) / 60000);
  const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const values = {
    date_num: num.year + '-' + num.month + '-' + num.day,
    date: medium,
    date_short: shortText,
    date_long: long,
    date_pretty: capital(pretty(date, medium)),
    date_short_pretty: capital(pretty(date, shortText)),
    date_long_pretty: capital(pretty(date, long)),
    time: p.hour + ':' + p.minute + ' ' + p.dayPeriod,
    time_secs: p.hour + ':' + p.minute + ':' + p.second + ' ' + p.dayPeriod,
    ago: minutesAgo < 60 ? minutesAgo + ' minutes ago' : Math.round(minutesAgo / 60) + ' hours ago',
  };
  return format.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);
}

function dateToken(target, fallback) {
  const [, seconds, format = '{date}', link] = target.split('^');
  const date = new Date(Number(seconds) * 1000);
  const text = Number.isFinite(date.getTime()) ? formatDate(date, format) : (fallback || '');
  const node = el('time', 'date', text);
  node.dateTime = Number.isFinite(date.getTime()) ? date.toISOString() : '';
  node.title = fallback || '';
  if (link && /^https?:/i.test(link)) {
    const a = el('a', null);
    a.href = link;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.append(node);
    return a;
  }
  return node;
}

function mrkdwn(text, className) {
  const root = el('div', 'mrkdwn' + (className ? ' ' + className : ''));
  const pieces = String(text || '').split('```');
  pieces.forEach((piece, index) => {
    if (index % 2 === 1) {
      root.append(el('pre', null, entity(piece.replace(/^\n/, ''))));
      return;
    }
    const lines = piece.split('\n');
    let quote = null;
    lines.forEach((line, i) => {
      const quoted = /^(&gt;|>) ?/.exec(line);
      if (quoted) {
        if (!quote) { quote = el('blockquote'); root.append(quote); } else { quote.append(el('br')); }
        inline(line.slice(quoted[0].length), quote);
        return;
      }
      quote = null;
      inline(line, root);
      if (i < lines.length - 1) { root.append(el('br')); }
    });
  });
  return root;
}

function textObject(object, className) {
  if (!object) { return el('span'); }
  if (object.type === 'mrkdwn') { return mrkdwn(object.text, className); }
  return el('div', 'plain' + (className ? ' ' + className : ''), object.text);
}

function plain(object) { return object ? object.text : ''; }

// ---- Block Kit ---------------------------------------------------------------------------------------------

// ctx: { where: 'message' | 'modal' | 'home', channel, ts, viewId, errors }
function blocks(list, ctx) {
  const root = el('div', 'blocks');
  for (const block of list || []) { root.append(blockNode(block, ctx)); }
  return root;
}

function blockNode(block, ctx) {
  switch (block.type) {
    case 'header': return el('h3', 'block header', plain(block.text));
    case 'divider': return el('hr', 'block divider');
    case 'section': {
      const node = el('div', 'block section');
      const body = el('div', 'section-body');
      if (block.text) { body.append(textObject(block.text)); }
      if (block.fields) {
        const fields = el('div', 'fields');
        for (const field of block.fields) { fields.append(textObject(field, 'field')); }
        body.append(fields);
      }
      node.append(body);
      if (block.accessory) { node.append(element(block.accessory, block, ctx, false)); }
      return node;
    }
    case 'context': {
      const node = el('div', 'block context');
      for (const item of block.elements || []) {
        node.append(item.type === 'image' ? el('span', 'image-alt', item.alt_text || '') : textObject(item));
      }
      return node;
    }
    case 'actions': {
      const node = el('div', 'block actions');
      for (const item of block.elements || []) { node.append(element(item, block, ctx, false)); }
      return node;
    }
    case 'input': {
      const node = el('div', 'block input-block');
      node.dataset.blockId = block.block_id;
      const label = el('label', 'input-label', plain(block.label));
      if (block.optional) { label.append(el('span', 'optional', ' (optional)')); }
      node.append(label);
      const field = element(block.element, block, ctx, true);
      node.append(field);
      const control = field.matches('input, select, textarea') ? field : field.querySelector('input, select, textarea');
      if (control) {
        control.id = 'input-' + block.block_id;
        label.htmlFor = control.id;
      }
      if (block.hint) { node.append(el('div', 'hint', plain(block.hint))); }
      const error = ctx.errors && ctx.errors[block.block_id];
      if (error) {
        node.classList.add('has-error');
        node.append(el('div', 'field-error', error));
      }
      return node;
    }
    case 'image': return el('div', 'block image-alt', block.alt_text || '');
    case 'rich_text': return el('div', 'block section', richText(block));
    default: return el('div', 'block unknown', '[' + block.type + ' block]');
  }
}

function richText(block) {
  const texts = [];
  const walk = (node) => {
    if (!node) { return; }
    if (typeof node.text === 'string') { texts.push(node.text); }
    for (const child of node.elements || []) { walk(child); }
  };
  walk(block);
  return texts.join('');
}

function optionText(option) { return option ? plain(option.text) : ''; }

function allOptions(element) {
  return (element.options || []).concat(...(element.option_groups || []).map((g) => g.options || []));
}

function select(element, choices, initial, placeholder) {
  const node = el('select', 'select');
  const none = el('option', null, placeholder || 'Select an item');
  none.value = '';
  node.append(none);
  for (const choice of choices) {
    if (choice.group) {
      const group = el('optgroup');
      group.label = choice.group;
      for (const item of choice.items) { group.append(optionNode(item)); }
      node.append(group);
    } else {
      node.append(optionNode(choice));
    }
  }
  node.value = initial || '';
  return node;
}

function optionNode(choice) {
  const node = el('option', null, choice.text);
  node.value = choice.value;
  return node;
}

function staticChoices(element) {
  if (element.option_groups) {
    return element.option_groups.map((g) => ({ group: plain(g.label), items: (g.options || []).map((o) => ({ value: o.value, text: optionText(o) })) }));
  }
  return (element.options || []).map((o) => ({ value: o.value, text: optionText(o) }));
}

function peopleChoices() {
  return page.state.people.map((p) => ({ value: p.id, text: p.realName + ' (@' + p.name + ')' }));
}

function conversationChoices(element) {
  const include = (element.filter && element.filter.include) || ['public', 'private', 'im', 'mpim'];
  const choices = page.state.conversations
    .filter((c) => include.includes(c.isPrivate ? 'private' : 'public'))
    .map((c) => ({ value: c.id, text: (c.isPrivate ? '🔒 ' : '# ') + c.name }));
  if (include.includes('im') && page.state.dm.id) { choices.push({ value: page.state.dm.id, text: 'AsyncLead (DM)' }); }
  return choices;
}

// Reads what an element holds now, for submission: text, a list, or null.
const readers = new WeakMap();

function element(item, block, ctx, inInput) {
  const dispatch = (value) => {
    // An input's element tells the app only when its block asks (dispatch_action), with the form as entered so far.
    if (inInput && !block.dispatch_action) { return; }
    const body = { as: page.as, actionId: item.action_id, value };
    if (ctx.viewId) { body.viewId = ctx.viewId; } else { body.channel = ctx.channel; body.ts = ctx.ts; }
    const box = inInput && $('modal-layer').querySelector('.modal');
    if (box && page.state.modal) { body.values = formValues(box, page.state.modal.view); }
    confirmThen(item.confirm, () => quietly(act('pick', body)));
  };
  let node;
  switch (item.type) {
    case 'button': {
      node = el('button', 'btn' + (item.style ? ' ' + item.style : ''), plain(item.text));
      node.type = 'button';
      node.dataset.actionId = item.action_id;
      node.addEventListener('click', () => {
        if (item.url) { window.open(item.url, '_blank', 'noopener'); }
        const body = { as: page.as, actionId: item.action_id };
        if (ctx.viewId) { body.viewId = ctx.viewId; } else { body.channel = ctx.channel; body.ts = ctx.ts; }
        confirmThen(item.confirm, () => quietly(act('click', body, node)));
      });
      return node;
    }
    case 'overflow': {
      node = select(item, staticChoices(item), '', '⋯');
      node.classList.add('overflow');
      node.addEventListener('change', () => { const v = node.value; node.value = ''; if (v) { dispatch(v); } });
      break;
    }
    case 'static_select':
    case 'external_select': {
      node = select(item, staticChoices(item), item.initial_option && item.initial_option.value, plain(item.placeholder));
      readers.set(node, () => node.value || null);
      node.addEventListener('change', () => dispatch(node.value || null));
      break;
    }
    case 'users_select': {
      node = select(item, peopleChoices(), item.initial_user, plain(item.placeholder) || 'Select a person');
      readers.set(node, () => node.value || null);
      node.addEventListener('change', () => dispatch(node.value || null));
      break;
    }
    case 'conversations_select':
    case 'channels_select': {
      node = select(item, conversationChoices(item), item.initial_conversation || item.initial_channel, plain(item.placeholder) || 'Select a channel');
      readers.set(node, () => node.value || null);
      node.addEventListener('change', () => dispatch(node.value || null));
      break;
    }
    case 'multi_users_select':
    case 'multi_static_select': {
      node = multiSelect(item, item.type === 'multi_users_select' ? peopleChoices() : staticChoices(item),
        item.type === 'multi_users_select' ? (item.initial_users || []) : (item.initial_options || []).map((o) => o.value), dispatch);
      break;
    }
    case 'datepicker': {
      node = el('input', 'date-input');
      node.type = 'date';
      node.value = item.initial_date || '';
      readers.set(node, () => node.value || null);
      node.addEventListener('change', () => dispatch(node.value || null));
      break;
    }
    case 'timepicker': {
      node = el('input', 'time-input');
      node.type = 'time';
      node.value = item.initial_time || '';
      readers.set(node, () => node.value || null);
      node.addEventListener('change', () => dispatch(node.value || null));
      break;
    }
    case 'datetimepicker': {
      node = el('input', 'datetime-input');
      node.type = 'datetime-local';
      if (item.initial_date_time) { node.value = localInput(item.initial_date_time); }
      readers.set(node, () => (node.value ? String(fromLocalInput(node.value)) : null));
      node.addEventListener('change', () => dispatch(node.value ? String(fromLocalInput(node.value)) : null));
      break;
    }
    case 'checkboxes':
    case 'radio_buttons': {
      node = choiceList(item, dispatch);
      break;
    }
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      node = el(item.multiline ? 'textarea' : 'input', 'text-input');
      if (!item.multiline) { node.type = item.type === 'number_input' ? 'number' : 'text'; } else { node.rows = 4; }
      node.value = item.initial_value || '';
      if (item.placeholder) { node.placeholder = plain(item.placeholder); }
      if (item.max_length) { node.maxLength = item.max_length; }
      readers.set(node, () => node.value);
      break;
    }
    default:
      return el('span', 'unknown', '[' + item.type + ']');
  }
  node.dataset.actionId = item.action_id;
  return node;
}

// Slack shows picked people as chips with ×, and a search box to add more; a select stands in for the search.
function multiSelect(item, choices, initial, dispatch) {
  const root = el('div', 'multi-select');
  const chips = el('span', 'chips');
  const flat = choices.flatMap((c) => (c.group ? c.items : [c]));
  const picked = initial.slice();
  const adder = el('select', 'select adder');
  const draw = () => {
    chips.replaceChildren();
    for (const value of picked) {
      const chip = el('span', 'chip', (flat.find((c) => c.value === value) || { text: value }).text);
      chip.dataset.value = value;
      const remove = el('button', 'chip-remove', '×');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Remove');
      remove.addEventListener('click', () => { picked.splice(picked.indexOf(value), 1); draw(); dispatch(picked.slice()); });
      chip.append(remove);
      chips.append(chip);
    }
    adder.replaceChildren();
    const prompt = el('option', null, plain(item.placeholder) || 'Add…');
    prompt.value = '';
    adder.append(prompt);
    for (const choice of flat.filter((c) => !picked.includes(c.value))) { adder.append(optionNode(choice)); }
    adder.value = '';
  };
  adder.addEventListener('change', () => {
    if (!adder.value) { return; }
    if (item.max_selected_items && picked.length >= item.max_selected_items) { notice('You can pick at most ' + item.max_selected_items + '.', true); draw(); return; }
    picked.push(adder.value);
    draw();
    dispatch(picked.slice());
  });
  draw();
  root.append(chips, adder);
  readers.set(root, () => picked.slice());
  root.restore = (values) => { picked.splice(0, picked.length, ...values); draw(); };
  return root;
}

let groupCounter = 0;

function choiceList(item, dispatch) {
  const root = el('div', 'choices ' + item.type);
  const many = item.type === 'checkboxes';
  const name = 'choice-' + (++groupCounter);
  const initial = many ? (item.initial_options || []).map((o) => o.value) : [item.initial_option && item.initial_option.value];
  for (const option of item.options || []) {
    const label = el('label', 'choice');
    const box = el('input');
    box.type = many ? 'checkbox' : 'radio';
    box.name = name;
    box.value = option.value;
    box.checked = initial.includes(option.value);
    box.addEventListener('change', () => dispatch(read()));
    const text = el('span', 'choice-text');
    text.append(textObject(option.text));
    if (option.description) { text.append(textObject(option.description, 'description')); }
    label.append(box, text);
    root.append(label);
  }
  const read = () => {
    const checked = [...root.querySelectorAll('input:checked')].map((b) => b.value);
    return many ? checked : (checked[0] || null);
  };
  readers.set(root, read);
  root.restore = (value) => {
    const values = Array.isArray(value) ? value : [value];
    for (const box of root.querySelectorAll('input')) { box.checked = values.includes(box.value); }
  };
  return root;
}

// datetime-local inputs show the acting person's wall time; Slack sends Unix seconds.
function zoneOffsetMinutes(date) {
  const p = parts(date, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return Math.round((wall - date.getTime()) / 60000);
}

function localInput(seconds) {
  const date = new Date(seconds * 1000);
  return new Date(date.getTime() + zoneOffsetMinutes(date) * 60000).toISOString().slice(0, 16);
}

function fromLocalInput(value) {
  const wall = Date.parse(value + ':00Z');
  const offset = zoneOffsetMinutes(new Date(wall));
  return Math.round((wall - offset * 60000) / 1000);
}

function readValue(node) {
  const control = readers.has(node) ? node : [...node.querySelectorAll('*')].find((n) => readers.has(n));
  return control ? readers.get(control)() : null;
}

function isEmpty(value) { return value === null || value === '' || (Array.isArray(value) && value.length === 0); }

// ---- Confirm dialogs ---------------------------------------------------------------------------------------

function confirmThen(confirm, then) {
  if (!confirm) { then(); return; }
  dialog(plain(confirm.title), confirm.text, plain(confirm.confirm) || 'Yes', plain(confirm.deny) || 'Cancel', confirm.style, then);
}

function dialog(title, text, yes, no, style, then) {
  const layer = $('dialog-layer');
  const box = el('div', 'dialog');
  box.setAttribute('role', 'alertdialog');
  box.append(el('h2', null, title), typeof text === 'string' ? el('p', null, text) : textObject(text));
  const buttons = el('div', 'dialog-buttons');
  const deny = el('button', 'btn', no);
  deny.type = 'button';
  const accept = el('button', 'btn ' + (style || 'primary'), yes);
  accept.type = 'button';
  accept.id = 'dialog-confirm';
  const close = () => { layer.hidden = true; layer.replaceChildren(); };
  deny.addEventListener('click', close);
  accept.addEventListener('click', () => { close(); then(); });
  buttons.append(deny, accept);
  box.append(buttons);
  layer.replaceChildren(box);
  layer.hidden = false;
  accept.focus();
}

// ---- Rendering ---------------------------------------------------------------------------------------------

function render() {
  const s = page.state;
  if (!s) { return; }
  if (!person(page.as)) { page.as = s.actingAs; }
  if (!page.at) { page.at = { kind: 'channel', id: s.teamChannel }; }
  if (page.at.kind === 'channel' && !s.conversations.some((c) => c.id === page.at.id)) { page.at = { kind: 'channel', id: (s.conversations[0] || {}).id }; }
  writeLocation();
  $('workspace-name').textContent = s.workspace.name;
  renderPeople();
  renderClock();
  renderBanners();
  renderSidebar();
  drawing = new Map();
  // Stay at the newest message when the list grows or the thread pane opening narrows it, as Slack does.
  const list = $('messages');
  const key = page.as + '|' + JSON.stringify(page.at);
  const stick = list.dataset.for !== key || list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  renderConversation();
  renderThread();
  if (stick) { list.scrollTop = list.scrollHeight; }
  list.dataset.for = key;
  drawn = drawing;
  renderModal();
}

function renderPeople() {
  const picker = $('act-as');
  const people = page.state.people;
  const same = picker.options.length === people.length && people.every((p, i) => picker.options[i].value === p.id);
  if (!same) {
    picker.replaceChildren(...people.map((p) => {
      const option = el('option');
      option.value = p.id;
      return option;
    }));
  }
  // The options stay the same elements; only their local times move on.
  people.forEach((p, i) => {
    picker.options[i].textContent = p.realName + (p.isLead ? ' (lead)' : '') + ' · ' + p.localTime + ' · ' + p.timeZone + ' (UTC' + p.utcOffset + ')';
  });
  picker.value = page.as;
}

function renderClock() {
  const me = person(page.as);
  const now = new Date(page.state.now);
  const p = parts(now, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
  $('clock').textContent = '🕘 ' + p.weekday + ' ' + p.day + ' ' + p.month + ', ' + p.hour + ':' + p.minute + ' · ' + me.realName.split(' ')[0] + '\u2019s time (' + me.timeZone + ')';
}

function renderBanners() {
  const root = $('banners');
  // Slack's refusals since the last dismissal, drawn again only when there is a new one, so a live update neither
  // flickers the banner nor takes the focus.
  const fresh = page.state.banners.filter((b) => b.at > page.dismissedAt);
  const key = JSON.stringify(fresh.map((b) => [b.at, b.method, b.error]));
  const shown = root.querySelector('.banner.limit');
  if (shown && shown.dataset.key === key) { return; }
  if (shown) { shown.remove(); }
  if (fresh.length === 0) { return; }
  const banner = el('div', 'banner limit error');
  banner.dataset.key = key;
  banner.setAttribute('role', 'alert');
  const latest = fresh[fresh.length - 1];
  banner.append(el('strong', null, 'Slack refused a ' + latest.method + ' call: ' + latest.error));
  const lines = el('ul');
  for (const item of fresh) {
    for (const message of item.messages.length ? item.messages : [item.method + ': ' + item.error]) { lines.append(el('li', null, message)); }
  }
  const dismiss = el('button', 'icon', '×');
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.addEventListener('click', () => { page.dismissedAt = latest.at; renderBanners(); });
  banner.append(lines, dismiss);
  root.prepend(banner);
}

function notice(text, isError) {
  const root = $('banners');
  root.querySelectorAll('.banner.notice').forEach((b) => b.remove());
  if (!text) { return; }
  const line = el('div', 'banner notice' + (isError ? ' error' : ''));
  line.id = 'notice';
  line.setAttribute('role', isError ? 'alert' : 'status');
  line.append(el('span', null, text));
  const dismiss = el('button', 'icon', '×');
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.addEventListener('click', () => line.remove());
  line.append(dismiss);
  root.append(line);
}

function renderSidebar() {
  const list = $('channel-list');
  const signature = JSON.stringify(page.state.conversations.map((c) => [c.id, c.name, c.isPrivate]));
  if (list.dataset.signature === signature) {
    for (const link of list.querySelectorAll('a')) { link.classList.toggle('active', page.at.kind === 'channel' && page.at.id === link.dataset.conversation); }
    $('nav-app').classList.toggle('active', page.at.kind === 'app');
    return;
  }
  list.dataset.signature = signature;
  list.replaceChildren(...page.state.conversations.map((c) => {
    const item = el('li');
    const link = el('a', 'nav-item');
    link.href = '#';
    link.dataset.conversation = c.id;
    link.append(el('span', 'sigil', c.isPrivate ? '🔒' : '#'), c.name);
    if (c.isPrivate) { link.title = 'Private channel'; }
    link.classList.toggle('active', page.at.kind === 'channel' && page.at.id === c.id);
    link.addEventListener('click', (e) => { e.preventDefault(); go({ kind: 'channel', id: c.id }); });
    item.append(link);
    return item;
  }));
  $('nav-app').classList.toggle('active', page.at.kind === 'app');
}

function currentConversation() {
  const s = page.state;
  if (page.at.kind === 'app') { return page.at.tab === 'messages' ? s.dm : null; }
  return s.conversations.find((c) => c.id === page.at.id) || null;
}

function renderConversation() {
  const s = page.state;
  const inApp = page.at.kind === 'app';
  const conversation = currentConversation();
  $('app-tabs').hidden = !inApp;
  $('tab-home').classList.toggle('active', inApp && page.at.tab === 'home');
  $('tab-messages').classList.toggle('active', inApp && page.at.tab === 'messages');
  $('conversation-title').replaceChildren();
  if (inApp) {
    $('conversation-title').append(el('span', 'app-icon', 'A'), 'AsyncLead', el('span', 'tag', 'APP'));
  } else if (conversation) {
    $('conversation-title').append(el('span', 'sigil', conversation.isPrivate ? '🔒' : '#'), conversation.name);
  }
  const showHome = inApp && page.at.tab === 'home';
  $('home').hidden = !showHome;
  $('messages').hidden = showHome;
  $('composer').hidden = showHome;
  if (showHome) {
    renderHome();
    return;
  }
  const channelId = conversation ? conversation.id : null;
  $('composer-input').placeholder = inApp ? 'Message AsyncLead, or a /command' : 'Message #' + (conversation ? conversation.name : '') + ', or a /command';
  const list = $('messages');
  const items = (conversation ? conversation.messages : []).map((m) => ({ m, ephemeral: false }))
    .concat(s.ephemerals.filter((e) => e.channel === channelId && (!e.threadTs || e.threadTs === e.ts)).map((m) => ({ m, ephemeral: true })))
    .sort((a, b) => Number(a.m.ts) - Number(b.m.ts));
  const nodes = [];
  let lastDay = null;
  for (const { m, ephemeral } of items) {
    const day = dayKey(tsDate(m.ts));
    if (day !== lastDay) { nodes.push(daySeparator(tsDate(m.ts))); lastDay = day; }
    nodes.push(messageNode(m, ephemeral, true));
  }
  if (items.length === 0) {
    // The seeded team channel is already set up; any other channel is not (yet).
    nodes.push(el('p', 'empty', inApp
      ? 'This is your direct message with AsyncLead. Try /weekly-update help.'
      : channelId === s.teamChannel
        ? 'AsyncLead runs the weekly updates here. Press "Next prompt" to open this week\'s thread, type /weekly-update to write yours, /decision to start a decision doc, or press "Fill with a sample week".'
        : 'Nothing here yet. Type /weekly-update to set up weekly updates in this channel, or /decision to start a decision doc.'));
  }
  list.replaceChildren(...nodes);
}

function tsDate(ts) { return new Date(Number(ts) * 1000); }

function timeText(date) {
  const p = parts(date, { hour: 'numeric', minute: '2-digit', hour12: true });
  return p.hour + ':' + p.minute + ' ' + p.dayPeriod;
}

function daySeparator(date) {
  const p = parts(date, { weekday: 'long', month: 'long', day: 'numeric' });
  const text = pretty(date, p.weekday + ', ' + p.month + ' ' + ordinal(p.day));
  return el('div', 'day', text.charAt(0).toUpperCase() + text.slice(1));
}

// Messages that did not change keep their DOM node across live updates, so focus, hover and selection stay put.
let drawn = new Map();
let drawing = new Map();

function messageNode(m, ephemeral, withReplies) {
  const key = [page.as, dayKey(new Date(page.state.now)), ephemeral, withReplies, JSON.stringify(m)].join('|');
  const kept = drawn.get(key) || drawing.get(key);
  const node = kept && !drawing.has(key) ? kept : drawMessage(m, ephemeral, withReplies);
  drawing.set(key, node);
  return node;
}

function drawMessage(m, ephemeral, withReplies) {
  const s = page.state;
  const node = el('article', 'message' + (ephemeral ? ' ephemeral' : ''));
  node.dataset.ts = m.ts;
  const user = s.users[m.user] || { name: m.user || 'unknown', realName: m.user || 'unknown', isBot: m.isBot };
  const avatar = el('div', 'avatar' + (user.isBot ? ' bot' : ''), (user.isBot ? 'A' : user.realName.charAt(0)).toUpperCase());
  if (m.user === 'USLACKBOT') { avatar.classList.add('slackbot'); avatar.textContent = 'S'; }
  const content = el('div', 'content');
  const meta = el('div', 'meta');
  meta.append(el('span', 'author', user.isBot ? user.realName : user.realName));
  if (user.isBot && m.user !== 'USLACKBOT') { meta.append(el('span', 'tag', 'APP')); }
  const time = el('time', 'time', timeText(tsDate(m.ts)));
  time.dateTime = tsDate(m.ts).toISOString();
  meta.append(time);
  content.append(meta);
  if (ephemeral) { content.append(el('div', 'only-you', '👁 Only visible to you')); }
  // An ephemeral message's buttons work as Slack's do: the sandbox finds it by channel and ts among what you alone see.
  const ctx = { where: 'message', channel: m.channel, ts: m.ts };
  if (m.blocks && m.blocks.length) { content.append(blocks(m.blocks, ctx)); } else { content.append(mrkdwn(m.text, 'body')); }
  if (m.edited) { content.append(el('span', 'edited', '(edited)')); }
  if (withReplies && m.replies && m.replies.length) {
    const link = el('button', 'replies-link', m.replies.length + (m.replies.length === 1 ? ' reply' : ' replies'));
    link.type = 'button';
    const last = m.replies[m.replies.length - 1];
    const faces = el('span', 'reply-faces');
    for (const id of [...new Set(m.replies.map((r) => r.user))].slice(0, 4)) {
      const u = s.users[id] || { realName: '?', isBot: false };
      faces.append(el('span', 'avatar tiny' + (u.isBot ? ' bot' : ''), (u.isBot ? 'A' : u.realName.charAt(0)).toUpperCase()));
    }
    const when = el('span', 'last-reply', 'Last reply ' + timeText(tsDate(last.ts)));
    link.addEventListener('click', () => { page.thread = m.ts; writeLocation(); render(); });
    const row = el('div', 'thread-summary');
    row.append(faces, link, when);
    content.append(row);
  } else if (withReplies && !ephemeral) {
    const start = el('button', 'reply-action', 'Reply in thread');
    start.type = 'button';
    start.addEventListener('click', () => { page.thread = m.ts; writeLocation(); render(); });
    content.append(start);
  }
  node.append(avatar, content);
  return node;
}

function renderThread() {
  const pane = $('thread');
  const conversation = currentConversation();
  const parent = conversation && page.thread ? conversation.messages.find((m) => m.ts === page.thread) : null;
  if (!parent || (page.at.kind === 'app' && page.at.tab === 'home')) {
    pane.hidden = true;
    document.body.classList.remove('with-thread');
    return;
  }
  pane.hidden = false;
  document.body.classList.add('with-thread');
  $('thread-channel').textContent = page.at.kind === 'app' ? 'AsyncLead' : (conversation.isPrivate ? '🔒 ' : '#') + conversation.name;
  const list = $('thread-messages');
  const replies = parent.replies.map((m) => ({ m, ephemeral: false }))
    .concat(page.state.ephemerals.filter((e) => e.channel === conversation.id && e.threadTs === parent.ts && e.ts !== parent.ts).map((m) => ({ m, ephemeral: true })))
    .sort((a, b) => Number(a.m.ts) - Number(b.m.ts));
  const count = el('div', 'reply-count', replies.filter((r) => !r.ephemeral).length + (parent.replies.length === 1 ? ' reply' : ' replies'));
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.replaceChildren(messageNode(parent, false, false), count, ...replies.map(({ m, ephemeral }) => messageNode(m, ephemeral, false)));
  if (atBottom || list.dataset.for !== parent.ts + page.as) { list.scrollTop = list.scrollHeight; }
  list.dataset.for = parent.ts + page.as;
}

function renderHome() {
  const root = $('home');
  const home = page.state.home;
  if (page.homeOpenedFor !== page.as) { openHome(); }
  if (!home) {
    root.replaceChildren(el('p', 'empty', 'Opening AsyncLead\'s Home…'));
    root.dataset.key = '';
    return;
  }
  const key = page.as + '|' + home.id + '|' + home.hash + '|' + dayKey(new Date(page.state.now));
  if (root.dataset.key === key) { return; }
  root.replaceChildren(blocks(home.blocks, { where: 'home', viewId: home.id }));
  root.dataset.viewId = home.id;
  root.dataset.key = key;
}

// The modal on top of the person's stack, drawn again only when the app changed it, so typing survives live updates.
function renderModal() {
  const layer = $('modal-layer');
  const modal = page.state.modal;
  if (!modal) {
    layer.hidden = true;
    layer.replaceChildren();
    page.modalKey = null;
    page.typed = {};
    return;
  }
  const view = modal.view;
  const key = view.id + '/' + view.hash + '/' + JSON.stringify(page.modalErrors[view.id] || {});
  if (key === page.modalKey) { return; }
  const shown = layer.querySelector('.modal');
  if (shown) { page.typed[shown.dataset.viewId] = modalValues(shown); }
  const sameView = shown && shown.dataset.viewId === view.id;
  page.modalKey = key;
  const box = el('form', 'modal');
  box.noValidate = true;
  box.dataset.viewId = view.id;
  box.dataset.callbackId = view.callback_id;
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-modal', 'true');
  const head = el('div', 'modal-head');
  if (modal.depth > 1) {
    const back = el('button', 'icon back', '‹');
    back.type = 'button';
    back.setAttribute('aria-label', 'Back');
    back.addEventListener('click', () => closeModal(view));
    head.append(back);
  }
  head.append(el('span', 'app-icon', 'A'), el('h2', 'modal-title', plain(view.title)));
  const x = el('button', 'icon', '×');
  x.type = 'button';
  x.id = 'modal-x';
  x.setAttribute('aria-label', 'Close');
  x.addEventListener('click', () => closeModal(view));
  head.append(x);
  const body = el('div', 'modal-body');
  body.append(blocks(view.blocks, { where: 'modal', viewId: view.id, errors: page.modalErrors[view.id] }));
  const foot = el('div', 'modal-foot');
  const close = el('button', 'btn', plain(view.close) || 'Cancel');
  close.type = 'button';
  close.id = 'modal-close';
  close.addEventListener('click', () => closeModal(view));
  foot.append(close);
  if (view.submit) {
    const submit = el('button', 'btn primary', plain(view.submit));
    submit.type = 'submit';
    submit.id = 'modal-submit';
    foot.append(submit);
  }
  box.addEventListener('submit', (e) => { e.preventDefault(); submitModal(box, view); });
  box.append(head, body, foot);
  layer.replaceChildren(box);
  layer.hidden = false;
  for (const block of box.querySelectorAll('.input-block')) { block.dataset.initial = JSON.stringify(readValue(block)); }
  // What the person typed stays, as in Slack: through views.update (inputs whose block_id and action_id stayed the
  // same) and under a pushed view, until they come back to it.
  if (page.typed[view.id]) { restoreValues(box, page.typed[view.id]); }
  if (!sameView) {
    const first = box.querySelector('.input-block input, .input-block textarea, .input-block select');
    if (first) { first.focus(); }
  }
}

// What the person changed: an input they left alone shows what the app sends next (a views.update may move its initial value).
function modalValues(box) {
  const values = {};
  for (const block of box.querySelectorAll('.input-block')) {
    const field = block.querySelector('[data-action-id]');
    const value = readValue(block);
    if (JSON.stringify(value) === block.dataset.initial) { continue; }
    values[block.dataset.blockId] = { actionId: field && field.dataset.actionId, value };
  }
  return values;
}

function restoreValues(box, kept) {
  for (const block of box.querySelectorAll('.input-block')) {
    const was = kept[block.dataset.blockId];
    const field = block.querySelector('[data-action-id]');
    if (!was || !field || field.dataset.actionId !== was.actionId) { continue; }
    if (field.restore) { field.restore(was.value); } else if (was.value !== null) { field.value = was.value; }
  }
}

function formValues(box, view) {
  const values = {};
  for (const block of view.blocks.filter((b) => b.type === 'input')) {
    values[block.block_id] = readValue(box.querySelector('.input-block[data-block-id="' + CSS.escape(block.block_id) + '"]'));
  }
  return values;
}

async function submitModal(box, view) {
  const values = formValues(box, view);
  const errors = {};
  for (const block of view.blocks.filter((b) => b.type === 'input')) {
    const value = values[block.block_id];
    // Slack's client refuses these itself; the app never hears of them.
    if (!block.optional && isEmpty(value)) { errors[block.block_id] = 'Please complete this required field.'; }
    const min = block.element.min_length;
    if (min && typeof value === 'string' && value.length > 0 && value.length < min) { errors[block.block_id] = 'Please enter at least ' + min + ' characters.'; }
  }
  if (Object.keys(errors).length) {
    page.modalErrors[view.id] = errors;
    renderModal();
    return;
  }
  delete page.modalErrors[view.id];
  const submit = box.querySelector('#modal-submit');
  try {
    await act('submit', { as: page.as, viewId: view.id, values }, submit);
  } catch (error) {
    if (error.errors) {
      page.modalErrors[view.id] = error.errors;
      notice('', false);
      renderModal();
    }
  }
}

function closeModal(view) {
  delete page.modalErrors[view.id];
  quietly(act('close', { as: page.as, viewId: view.id }));
}

// ---- The composers and controls ----------------------------------------------------------------------------

const COMMANDS = [
  { name: '/weekly-update', hint: '[setup | status | help | your update]', about: 'Write this week\'s update, or set up the team\'s weekly updates' },
  { name: '/decision', hint: '[new | list | show DEC-1 | help]', about: 'Write a decision doc and ask people to review it' },
];

function send(input, thread) {
  const text = input.value.trim();
  if (!text) { return; }
  const conversation = page.at.kind === 'app' ? 'dm' : page.at.id;
  input.value = '';
  $('command-hints').hidden = true;
  quietly(act('command', { as: page.as, channel: conversation, text, thread }).catch((error) => {
    // What Slack would not send stays in the box so it can be fixed, as Slack does.
    if (error.status !== 400 || !text.startsWith('/')) { input.value = text; }
    throw error;
  }));
}

function hints() {
  const input = $('composer-input');
  const list = $('command-hints');
  const word = input.value.split(/\s/)[0];
  const matches = input.value.startsWith('/') && !/\s/.test(input.value) ? COMMANDS.filter((c) => c.name.startsWith(word)) : [];
  list.hidden = matches.length === 0;
  list.replaceChildren(...matches.map((c) => {
    const item = el('li');
    const pick = el('button', 'hint', null);
    pick.type = 'button';
    pick.append(el('b', null, c.name), ' ', el('span', 'args', c.hint), el('div', 'about', c.about));
    pick.addEventListener('click', () => { input.value = c.name + ' '; list.hidden = true; input.focus(); });
    item.append(pick);
    return item;
  }));
}

function wireComposer(form, input, thread) {
  form.addEventListener('submit', (e) => { e.preventDefault(); send(input, thread()); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(input, thread()); }
  });
}

function wire() {
  wireComposer($('composer'), $('composer-input'), () => null);
  wireComposer($('thread-composer'), $('thread-input'), () => page.thread);
  $('composer-input').addEventListener('input', hints);
  $('thread-close').addEventListener('click', () => { page.thread = null; writeLocation(); render(); });
  $('nav-app').addEventListener('click', (e) => { e.preventDefault(); go({ kind: 'app', tab: 'home' }); });
  $('tab-home').addEventListener('click', () => go({ kind: 'app', tab: 'home' }));
  $('tab-messages').addEventListener('click', () => go({ kind: 'app', tab: 'messages' }));
  $('act-as').addEventListener('change', () => {
    page.as = $('act-as').value;
    page.modalKey = null;
    page.homeOpenedFor = null;
    writeLocation();
    quietly(refresh().then(() => { if (page.at.kind === 'app' && page.at.tab === 'home') { openHome(); } }));
  });
  for (const button of document.querySelectorAll('#time-travel button[data-step]')) {
    button.addEventListener('click', () => quietly(act('advance', { step: button.dataset.step }, button)));
  }
  $('sample-week').addEventListener('click', () => quietly(act('sample-week', {}, $('sample-week'))));
  $('reset').addEventListener('click', () => dialog('Reset the sandbox?', 'Everyone\'s updates, decisions and messages go, and the clock goes back to now.',
    'Reset', 'Cancel', 'danger', () => {
      page.thread = null;
      page.dismissedAt = 0;
      page.homeOpenedFor = null;
      quietly(act('reset', {}, $('reset')));
    }));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && page.state && page.state.modal && $('dialog-layer').hidden) { closeModal(page.state.modal.view); }
  });
}

readLocation();
wire();
window.addEventListener('hashchange', () => {
  const before = page.as;
  readLocation();
  if (page.as !== before) { page.modalKey = null; page.homeOpenedFor = null; }
  quietly(refresh());
});
quietly(refresh().then(listen));
