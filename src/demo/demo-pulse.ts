import type { Answers } from '../surveys/survey.types';
import { DemoRandom } from './demo-random';

/** How the organisation answers the pulse in one wave: the enablement programme moves wave 2. */
const WAVES = {
  1: {
    frequency: { daily: 0.3, weekly: 0.25, monthly: 0.15, rarely: 0.1, never: 0.2 },
    policy: { yes: 0.3, partly: 0.4, no: 0.3 },
    strategy: { yes: 0.25, unsure: 0.45, no: 0.3 },
    lift: 0,
  },
  2: {
    frequency: { daily: 0.42, weekly: 0.26, monthly: 0.1, rarely: 0.08, never: 0.14 },
    policy: { yes: 0.55, partly: 0.32, no: 0.13 },
    strategy: { yes: 0.6, unsure: 0.3, no: 0.1 },
    lift: 1,
  },
} as const;

const PHASE_BASE: Record<string, number> = {
  'planning-design': 2,
  coding: 3.4,
  review: 2.4,
  testing: 2.8,
  operations: 1.8,
  docs: 2.9,
};

function weighted(rnd: DemoRandom, weights: Record<string, number>): string {
  let x = rnd.next();
  const entries = Object.entries(weights);
  for (const [value, w] of entries) if ((x -= w) < 0) return value;
  return entries[entries.length - 1][0];
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));

/**
 * One wave of pulse answers from the people who answered the inventory (so the pulse adds no
 * respondent correlation has not seen). Tools and data are left unanswered: the demo's
 * disclosures come from the inventory alone, and its truth stays the same.
 */
export function demoPulseAnswers(
  emails: string[],
  wave: 1 | 2,
): { email: string; answers: Answers }[] {
  const w = WAVES[wave];
  const rnd = new DemoRandom(wave === 1 ? 0x9e1 : 0x9e2);
  const out: { email: string; answers: Answers }[] = [];
  for (const email of emails) {
    if (!rnd.chance(0.85)) continue;
    const frequency = weighted(rnd, w.frequency);
    const answers: Answers = { frequency };
    if (frequency !== 'never') {
      const noise = () => rnd.next() * 2 - 1;
      answers.phase_use = Object.fromEntries(
        Object.entries(PHASE_BASE).map(([phase, base]) => [
          phase,
          String(clamp(base + 0.6 * w.lift + noise(), 1, 5)),
        ]),
      );
      answers.time_saved = String(clamp(2 + 1.5 * w.lift + rnd.next() * 4 + noise(), 0, 40));
      answers.confidence = String(clamp(2.9 + 0.7 * w.lift + noise() * 1.2, 1, 5));
      answers.recommend = String(clamp(6 + 1.2 * w.lift + noise() * 3, 0, 10));
    }
    answers.policy_clarity = weighted(rnd, w.policy);
    answers.strategy = weighted(rnd, w.strategy);
    answers.barriers = [
      rnd.pick(['unclear-policy', 'no-approved-tool', 'data-concerns', 'quality', 'no-training']),
    ];
    answers.training = [rnd.pick(['prompting', 'reviewing', 'secure-use', 'agents'])];
    out.push({ email, answers });
  }
  return out;
}
