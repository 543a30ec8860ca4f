// Publication dates. VNA is in Asia/Ho_Chi_Minh (UTC+7, no DST), so every date we emit is
// expressed in +07:00, whatever zone the page wrote it in: readers compare it with the
// dateline's local day. Sources, best first: time[datetime] in the article header, meta
// article:published_time, JSON-LD datePublished, then the visible `dd/mm/yyyy HH:MM` of
// the 2018–2023 layout (`04/12/2017 07:23 GMT+7`, `lúc : 11/07/14 11:35`).

const VN_OFFSET_MIN = 7 * 60;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function formatVn(ms: number, withSeconds: boolean): string {
  const d = new Date(ms + VN_OFFSET_MIN * 60_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(withSeconds ? d.getUTCSeconds() : 0)}`;
  return `${date}T${time}+07:00`;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * A machine date (ISO 8601 / RFC 3339, as in datetime= and meta tags) → ISO in +07:00.
 * A zone-less date-time is taken as Vietnam local time; a bare date stays `YYYY-MM-DD`.
 */
export function isoFromMachine(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(v);
  if (!m) return isoFromDisplay(v);
  const [, y, mo, d, hh, mi, ss, zone] = m;
  if (!validYmd(+y, +mo, +d)) return null;
  if (hh === undefined) return `${y}-${mo}-${d}`;
  let offsetMin = VN_OFFSET_MIN;
  if (zone) {
    if (/^z$/i.test(zone)) offsetMin = 0;
    else {
      const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
      offsetMin = (z[1] === '-' ? -1 : 1) * (+z[2] * 60 + +z[3]);
    }
  }
  const utc = Date.UTC(+y, +mo - 1, +d, +hh, +mi, +(ss ?? 0)) - offsetMin * 60_000;
  return formatVn(utc, true);
}

/** Visible Vietnamese-style date `dd/mm/yyyy[ HH:MM]` (also dd-mm-yyyy, 2-digit years). */
export function isoFromDisplay(text: string | null | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ');
  const m = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\D{0,12}?(\d{1,2})[:hH](\d{2}))?/.exec(t);
  if (!m) return null;
  const d = +m[1];
  const mo = +m[2];
  let y = +m[3];
  if (m[3].length === 2) y += 2000;
  if (!validYmd(y, mo, d)) return null;
  if (m[4] === undefined) return `${y}-${pad(mo)}-${pad(d)}`;
  const hh = +m[4];
  const mi = +m[5];
  if (hh > 23 || mi > 59) return `${y}-${pad(mo)}-${pad(d)}`;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(hh)}:${pad(mi)}:00+07:00`;
}
