import type { TemplateTranslations } from './template-translations';

// German: DACH engineering sites. Tool names (tool-picker options) stay as the vendor spells them.
const FREQUENCY = {
  daily: 'Täglich',
  weekly: 'Wöchentlich',
  monthly: 'Monatlich',
  rarely: 'Selten',
  never: 'Nie',
};
const DATA = {
  'public-code': 'Öffentlicher oder Open-Source-Code',
  'internal-code': 'Interner Quellcode',
  'customer-data': 'Kundendaten oder personenbezogene Daten',
  'health-data': 'Gesundheitsdaten',
  credentials: 'Zugangsdaten, Schlüssel oder Geheimnisse',
  none: 'Nichts davon',
};
const TOOLS = { text: 'Welche KI-Werkzeuge nutzen Sie für die Arbeit?' };
const WISHED = { text: 'Welches KI-Werkzeug sollte Ihrer Meinung nach freigegeben werden?' };
const COMMENTS = { text: 'Möchten Sie uns sonst noch etwas mitteilen?' };

export const TEMPLATES_DE: TemplateTranslations = {
  inventory: {
    tools: {
      ...TOOLS,
      help: 'Kreuzen Sie jedes Werkzeug an, das Sie in den letzten drei Monaten genutzt haben.',
    },
    tools_other: {
      text: 'Andere KI-Werkzeuge, die nicht in der Liste stehen',
      help: 'Namen durch Kommas getrennt.',
    },
    frequency: { text: 'Wie oft nutzen Sie KI-Werkzeuge?', options: FREQUENCY },
    work_kinds: {
      text: 'Für welche Arten von Arbeit?',
      options: {
        'planning-design': 'Planung und Entwurf',
        coding: 'Code schreiben',
        review: 'Code-Review',
        testing: 'Testen',
        operations: 'Betrieb',
        docs: 'Dokumentation',
      },
    },
    data: { text: 'Welche Daten geben Sie in sie ein?', options: DATA },
    approved: {
      text: 'Sind die Werkzeuge, die Sie nutzen, vom Unternehmen freigegeben?',
      options: {
        approved: 'Ja, für meine Arbeit freigegeben',
        'not-approved': 'Nein, nicht freigegeben',
        unsure: 'Ich weiß es nicht',
      },
    },
    account: {
      text: 'Nutzen Sie sie mit einem Firmen- oder einem privaten Konto?',
      options: {
        company: 'Mit einem Firmenkonto',
        personal: 'Mit einem privaten Konto',
        both: 'Beides',
      },
    },
    wished_tool: WISHED,
    comments: COMMENTS,
  },
  pulse: {
    frequency: {
      text: 'Wie oft nutzen Sie KI-Werkzeuge für Ihre Arbeit?',
      help: 'Wenn Sie „Nie“ antworten, werden die Fragen zur Nutzung übersprungen.',
      options: FREQUENCY,
    },
    tools: TOOLS,
    phase_use: {
      text: 'Wie stark nutzen Sie KI in den einzelnen Phasen Ihrer Arbeit?',
      items: {
        'planning-design': 'Planung und Entwurf',
        coding: 'Programmieren',
        review: 'Code-Review',
        testing: 'Testen',
        operations: 'Bereitstellung und Betrieb',
        docs: 'Dokumentation',
      },
      minLabel: 'Gar nicht',
      maxLabel: 'Bei den meisten Aufgaben',
    },
    time_saved: {
      text: 'Wie viele Stunden pro Woche sparen Ihnen KI-Werkzeuge ungefähr?',
      help: 'Ihre beste Schätzung; 0, wenn sie Ihnen keine Zeit sparen.',
      unit: 'Stunden pro Woche',
    },
    confidence: {
      text: 'Wie sicher sind Sie darin, KI-Ergebnisse zu prüfen (falsche oder unsichere Vorschläge zu erkennen)?',
      minLabel: 'Nicht sicher',
      maxLabel: 'Sehr sicher',
    },
    data: { text: 'Welche Daten geben Sie in sie ein?', options: DATA },
    recommend: {
      text: 'Wie wahrscheinlich ist es, dass Sie die KI-Werkzeuge, die Sie bei der Arbeit haben, einer Kollegin oder einem Kollegen empfehlen?',
      minLabel: 'Überhaupt nicht wahrscheinlich',
      maxLabel: 'Äußerst wahrscheinlich',
    },
    policy_clarity: {
      text: 'Wissen Sie, welche KI-Werkzeuge für welche Daten freigegeben sind?',
      options: { yes: 'Ja, genau', partly: 'Teilweise', no: 'Nein' },
    },
    strategy: {
      text: 'Hat die Führung eine KI-Strategie für die Softwareentwicklung kommuniziert?',
      options: { yes: 'Ja', unsure: 'Ich weiß es nicht', no: 'Nein' },
    },
    barriers: {
      text: 'Was hält Sie davon ab, KI-Werkzeuge mehr zu nutzen?',
      options: {
        'no-approved-tool': 'Kein freigegebenes Werkzeug für meine Arbeit',
        'unclear-policy': 'Unklare Regeln, was erlaubt ist',
        'data-concerns': 'Bedenken zu Daten oder Sicherheit',
        quality: 'Die Ergebnisse sind nicht gut genug',
        'no-training': 'Ich weiß nicht, wie ich sie gut nutze',
        'no-time': 'Keine Zeit zum Lernen',
        none: 'Nichts hält mich ab',
      },
    },
    training: {
      text: 'Welche Schulung würde Ihnen helfen?',
      options: {
        prompting: 'Prompts schreiben und Kontext geben',
        reviewing: 'KI-geschriebenen Code prüfen und testen',
        'secure-use': 'KI sicher mit Unternehmensdaten nutzen',
        agents: 'Mit Coding-Agenten arbeiten',
        policy: 'Unsere KI-Richtlinie und freigegebene Werkzeuge',
        none: 'Keine nötig',
      },
    },
    wished_tool: WISHED,
    comments: COMMENTS,
  },
};
