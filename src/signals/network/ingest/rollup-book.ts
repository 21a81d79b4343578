// Daily roll-ups under construction, found through nested maps (identity kind → value → tool →
// action → day number). Kinds, tool ids and actions are strings the parsers and the catalog
// already hold, so a matched line finds its roll-up without building and hashing a compound key;
// only the identity's value is hashed afresh. Roll-ups come out in the order they were created.
import type { NetworkIdentityKind } from '../network.types';
import { type UsageRollup, utcDay } from './usage-rollup';

const DAY_MS = 86_400_000;

/** One identity's roll-ups; `key` ("kind\tvalue") is what the tool summary counts. */
export interface IdentityRollups {
  readonly key: string;
  readonly kind: NetworkIdentityKind;
  readonly value: string;
  /** tool id → action → UTC day number → roll-up */
  readonly tools: Map<string, Map<string, Map<number, UsageRollup>>>;
}

export class RollupBook {
  private byKind = new Map<string, Map<string, IdentityRollups>>();
  private created: UsageRollup[] = [];

  identity(kind: NetworkIdentityKind, value: string): IdentityRollups {
    let values = this.byKind.get(kind);
    if (!values) {
      values = new Map();
      this.byKind.set(kind, values);
    }
    let id = values.get(value);
    if (!id) {
      id = { key: `${kind}\t${value}`, kind, value, tools: new Map() };
      values.set(value, id);
    }
    return id;
  }

  /** One matched line. */
  line(
    id: IdentityRollups,
    toolId: string,
    action: string,
    time: number,
    up: number,
    down: number,
    blocked: boolean,
  ): void {
    const days = this.days(id, toolId, action);
    const dayNo = Math.floor(time / DAY_MS);
    const r = days.get(dayNo);
    if (r) {
      r.requests++;
      r.bytesUp += up;
      r.bytesDown += down;
      if (blocked) r.blocked++;
      if (time < r.firstSeen) r.firstSeen = time;
      if (time > r.lastSeen) r.lastSeen = time;
      return;
    }
    this.create(days, dayNo, {
      identityKind: id.kind,
      identityValue: id.value,
      toolId,
      action,
      day: utcDay(time),
      requests: 1,
      bytesUp: up,
      bytesDown: down,
      blocked: blocked ? 1 : 0,
      firstSeen: time,
      lastSeen: time,
    });
  }

  /** Lines already rolled up elsewhere (a worker's group), now under `id`. */
  merge(id: IdentityRollups, g: UsageRollup): void {
    const action = g.action ?? '';
    const days = this.days(id, g.toolId, action);
    const dayNo = Math.floor(g.firstSeen / DAY_MS);
    const r = days.get(dayNo);
    if (r) {
      r.requests += g.requests;
      r.bytesUp += g.bytesUp;
      r.bytesDown += g.bytesDown;
      r.blocked += g.blocked;
      if (g.firstSeen < r.firstSeen) r.firstSeen = g.firstSeen;
      if (g.lastSeen > r.lastSeen) r.lastSeen = g.lastSeen;
      return;
    }
    this.create(days, dayNo, {
      identityKind: id.kind,
      identityValue: id.value,
      toolId: g.toolId,
      action,
      day: g.day,
      requests: g.requests,
      bytesUp: g.bytesUp,
      bytesDown: g.bytesDown,
      blocked: g.blocked,
      firstSeen: g.firstSeen,
      lastSeen: g.lastSeen,
    });
  }

  /** roll-ups created since the last drain */
  get size(): number {
    return this.created.length;
  }

  /** The roll-ups so far, in the order they were created; the book starts empty again. */
  drain(): UsageRollup[] {
    const out = this.created;
    this.created = [];
    this.byKind = new Map();
    return out;
  }

  private days(id: IdentityRollups, toolId: string, action: string): Map<number, UsageRollup> {
    let actions = id.tools.get(toolId);
    if (!actions) {
      actions = new Map();
      id.tools.set(toolId, actions);
    }
    let days = actions.get(action);
    if (!days) {
      days = new Map();
      actions.set(action, days);
    }
    return days;
  }

  private create(days: Map<number, UsageRollup>, dayNo: number, r: UsageRollup): void {
    days.set(dayNo, r);
    this.created.push(r);
  }
}
