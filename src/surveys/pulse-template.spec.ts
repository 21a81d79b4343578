import type { ToolDefinition } from '../catalog/catalog.types';
import { buildInventoryTemplate } from './inventory-template';
import { logicProblems } from './logic/definition-check';
import { visibilityOf } from './logic/visibility';
import { buildPulseTemplate, PULSE_SECTIONS } from './pulse-template';

const tools = [
  { id: 'cursor', name: 'Cursor' },
  { id: 'chatgpt', name: 'ChatGPT' },
] as ToolDefinition[];

describe(buildPulseTemplate.name, () => {
  const sut = buildPulseTemplate(tools);

  it('should pass the logic check: every required question reachable', () => {
    expect(logicProblems(sut, PULSE_SECTIONS)).toEqual([]);
  });

  it('should skip the questions about use when the respondent uses no AI tool', () => {
    const never = visibilityOf(sut, PULSE_SECTIONS, { frequency: 'never' }).visible;
    expect([...never]).toEqual([
      'frequency',
      'policy_clarity',
      'strategy',
      'barriers',
      'training',
      'wished_tool',
      'comments',
    ]);
    const daily = visibilityOf(sut, PULSE_SECTIONS, { frequency: 'daily' }).visible;
    expect(daily.has('phase_use')).toBe(true);
    expect(daily.has('time_saved')).toBe(true);
  });

  it('should carry the roles correlation reads for tools, data and wished tools', () => {
    const roles = Object.fromEntries(sut.filter((q) => q.role).map((q) => [q.key, q.role]));
    expect(roles).toMatchObject({
      tools: 'tools',
      data: 'data-classes',
      wished_tool: 'wished-tool',
      frequency: 'frequency',
    });
  });

  it('should hold every question of both built-in templates in German and Spanish', () => {
    for (const q of [...sut, ...buildInventoryTemplate(tools)]) {
      for (const lang of ['de', 'es']) {
        const t = q.translations?.[lang];
        expect(t?.text).toBeTruthy();
        for (const o of q.kind === 'tool-picker' ? [] : (q.options ?? []))
          expect(t?.options?.[o.value]).toBeTruthy();
        for (const item of q.items ?? []) expect(t?.items?.[item.value]).toBeTruthy();
      }
    }
    for (const s of PULSE_SECTIONS) expect(s.translations?.de?.title).toBeTruthy();
  });
});
