import type { ToolDefinition } from '../../../catalog/catalog.types';
import {
  customToolFormView,
  customToolValues,
  parseCustomToolForm,
  postedCustomToolValues,
} from './custom-tool-form';

describe(parseCustomToolForm.name, () => {
  it('should build a definition from the form fields, one rule per line', () => {
    const sut = parseCustomToolForm({
      id: 'acme-llm',
      name: 'Acme LLM',
      vendor: 'Acme',
      category: 'llm-api',
      homepage: 'https://llm.acme.example',
      aliases: 'acme gpt, acmegpt',
      domains: 'llm.acme.example\r\napi.acme-llm.example\n\nllm.acme.example',
      packages: 'npm:@acme/llm\npypi acme-llm',
      commitEmails: 'Bot@Acme.example',
      botLogins: 'acme-llm[bot]',
    });
    expect(sut.errors).toEqual([]);
    expect(sut.definition).toEqual({
      id: 'acme-llm',
      name: 'Acme LLM',
      vendor: 'Acme',
      category: 'llm-api',
      homepage: 'https://llm.acme.example',
      aliases: ['acme gpt', 'acmegpt'],
      rules: {
        domains: ['llm.acme.example', 'api.acme-llm.example'],
        packages: { npm: ['@acme/llm'], pypi: ['acme-llm'] },
        commitIdentities: [{ email: 'bot@acme.example' }, { login: 'acme-llm[bot]' }],
      },
    });
  });

  it('should name the field and line the form syntax gets wrong', () => {
    const sut = parseCustomToolForm({
      id: 'Acme LLM',
      vendor: 'Acme',
      category: 'robots',
      packages: 'npm:ok\ncrates:foo',
    });
    expect(sut.errors.map((e) => e.field)).toEqual(['id', 'name', 'category', 'packages']);
    expect(sut.errors[3].message).toContain('Packages, line 2');
  });
});

describe(customToolValues.name, () => {
  it('should turn a stored definition back into the same form text', () => {
    const tool: ToolDefinition = {
      id: 'acme-llm',
      name: 'Acme LLM',
      vendor: 'Acme',
      category: 'llm-api',
      rules: {
        domains: ['a.example', 'b.example'],
        packages: { pypi: ['acme-llm'] },
        commitIdentities: [{ login: 'acme[bot]' }],
      },
    };
    const values = customToolValues(tool);
    expect(values.rules.domains).toBe('a.example\nb.example');
    expect(values.packages).toBe('pypi:acme-llm');
    const roundTrip = parseCustomToolForm({
      ...values,
      ...values.rules,
    } as unknown as Record<string, unknown>);
    expect(roundTrip.definition).toEqual(tool);
    const view = customToolFormView(postedCustomToolValues({ category: 'llm-api' }), true);
    expect(view.categories.find((c) => c.selected)?.value).toBe('llm-api');
    expect(view.ruleFields.map((f) => f.name)).toContain('workflowActions');
  });
});
