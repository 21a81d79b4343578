import type { ToolDefinition } from '../catalog/catalog.types';
import type { SurveyTextTranslations } from './i18n/survey-texts';
import {
  buildInventoryTemplate,
  INVENTORY_TEMPLATE_TEXTS,
  INVENTORY_TEMPLATE_TITLE,
} from './inventory-template';
import {
  buildPulseTemplate,
  PULSE_SECTIONS,
  PULSE_TEMPLATE_TEXTS,
  PULSE_TEMPLATE_TITLE,
} from './pulse-template';
import type { QuestionDefinition, SurveySection } from './survey.types';

export const SURVEY_TEMPLATES = ['ai-usage-inventory', 'ai-adoption-pulse', 'blank'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];

export const TEMPLATE_TITLES: Record<SurveyTemplate, string> = {
  'ai-usage-inventory': INVENTORY_TEMPLATE_TITLE,
  'ai-adoption-pulse': PULSE_TEMPLATE_TITLE,
  blank: 'Survey',
};

/** The built-in titles in the form's other languages, used while the author keeps the title. */
export const TEMPLATE_TEXTS: Record<SurveyTemplate, SurveyTextTranslations> = {
  'ai-usage-inventory': INVENTORY_TEMPLATE_TEXTS,
  'ai-adoption-pulse': PULSE_TEMPLATE_TEXTS,
  blank: { de: { title: 'Umfrage' }, es: { title: 'Encuesta' } },
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
