import {
  COMPLIANCE_REFERENCES,
  complianceReference,
  findingReferenceIds,
  policyReferenceIds,
} from './compliance-references';

describe('compliance references', () => {
  it('are unique, and each cites the published text of its framework', () => {
    const ids = COMPLIANCE_REFERENCES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sources = {
      'eu-ai-act': 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
      'iso-iec-42001': 'https://www.iso.org/standard/81230.html',
      'nist-ai-rmf': 'https://doi.org/10.6028/NIST.AI.100-1',
    };
    for (const r of COMPLIANCE_REFERENCES) expect(r.source).toBe(sources[r.framework]);
  });

  it('ties a decision to the AI policy, and a sanctioned tool to supplier and literacy duties', () => {
    const sanctioned = policyReferenceIds(
      { status: 'sanctioned', dataClasses: ['pii'] },
      'chat-assistant',
    );
    expect(sanctioned).toEqual(
      expect.arrayContaining([
        'iso-42001:a.2.2',
        'iso-42001:a.10.3',
        'iso-42001:a.9.4',
        'nist-ai-rmf:manage-3.1',
        'eu-ai-act:art-4',
      ]),
    );
    expect(sanctioned).not.toContain('eu-ai-act:art-50');
  });

  it('asks only for mapping and inventory while a tool is undecided', () => {
    expect(
      policyReferenceIds({ status: 'unreviewed', dataClasses: [] }, 'coding-assistant'),
    ).toEqual(['nist-ai-rmf:govern-1.6', 'nist-ai-rmf:map-4.1']);
  });

  it('names the deep-fake transparency duty for image generators only', () => {
    expect(
      policyReferenceIds({ status: 'tolerated', dataClasses: [] }, 'image-generation'),
    ).toContain('eu-ai-act:art-50');
  });

  it('cites intended use only for a data-class violation, and staff literacy only for a person', () => {
    const person = findingReferenceIds({
      subjectType: 'person',
      shadow: true,
      factors: [{ key: 'policy' }, { key: 'violation.data-class' }],
    });
    expect(person).toEqual(
      expect.arrayContaining(['iso-42001:a.9.2', 'iso-42001:a.9.4', 'eu-ai-act:art-4']),
    );
    const repo = findingReferenceIds({ subjectType: 'repository', shadow: false, factors: [] });
    expect(repo).toEqual(['nist-ai-rmf:govern-1.6', 'iso-42001:6.1.2']);
    for (const id of [...person, ...repo]) expect(complianceReference(id).id).toBe(id);
  });
});
