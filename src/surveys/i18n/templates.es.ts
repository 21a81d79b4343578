import type { TemplateTranslations } from './template-translations';

// Spanish (neutral, for Spain and Latin American hubs). Tool names stay as the vendor spells them.
const FREQUENCY = {
  daily: 'A diario',
  weekly: 'Cada semana',
  monthly: 'Cada mes',
  rarely: 'Rara vez',
  never: 'Nunca',
};
const DATA = {
  'public-code': 'Código público o de código abierto',
  'internal-code': 'Código fuente interno',
  'customer-data': 'Datos de clientes o datos personales',
  'health-data': 'Datos de salud',
  credentials: 'Credenciales, claves o secretos',
  none: 'Ninguno de estos',
};
const TOOLS = { text: '¿Qué herramientas de IA usa para su trabajo?' };
const WISHED = { text: '¿Qué herramienta de IA le gustaría que se aprobara?' };
const COMMENTS = { text: '¿Hay algo más que quiera contarnos?' };

export const TEMPLATES_ES: TemplateTranslations = {
  inventory: {
    tools: { ...TOOLS, help: 'Marque cada herramienta que haya usado en los últimos tres meses.' },
    tools_other: {
      text: 'Otras herramientas de IA que no están en la lista',
      help: 'Nombres separados por comas.',
    },
    frequency: { text: '¿Con qué frecuencia usa herramientas de IA?', options: FREQUENCY },
    work_kinds: {
      text: '¿Para qué tipos de trabajo?',
      options: {
        'planning-design': 'Planificación y diseño',
        coding: 'Escribir código',
        review: 'Revisión de código',
        testing: 'Pruebas',
        operations: 'Operaciones',
        docs: 'Documentación',
      },
    },
    data: { text: '¿Qué datos introduce en ellas?', options: DATA },
    approved: {
      text: '¿Las herramientas que usa están aprobadas por la empresa?',
      options: {
        approved: 'Sí, aprobadas para mi trabajo',
        'not-approved': 'No, no están aprobadas',
        unsure: 'No estoy seguro',
      },
    },
    account: {
      text: '¿Las usa con una cuenta de la empresa o con una cuenta personal?',
      options: {
        company: 'Una cuenta de la empresa',
        personal: 'Una cuenta personal',
        both: 'Ambas',
      },
    },
    wished_tool: WISHED,
    comments: COMMENTS,
  },
  pulse: {
    frequency: {
      text: '¿Con qué frecuencia usa herramientas de IA en su trabajo?',
      help: 'Si responde «Nunca», se omiten las preguntas sobre el uso de la IA.',
      options: FREQUENCY,
    },
    tools: TOOLS,
    phase_use: {
      text: '¿Cuánto usa la IA en cada fase de su trabajo?',
      items: {
        'planning-design': 'Planificación y diseño',
        coding: 'Programación',
        review: 'Revisión de código',
        testing: 'Pruebas',
        operations: 'Despliegue y operaciones',
        docs: 'Documentación',
      },
      minLabel: 'Nada',
      maxLabel: 'En la mayoría de las tareas',
    },
    time_saved: {
      text: '¿Aproximadamente cuántas horas a la semana le ahorran las herramientas de IA?',
      help: 'Su mejor estimación; 0 si no le ahorran tiempo.',
      unit: 'horas por semana',
    },
    confidence: {
      text: '¿Qué tan seguro se siente al validar los resultados de la IA (detectar sugerencias erróneas o inseguras)?',
      minLabel: 'Nada seguro',
      maxLabel: 'Muy seguro',
    },
    data: { text: '¿Qué datos introduce en ellas?', options: DATA },
    recommend: {
      text: '¿Qué probabilidad hay de que recomiende a un compañero las herramientas de IA que tiene en el trabajo?',
      minLabel: 'Nada probable',
      maxLabel: 'Muy probable',
    },
    policy_clarity: {
      text: '¿Sabe qué herramientas de IA están aprobadas para qué datos?',
      options: { yes: 'Sí, con claridad', partly: 'En parte', no: 'No' },
    },
    strategy: {
      text: '¿La dirección ha comunicado una estrategia de IA para ingeniería?',
      options: { yes: 'Sí', unsure: 'No estoy seguro', no: 'No' },
    },
    barriers: {
      text: '¿Qué le impide usar más las herramientas de IA?',
      options: {
        'no-approved-tool': 'No hay una herramienta aprobada para mi trabajo',
        'unclear-policy': 'Las reglas sobre lo permitido no están claras',
        'data-concerns': 'Preocupaciones sobre datos o seguridad',
        quality: 'Los resultados no son lo bastante buenos',
        'no-training': 'No sé usarlas bien',
        'no-time': 'No tengo tiempo para aprender',
        none: 'Nada me lo impide',
      },
    },
    training: {
      text: '¿Qué formación le ayudaría?',
      options: {
        prompting: 'Escribir instrucciones y dar contexto',
        reviewing: 'Revisar y probar código escrito por IA',
        'secure-use': 'Usar la IA de forma segura con datos de la empresa',
        agents: 'Trabajar con agentes de programación',
        policy: 'Nuestra política de IA y las herramientas aprobadas',
        none: 'No necesito ninguna',
      },
    },
    wished_tool: WISHED,
    comments: COMMENTS,
  },
};
