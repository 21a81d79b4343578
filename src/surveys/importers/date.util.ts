// Survey exports write times in the exporter's locale and rarely with a zone; read them as UTC.

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const SLASHED =
  /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

export function parseSurveyTime(raw: string, timeZone?: string): string | null {
  const utcReading = readAsUtc(raw);
  if (!utcReading || !timeZone || /[zZ]|[+-]\d{2}:?\d{2}$/.test(raw.trim())) return utcReading;
  return shiftFromZone(utcReading, timeZone);
}

/** A wall-clock time in `timeZone`, read as if it were UTC, moved to the real UTC instant. */
function shiftFromZone(isoAsUtc: string, timeZone: string): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    return isoAsUtc; // unknown zone: keep the UTC reading
  }
  const wall = Date.parse(isoAsUtc);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
    );
    return (
      Date.UTC(
        +parts.year,
        +parts.month - 1,
        +parts.day,
        +parts.hour,
        +parts.minute,
        +parts.second,
      ) - instant
    );
  };
  // Two passes settle the offset across a daylight-saving change.
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant).toISOString();
}

function readAsUtc(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  const local = ISO_LOCAL.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    return utc(+y, +mo, +d, +h, +mi, +(s ?? 0));
  }
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [, a, b, y, h = '0', mi = '0', s = '0', meridiem] = slashed;
    // Dots mean a European date; a first part over 12 can only be a day.
    const dayFirst = text.includes('.') || +a > 12;
    const [day, month] = dayFirst ? [+a, +b] : [+b, +a];
    let hour = +h;
    if (meridiem) {
      const pm = meridiem.toLowerCase() === 'pm';
      if (hour === 12) hour = pm ? 12 : 0;
      else if (pm) hour += 12;
    }
    return utc(+y, month, day, hour, +mi, +s);
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  return null;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString();
}
