// The next-event widget: plain JavaScript and the npm @microsoft/signalr client.
// It refetches on every calendarChanged, and never misses one: each message carries a per-user seq,
// and after a reconnect or a gap it asks /api/calendar/changes?since= (or simply refetches).
(() => {
    const content = document.getElementById('content');
    const status = document.getElementById('status');
    let lastSeq = null;
    let nextEvent = null;
    window.widgetState = { refetches: 0, messages: 0, lastSeq: null };

    const escape = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

    function setStatus(state, text) {
        status.dataset.state = state;
        status.textContent = text;
    }

    function relative(start, end) {
        const now = Date.now();
        if (start <= now && end > now) return 'now';
        const minutes = Math.round((start - now) / 60000);
        if (minutes < 1) return 'in less than a minute';
        if (minutes < 60) return `in ${minutes} min`;
        if (minutes < 24 * 60) return `in ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
        return `in ${Math.round(minutes / 1440)} days`;
    }

    function render() {
        if (!nextEvent) {
            content.innerHTML = '<div class="when" data-testid="widget-empty">Nothing coming up this week.</div>';
            return;
        }
        const start = new Date(nextEvent.start), end = new Date(nextEvent.end);
        // The server writes the time as every page does (the user's culture, clock and zone); the rest is a fallback.
        const when = nextEvent.when ?? (nextEvent.isAllDay
            ? start.toLocaleDateString(undefined, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }) + ' · all day'
            : start.toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' }));
        content.innerHTML =
            `<div class="title" data-testid="widget-title">${escape(nextEvent.title)}</div>` +
            `<div class="when">${escape(when)}</div>` +
            (nextEvent.location ? `<div class="where">at ${escape(nextEvent.location)}</div>` : '') +
            `<div class="countdown">${escape(relative(start, end))}</div>`;
    }

    async function refetch() {
        const response = await fetch('/api/calendar/upcoming?days=7&maxResults=5', { credentials: 'same-origin' });
        if (response.status === 401) {
            content.innerHTML = '<div class="when">Please <a href="/account/login?returnUrl=/widget/next-event" target="_top">sign in</a>.</div>';
            return false;
        }
        const body = await response.json();
        nextEvent = body.events.find(e => new Date(e.end) > new Date()) ?? null;
        window.widgetState.refetches++;
        render();
        return true;
    }

    async function catchUp() {
        if (lastSeq === null) return refetch();
        const response = await fetch(`/api/calendar/changes?since=${lastSeq}`, { credentials: 'same-origin' });
        if (!response.ok) return refetch();
        const body = await response.json();
        lastSeq = body.currentSeq;
        window.widgetState.lastSeq = lastSeq;
        if (body.resetRequired || body.changes.length > 0) await refetch();
    }

    // Jittered exponential backoff with no retry cap (SignalR's default gives up after four tries).
    const retryPolicy = {
        nextRetryDelayInMilliseconds: ctx => Math.min(30000, 500 * 2 ** Math.min(ctx.previousRetryCount, 6)) * (0.5 + Math.random()),
    };

    const connection = new signalR.HubConnectionBuilder()
        .withUrl('/hubs/calendar')
        .withAutomaticReconnect(retryPolicy)
        .build();

    connection.on('calendarChanged', async change => {
        window.widgetState.messages++;
        if (lastSeq !== null && change.seq !== lastSeq + 1) {
            await catchUp();  // a gap: something was missed
            return;
        }
        lastSeq = change.seq;
        window.widgetState.lastSeq = lastSeq;
        await refetch();
    });
    connection.onreconnecting(() => setStatus('reconnecting', 'reconnecting…'));
    connection.onreconnected(async () => {
        setStatus('live', 'live');
        await catchUp();
    });
    connection.onclose(() => start(0));

    async function start(attempt) {
        try {
            if (!(await refetch())) return;
            await connection.start();
            lastSeq = await connection.invoke('CurrentSeq');
            window.widgetState.lastSeq = lastSeq;
            setStatus('live', 'live');
            await refetch();  // anything that changed between the first fetch and joining the group
        } catch {
            setStatus('reconnecting', 'reconnecting…');
            const delay = retryPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: attempt });
            setTimeout(() => start(attempt + 1), delay);
        }
    }

    setInterval(render, 30000);
    start(0);
})();
