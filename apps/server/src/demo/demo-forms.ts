/** The demo world's forms: one for the research project, one for the health survey, two in the form service's catalogue. */
const catalogue = [
  {
    code: { system: 'http://terminology.hl7.org/CodeSystem/usage-context-type', code: 'task' },
    valueCodeableConcept: { coding: [{ system: 'urn:innboks:code:form-availability', code: 'all-citizens' }] },
  },
];

export const demoForms = {
  research: {
    clientId: 'hjertestudien',
    resource: {
      resourceType: 'Questionnaire',
      url: 'https://hjertestudien.example.no/skjema/oppfolging',
      version: '2026.1',
      status: 'active',
      title: 'Hjertestudien: oppfølging etter ett år',
      item: [
        { linkId: 'activity', type: 'choice', text: 'Hvor ofte er du fysisk aktiv?', required: true, answerOption: ['Sjelden', 'Ukentlig', 'Daglig'].map((display, index) => ({ valueCoding: { code: String(index), display } })) },
        { linkId: 'chest-pain', type: 'boolean', text: 'Har du hatt brystsmerter siste måned?' },
        { linkId: 'comment', type: 'text', text: 'Er det noe mer du vil fortelle oss?' },
      ],
    },
  },
  survey: {
    clientId: 'folkehelseundersokelsen',
    resource: {
      resourceType: 'Questionnaire',
      url: 'https://folkehelse.example.no/skjema/hovedskjema',
      version: '2026',
      status: 'active',
      title: 'Folkehelseundersøkelsen 2026',
      item: [
        { linkId: 'health', type: 'choice', text: 'Hvordan vurderer du din egen helse?', required: true, answerOption: ['Svært god', 'God', 'Verken god eller dårlig', 'Dårlig'].map((display, index) => ({ valueCoding: { code: String(index), display } })) },
        { linkId: 'height', type: 'integer', text: 'Høyde (cm)' },
        { linkId: 'weight', type: 'decimal', text: 'Vekt (kg)' },
        { linkId: 'smoke', type: 'boolean', text: 'Røyker du?' },
        { linkId: 'per-day', type: 'integer', text: 'Hvor mange sigaretter om dagen?', enableWhen: [{ question: 'smoke', operator: '=', answerBoolean: true }] },
      ],
    },
  },
  deductibleCap: {
    clientId: 'skjematjenesten',
    resource: {
      resourceType: 'Questionnaire',
      url: 'https://skjema.example.no/egenandelstak',
      version: '1',
      status: 'active',
      title: 'Søknad om egenandelstak',
      useContext: catalogue,
      item: [
        { linkId: 'year', type: 'integer', text: 'For hvilket år søker du?', required: true },
        { linkId: 'amount', type: 'decimal', text: 'Sum egenandeler (kr)', required: true },
        { linkId: 'receipts', type: 'attachment', text: 'Kvitteringer (JPG, PNG eller PDF)' },
      ],
    },
  },
  healthDeclaration: {
    clientId: 'skjematjenesten',
    resource: {
      resourceType: 'Questionnaire',
      url: 'https://skjema.example.no/egenerklaering',
      version: '1',
      status: 'active',
      title: 'Egenerklæring om helse',
      useContext: catalogue,
      item: [
        { linkId: 'date', type: 'date', text: 'Dato', required: true },
        { linkId: 'medicines', type: 'group', text: 'Faste medisiner', repeats: true, item: [{ linkId: 'medicine', type: 'string', text: 'Navn på medisinen' }] },
        { linkId: 'allergy', type: 'open-choice', text: 'Allergier', answerOption: [{ valueCoding: { code: 'none', display: 'Ingen' } }] },
      ],
    },
  },
} as const;

/** Kari's answers to the deductible cap form, so her receipt has something to show. */
export const demoDeductibleCapAnswers = [
  { linkId: 'year', text: 'For hvilket år søker du?', answer: [{ valueInteger: 2025 }] },
  { linkId: 'amount', text: 'Sum egenandeler (kr)', answer: [{ valueDecimal: 3412.5 }] },
];
