import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, registerDecorator, type ValidationOptions } from 'class-validator';
import { FORM_LANGUAGES, type FormLanguage } from '../i18n/languages';
import { surveyTextsProblem, type SurveyTextTranslations } from '../i18n/survey-texts';

function IsSurveyTexts(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSurveyTexts',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => surveyTextsProblem(value) === null,
        defaultMessage: (args) => `${args?.property}: ${surveyTextsProblem(args?.value)}`,
      },
    });
}

/** The survey's own words in the form's other languages, and the language its mails use. */
export class SurveyTextsDto {
  @ApiPropertyOptional({
    description:
      '{ de: { title, description }, es: { … } }; an empty or missing field shows the original',
  })
  @IsOptional()
  @IsSurveyTexts()
  translations?: SurveyTextTranslations;

  @ApiPropertyOptional({
    enum: FORM_LANGUAGES,
    description: 'language of invitation and reminder e-mails and of their links (default en)',
  })
  @IsOptional()
  @IsIn(FORM_LANGUAGES)
  invitationLanguage?: FormLanguage;
}
