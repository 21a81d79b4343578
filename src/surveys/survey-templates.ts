import type { ToolDefinition } from '../catalog/catalog.types';
import { buildInventoryTemplate, INVENTORY_TEMPLATE_TITLE } from './inventory-template';
import { buildPulseTemplate, PULSE_TEMPLATE_TITLE } from './pulse-template';
import type { QuestionDefinition } from './survey.types';

export const SURVEY_TEMPLATES = ['ai-usage-inventory', 'ai-adoption-pulse', 'blank'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];

export const TEMPLATE_TITLES: Record<SurveyTemplate, string> = {
  'ai-usage-inventory': INVENTORY_TEMPLATE_TITLE,
  'ai-adoption-pulse': PULSE_TEMPLATE_TITLE,
  blank: 'Survey',
};

/** A built-in template's questions (tool lists from the catalog); none for a blank survey. */
export function buildTemplate(
  template: SurveyTemplate,
  tools: ToolDefinition[],
): QuestionDefinition[] {
  switch (template) {
    case 'ai-usage-inventory':
      return buildInventoryTemplate(tools);
    case 'ai-adoption-pulse':
      return buildPulseTemplate(tools);
    case 'blank':
      return [];
  }
}
