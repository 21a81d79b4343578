import type { ToolDefinition } from '../catalog/catalog.types';
import { buildInventoryTemplate, INVENTORY_TEMPLATE_TITLE } from './inventory-template';
import { buildPulseTemplate, PULSE_SECTIONS, PULSE_TEMPLATE_TITLE } from './pulse-template';
import type { QuestionDefinition, SurveySection } from './survey.types';

export const SURVEY_TEMPLATES = ['ai-usage-inventory', 'ai-adoption-pulse', 'blank'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];

export const TEMPLATE_TITLES: Record<SurveyTemplate, string> = {
  'ai-usage-inventory': INVENTORY_TEMPLATE_TITLE,
  'ai-adoption-pulse': PULSE_TEMPLATE_TITLE,
  blank: 'Survey',
};

/** A built-in template's questions (tool lists from the catalog) and sections; none for blank. */
export function buildTemplate(
  template: SurveyTemplate,
  tools: ToolDefinition[],
): { questions: QuestionDefinition[]; sections: SurveySection[] } {
  switch (template) {
    case 'ai-usage-inventory':
      return { questions: buildInventoryTemplate(tools), sections: [] };
    case 'ai-adoption-pulse':
      return { questions: buildPulseTemplate(tools), sections: PULSE_SECTIONS };
    case 'blank':
      return { questions: [], sections: [] };
  }
}
