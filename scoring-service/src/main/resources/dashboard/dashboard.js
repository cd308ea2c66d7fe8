// Rectify operators' dashboard. Plain script, no library: the stream /dashboard/stream sends a
// `snapshot` first (also after every reconnection), then `index`, `notification` and `overdue` events.
// Everything shown comes from Kafka through the server; text is set with textContent only.
(function () {
  'use strict';

  const INDICATORS = {
    COVERAGE: ['检查覆盖率', 'Inspection coverage', 'I / E'],
    RECTIFICATION_RATE: ['隐患整改率', 'Rectification rate', 'S / D'],
    ON_TIME_RATE: ['按期整改率', 'On-time rate', 'T / S'],
    MAJOR_CLOSURE_RATE: ['重大隐患销号率', 'Major-hazard closure', 'MS / M'],
    REPEAT_FREE_RATE: ['无反复率', 'Repeat-free rate', '1 − R / H']
  };
  const DEDUCTIONS = {
    OVERDUE_MAJOR: ['重大隐患逾期', 'Major hazard overdue now'],
    LONG_OVERDUE_GENERAL: ['一般隐患超期30天以上', 'General hazard > 30 days overdue']
  };
  const TYPES = {
    EscalationRaised: ['升级督办', 'Escalation'],
    ReminderSent: ['提醒', 'Reminder'],
    NotificationFailed: ['发送失败', 'Failed'],
    ChaseClosed: ['督办关闭', 'Closed'],
    NotificationAcknowledged: ['已确认', 'Acknowledged']
  };
  const LEVELS = { ENTERPRISE: '企业 Enterprise', COUNTY: '县级 County', CITY: '市级 City', PROVINCE: '省级 Province' };
  const STEPS = {
    DUE_SOON: '临期提醒 due soon', OVERDUE: '逾期提醒 overdue', OVERDUE_REPEAT: '逾期再提醒 repeat',
    ESCALATE_CITY: '升级至市级 to city', ESCALATE_PROVINCE: '升级至省级 to province'
  };
  const STATUSES = { OPEN: '待整改 Open', RECTIFYING: '整改中 Rectifying' };
  const REASONS = { NO_CONTACT: '无联系人 no contact', DELIVERY_FAILED: '投递失败 delivery failed', SIGNED_OFF: '已销号 signed off' };
  const NOTIFICATIONS_KEPT = 50;

  const state = {
    counties: new Map(),   // code -> DashboardCounty
    deltas: new Map(),     // code -> change of the index at its last update
    overdue: { items: [], total: 0 },
    notifications: [],
    selected: decodeURIComponent((location.hash.match(/county=([^&]+)/) || [])[1] || '') || null,
    updatedAt: null
  };
  const rows = new Map();  // code -> <li> of the ranking, reused so bars animate

  const $ = (id) => document.getElementById(id);

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // ---- formatting (times in the agencies' calendar: Beijing time)
  const timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  const num = (v) => (v === null || v === undefined ? null : Number(v));
  const fixed = (v, d) => (v === null || v === undefined ? '—' : Number(v).toFixed(d));
  const pct = (v, d) => (v === null || v === undefined ? '—' : (Number(v) * 100).toFixed(d) + '%');
  const shortId = (id) => (id ? String(id).slice(0, 8) : '—');

  function since(iso) {
    const ms = Date.now() - Date.parse(iso);
    if (!(ms > 0)) return '—';
    const hours = ms / 3600000;
    if (hours < 1) return Math.max(1, Math.round(ms / 60000)) + ' 分钟 min';
    if (hours < 48) return hours.toFixed(hours < 10 ? 1 : 0) + ' 小时 h';
    return Math.floor(hours / 24) + ' 天 d';
  }

  function colour(index) {
    if (index === null) return '#5d6d8c';
    if (index >= 90) return getVar('--s90');
    if (index >= 75) return getVar('--s75');
    if (index >= 60) return getVar('--s60');
    return getVar('--s0');
  }
  const cssVars = {};
  function getVar(name) {
    if (!(name in cssVars)) cssVars[name] = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return cssVars[name];
  }

  function countyName(code) {
    const c = state.counties.get(code);
    return c && c.countyName ? c.countyName : code;
  }

  // ---- ranking
  function ranked() {
    const list = [...state.counties.values()];
    list.sort((a, b) => {
      const ai = num(a.index), bi = num(b.index);
      if (ai === null && bi !== null) return 1;
      if (bi === null && ai !== null) return -1;
      if (ai !== bi) return bi - ai;
      return a.countyCode < b.countyCode ? -1 : 1;
    });
    let rank = 0, previous;
    list.forEach((c, i) => {
      const index = num(c.index);
      if (index === null) rank = null;
      else if (index !== previous) rank = i + 1;
      previous = index;
      c.rank = rank;
    });
    return list;
  }

  function rowFor(code) {
    let row = rows.get(code);
    if (!row) {
      row = el('li', 'row');
      row.dataset.county = code;
      row.tabIndex = 0;
      row.append(el('span', 'rank'), el('span', 'name', el('b'), el('small')),
        el('span', 'bar', el('i'), el('span', 'mark90')), el('span', 'value', el('b'), el('span', 'delta')));
      row.addEventListener('click', () => select(code));
      row.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(code); });
      rows.set(code, row);
    }
    return row;
  }

  function renderRanking() {
    const list = ranked();
    const container = $('ranking');
    for (const [code, row] of rows) {
      if (!state.counties.has(code)) { row.remove(); rows.delete(code); }
    }
    for (const c of list) {
      const row = rowFor(c.countyCode);
      const index = num(c.index);
      const [rank, name, bar, value] = row.children;
      rank.textContent = c.rank === null ? '–' : c.rank;
      rank.className = 'rank' + (c.rank !== null && c.rank <= 3 ? ' r' + c.rank : ''); // ties share a medal
      name.firstChild.textContent = c.countyName || c.countyCode;
      if (c.demonstrationEligible) name.firstChild.append(el('span', 'tag-demo', '示范 Demo'));
      name.lastChild.textContent = c.countyCode + (c.city ? ' · ' + c.city : '');
      const fill = bar.firstChild;
      fill.style.width = (index === null ? 0 : Math.max(0.5, Math.min(100, index))) + '%';
      fill.style.backgroundColor = colour(index);
      value.firstChild.textContent = index === null ? '无数据' : index.toFixed(1);
      value.firstChild.className = index === null ? 'nodata' : '';
      const delta = state.deltas.get(c.countyCode);
      const d = value.lastChild;
      d.textContent = delta ? (delta > 0 ? '▲ +' : '▼ ') + delta.toFixed(1) : '';
      d.className = 'delta' + (delta > 0 ? ' up' : delta < 0 ? ' down' : '');
      row.classList.toggle('selected', c.countyCode === state.selected);
      row.dataset.computedAt = c.computedAt || '';  // lets a driver (deploy/local/dashboard-screenshot) see an update land
      container.append(row); // moves an existing row into its new place
    }
    $('ranking-empty').hidden = list.length > 0;
    renderKpis(list);
  }

  function renderKpis(list) {
    const indexed = list.filter((c) => num(c.index) !== null);
    $('kpi-counties').textContent = list.length;
    $('kpi-average').textContent = indexed.length ? (indexed.reduce((s, c) => s + num(c.index), 0) / indexed.length).toFixed(1) : '—';
    $('kpi-eligible').textContent = list.filter((c) => c.demonstrationEligible).length;
    $('kpi-overdue').textContent = state.overdue.total;
    $('kpi-escalations').textContent = state.notifications.filter((n) => n.type === 'EscalationRaised').length;
    const periods = [...new Set(list.map((c) => c.period))].sort();
    $('period').textContent = (periods.length ? periods.join(', ') : '—') + ' 年度 Period';
  }

  function flashRow(code) {
    const row = rows.get(code);
    if (!row) return;
    row.classList.add('flash');
    setTimeout(() => row.classList.remove('flash'), 1500);
  }

  // ---- selected county's breakdown
  function select(code) {
    state.selected = code;
    history.replaceState(null, '', '#county=' + encodeURIComponent(code));
    for (const [c, row] of rows) row.classList.toggle('selected', c === code);
    renderDetail();
  }

  function renderDetail() {
    const body = $('detail-body');
    let c = state.selected && state.counties.get(state.selected);
    if (!c) {
      const first = ranked()[0];
      c = first || null;
      if (c) state.selected = c.countyCode;
    }
    body.replaceChildren();
    if (!c) {
      body.append(el('p', 'empty', '选择一个县 — select a county'));
      $('detail-meta').textContent = '';
      return;
    }
    for (const [code, row] of rows) row.classList.toggle('selected', code === c.countyCode);
    const doc = c.document || {};
    const index = num(c.index);
    const indicators = doc.indicators || [];
    const deductions = doc.deductions || [];
    const deducted = deductions.reduce((s, d) => s + Number(d.points || 0), 0);
    const overdueMajor = deductions.find((d) => d.code === 'OVERDUE_MAJOR');
    const coverage = indicators.find((i) => i.code === 'COVERAGE');

    const big = el('div', 'big', el('b', null, index === null ? '—' : index.toFixed(1)), el('span', null, '综合指数 Index'));
    big.style.borderColor = colour(index);

    const checks = el('div', 'checks',
      check(index !== null && index >= 90, '指数 ≥ 90 index'),
      check(!overdueMajor || Number(overdueMajor.count) === 0, '无逾期重大隐患 no major overdue'),
      check(!!coverage && coverage.applicable && Number(coverage.score) >= 90, '覆盖率 ≥ 90 coverage'));
    const verdict = el('span', 'verdict ' + (c.demonstrationEligible ? 'yes' : 'no'),
      c.demonstrationEligible ? '✓ 具备示范县资格 Demonstration-eligible' : '✗ 暂不具备示范县资格 Not eligible');

    body.append(el('div', 'summary', big, el('div', null,
      el('p', 'county-title', c.countyName || c.countyCode, el('small', null, c.countyCode + (c.city ? ' · ' + c.city : ''))),
      el('p', 'formula', '基础分 base ', el('b', null, fixed(doc.base, 2)), ' − 扣分 deductions ', el('b', null, deducted.toFixed(1)),
        ' = 指数 index ', el('b', null, index === null ? (c.reason || '—') : index.toFixed(1))),
      el('div', 'verdict-line', verdict), checks)));

    const table = el('table', 'grid');
    table.append(el('thead', null, el('tr', null,
      th('指标', 'Indicator'), th('分子/分母', 'Num / Den', true), th('比率', 'Rate', true), th('得分', 'Score', true),
      th('权重', 'Weight', true), th('有效权重', 'Eff. weight', true), th('贡献', 'Contribution', true))));
    const tbody = el('tbody');
    for (const i of indicators) {
      const [zh, en, formula] = INDICATORS[i.code] || [i.code, '', ''];
      const tr = el('tr', i.applicable ? null : 'na',
        el('td', null, zh + ' ', el('em', null, en), el('small', null, i.code + ' · ' + formula)),
        td(i.numerator + ' / ' + i.denominator),
        td(i.applicable ? pct(i.rate, 1) : '不适用 N/A'),
        td(i.applicable ? fixed(i.score, 1) : '—', i.applicable ? meter(i.score) : null),
        td(fixed(i.weight, 0)),
        td(i.applicable ? pct(i.effectiveWeight, 1) : '—'),
        td(i.applicable ? fixed(i.contribution, 2) : '—'));
      tbody.append(tr);
    }
    tbody.append(el('tr', 'total', el('td', null, '基础分 ', el('em', null, 'Base')), td(''), td(''), td(''), td(''), td(''), td(fixed(doc.base, 2))));
    table.append(tbody);
    body.append(table);

    body.append(el('p', 'section-label', '扣分项 ', el('em', null, 'Deductions')));
    const dt = el('table', 'grid');
    dt.append(el('thead', null, el('tr', null, th('扣分项', 'Deduction'), th('数量', 'Count', true), th('每项', 'Each', true),
      th('上限', 'Cap', true), th('扣分', 'Points', true))));
    const dbody = el('tbody');
    for (const d of deductions) {
      const [zh, en] = DEDUCTIONS[d.code] || [d.code, ''];
      dbody.append(el('tr', Number(d.count) === 0 ? 'na' : null,
        el('td', null, zh + ' ', el('em', null, en), el('small', null, d.code)),
        td(d.count), td(fixed(d.pointsEach, 1)), td(fixed(d.cap, 0)),
        td(Number(d.points) > 0 ? '−' + fixed(d.points, 1) : '0', null, Number(d.points) > 0 ? 'pts' : null)));
    }
    if (!deductions.length) dbody.append(el('tr', 'na', el('td', null, '无 none'), td(''), td(''), td(''), td('0')));
    dt.append(dbody);
    body.append(dt);

    // the second yardstick: the expert team's scoring sheet (重点工作落实情况评分细则), item by item
    const sheet = doc.sheet;
    body.append(el('p', 'section-label', '重点工作评分细则 ', el('em', null, 'Scoring sheet'),
      sheet ? ' ' + fixed(sheet.score, 1) + ' / 100 (' + fixed(sheet.earned, 2) + ' / ' + fixed(sheet.total, 0) + ', ' + sheet.sheetVersion + ')' : ' —'));
    if (sheet) {
      const st = el('table', 'grid');
      st.append(el('thead', null, el('tr', null, th('评分项', 'Item'), th('评定', 'Mark', true), th('分值', 'Points', true),
        th('得分', 'Earned', true))));
      const sbody = el('tbody');
      for (const i of sheet.items || []) {
        const mark = i.judgedBy === 'COUNT' ? (i.count === undefined ? '—' : i.count + ' / ' + i.target) : (i.level || '—');
        sbody.append(el('tr', Number(i.earned) === 0 ? 'na' : null,
          el('td', null, i.textZh || i.itemId, el('small', null, i.itemId + ' · ' + i.keyTask)),
          td(mark), td(fixed(i.points, 0)), td(fixed(i.earned, 2))));
      }
      st.append(sbody);
      body.append(st);
    }

    $('detail-meta').textContent = '评分规则 rubric ' + (c.rubricVersion || '—') + ' · 计算于 computed ' +
      (c.computedAt ? dateTimeFmt.format(new Date(c.computedAt)) : '—');
    body.append(downloads(c.countyCode));
  }

  // ---- the selected county's printed report (this service, no token) and hazard register (hazard-service, token)
  let links = { countyReport: 'counties/{code}/report.pdf', hazardExport: null };
  fetch('/dashboard/links').then((r) => (r.ok ? r.json() : null)).then((l) => { if (l) { links = l; renderDetail(); } }).catch(() => {});

  function downloads(code) {
    const p = el('p', 'downloads');
    const report = el('a', null, '县域报告 PDF County report');
    report.href = '/dashboard/' + links.countyReport.replace('{code}', encodeURIComponent(code));
    report.target = '_blank';
    p.append(report);
    if (links.hazardExport) {
      for (const format of ['xlsx', 'csv']) {
        const a = el('a', null, '隐患台账 ' + format.toUpperCase() + ' Hazard register');
        a.href = links.hazardExport + '?format=' + format + '&county=' + encodeURIComponent(code);
        a.title = 'hazard-service; needs a bearer token 需要令牌';
        p.append(' · ', a);
      }
    }
    return p;
  }

  function check(pass, label) {
    return el('span', 'check ' + (pass ? 'pass' : 'fail'), (pass ? '✓ ' : '✗ ') + label);
  }
  function th(zh, en, numeric) {
    return el('th', numeric ? 'num' : null, zh, el('em', null, en));
  }
  function td(text, extra, className) {
    return el('td', 'num' + (className ? ' ' + className : ''), text, extra || null);
  }
  function meter(score) {
    const m = el('span', 'meter', el('i'));
    m.firstChild.style.width = Math.max(0, Math.min(100, Number(score))) + '%';
    return m;
  }

  // ---- overdue major hazards
  function renderOverdue(freshIds) {
    const tbody = $('overdue');
    tbody.replaceChildren();
    for (const h of state.overdue.items) {
      const tr = el('tr', freshIds && freshIds.has(h.hazardId) ? 'fresh' : null,
        el('td', 'mono', shortId(h.hazardId), h.enterpriseCreditCode ? el('small', null, h.enterpriseCreditCode) : null),
        el('td', null, countyName(h.countyCode), el('small', null, h.countyCode)),
        el('td', null, el('span', 'status-tag', STATUSES[h.status] || h.status)),
        el('td', null, h.dueAt ? dateTimeFmt.format(new Date(h.dueAt)) : '—'),
        el('td', 'num overdue-days', h.dueAt ? since(h.dueAt) : '—'),
        el('td', null, h.escalationLevel ? el('span', 'level ' + h.escalationLevel, LEVELS[h.escalationLevel] || h.escalationLevel) : '—'));
      tbody.append(tr);
    }
    const shown = state.overdue.items.length;
    $('overdue-empty').hidden = shown > 0;
    $('overdue-meta').textContent = shown < state.overdue.total ? '显示 ' + shown + ' / 共 ' + state.overdue.total + ' shown of total' :
      '共 ' + state.overdue.total + ' total · 按逾期时长 most overdue first';
    $('kpi-overdue').textContent = state.overdue.total;
  }

  // ---- reminders and escalations
  function renderFeed(freshId) {
    const list = $('feed');
    list.replaceChildren();
    for (const n of state.notifications) {
      const [zh, en] = TYPES[n.type] || [n.type, ''];
      const detail = [
        n.step ? STEPS[n.step] || n.step : null,
        n.level && n.type !== 'EscalationRaised' ? '→ ' + (LEVELS[n.level] || n.level) : null, // an escalation's step names its level
        n.reason ? REASONS[n.reason] || n.reason : null,
        n.channel && n.channel !== 'NONE' ? n.channel.toLowerCase() : null
      ].filter(Boolean).join(' · ');
      const item = el('li', 'event' + (n.eventId === freshId ? ' flash' : ''),
        el('time', null, n.occurredAt ? dateTimeFmt.format(new Date(n.occurredAt)) : '—'),
        el('span', 'badge ' + n.type, zh),
        el('span', 'what', el('b', null, countyName(n.countyCode)), ' ', el('em', null, en + ' · 隐患 hazard ' + shortId(n.hazardId)),
          el('small', null, detail + (n.grade ? ' · ' + (n.grade === 'MAJOR' ? '重大 major' : '一般 general') : ''))));
      list.append(item);
      if (n.eventId === freshId) setTimeout(() => item.classList.remove('flash'), 2000);
    }
    $('feed-empty').hidden = state.notifications.length > 0;
    $('kpi-escalations').textContent = state.notifications.filter((n) => n.type === 'EscalationRaised').length;
  }

  function byNewest(a, b) {
    return (Date.parse(b.occurredAt) || 0) - (Date.parse(a.occurredAt) || 0);
  }

  // ---- the stream
  function touched() {
    state.updatedAt = new Date();
    $('updated').textContent = timeFmt.format(state.updatedAt);
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  }

  function setConnection(s, text) {
    $('conn').dataset.state = s;
    $('conn-text').textContent = text;
  }

  function onSnapshot(snapshot) {
    const before = new Map(state.counties);
    state.counties = new Map(snapshot.counties.map((c) => [c.countyCode, c]));
    for (const [code, c] of state.counties) {
      const old = before.get(code);
      if (old && num(old.index) !== null && num(c.index) !== null && num(old.index) !== num(c.index)) {
        state.deltas.set(code, num(c.index) - num(old.index));
      }
    }
    state.overdue = snapshot.overdueMajor || { items: [], total: 0 };
    state.notifications = (snapshot.notifications || []).slice().sort(byNewest);
    renderRanking();
    renderDetail();
    renderOverdue();
    renderFeed();
    touched();
  }

  function onIndex(county) {
    const old = state.counties.get(county.countyCode);
    if (old && num(old.index) !== null && num(county.index) !== null && num(old.index) !== num(county.index)) {
      state.deltas.set(county.countyCode, num(county.index) - num(old.index));
    }
    state.counties.set(county.countyCode, county);
    renderRanking();
    if (!state.selected || state.selected === county.countyCode) renderDetail();
    flashRow(county.countyCode);
    touched();
  }

  function onNotification(n) {
    if (state.notifications.some((m) => m.eventId === n.eventId)) return;
    state.notifications.push(n);
    state.notifications.sort(byNewest);
    state.notifications = state.notifications.slice(0, NOTIFICATIONS_KEPT);
    renderFeed(n.eventId);
    touched();
  }

  function onOverdue(overdue) {
    const known = new Set(state.overdue.items.map((h) => h.hazardId));
    state.overdue = overdue;
    renderOverdue(new Set(overdue.items.map((h) => h.hazardId).filter((id) => !known.has(id))));
    renderKpis(ranked());
    touched();
  }

  function connect() {
    const source = new EventSource('/dashboard/stream');
    const handle = (fn) => (e) => {
      try { fn(JSON.parse(e.data)); } catch (err) { console.error('dashboard event not shown', err); }
    };
    source.addEventListener('open', () => setConnection('live', '实时 Live'));
    source.addEventListener('error', () => setConnection(source.readyState === EventSource.CLOSED ? 'down' : 'connecting',
      source.readyState === EventSource.CLOSED ? '已断开 Disconnected' : '重连中 Reconnecting'));
    source.addEventListener('snapshot', handle(onSnapshot));
    source.addEventListener('index', handle(onIndex));
    source.addEventListener('notification', handle(onNotification));
    source.addEventListener('overdue', handle(onOverdue));
    // a closed stream (e.g. 503) is not retried by the browser: try again in a while
    const retry = setInterval(() => {
      if (source.readyState === EventSource.CLOSED) { clearInterval(retry); source.close(); connect(); }
    }, 15000);
  }

  // overdue durations grow with time alone
  setInterval(() => renderOverdue(), 60000);

  document.addEventListener('DOMContentLoaded', connect);
})();
