import { CatalogMatcher } from '../../catalog/matcher/catalog-matcher';
import { TEST_TOOLS, testToolMatcher } from '../../../test/support/test-tool-matcher';
import { findToolMentions } from './tool-mentions';

describe(findToolMentions.name, () => {
  const exact = testToolMatcher();
  // The catalog's matcher also finds a name inside longer text; both kinds must give every tool.
  const inside = CatalogMatcher.fromTools(TEST_TOOLS);

  it.each([
    ['exact', exact],
    ['phrase-inside', inside],
  ])('should find every tool named in free text with a %s matcher', (_, sut) => {
    expect(findToolMentions('Mostly chat gpt and Copilot in VS Code', sut).sort()).toEqual([
      'chatgpt',
      'github-copilot',
    ]);
    expect(findToolMentions('Copilot mostly, some Claude Code', sut).sort()).toEqual([
      'claude-code',
      'github-copilot',
    ]);
    expect(findToolMentions('GitHub Copilot', sut)).toEqual(['github-copilot']);
    expect(findToolMentions('I also try claude code, sometimes', sut)).toEqual(['claude-code']);
    expect(findToolMentions('Nothing to add', sut)).toEqual([]);
  });
});
