import { loadBuiltinCatalog } from '../../catalog/catalog-loader';
import { CatalogMatcher } from '../../catalog/matcher/catalog-matcher';
import {
  codeOnlyVariants,
  EXPECTED_TOOLS,
  surveyExportVariants,
  variantBytes,
} from '../../../test/support/survey-exports';
import { importSurveyExport } from './survey-import';
import { resolveSurveyTools } from './tool-mentions';

const matcher = CatalogMatcher.fromTools(loadBuiltinCatalog());

describe('every export option of every vendor', () => {
  it.each(surveyExportVariants().map((v) => [v.fileName, v.options, v] as const))(
    'should give the same respondents per tool from %s (%s)',
    async (_, __, variant) => {
      const sut = await importSurveyExport(await variantBytes(variant));
      expect(sut.format).toBe(variant.vendor);
      expect(sut.responses).toHaveLength(4);
      expect(resolveSurveyTools(sut, matcher).counts).toEqual(EXPECTED_TOOLS);
    },
  );

  it.each(codeOnlyVariants().map((v) => [v.fileName, v] as const))(
    'should warn that %s names its options by code only',
    async (_, variant) => {
      const sut = await importSurveyExport(await variantBytes(variant));
      // Only the "Other" text names a tool; the ticked options are codes.
      expect(resolveSurveyTools(sut, matcher).counts).toEqual({ 'claude-code': 1 });
      expect(sut.warnings.join('\n')).toMatch(/(codes|numeric values) only/);
    },
  );
});
