/** A valid inline scenario that cites a catalogue source; the starting point for mutation. */
export const VALID_INLINE = {
  id: 'fixture-what-if',
  title: 'Fixture what-if',
  summary: 'A hypothetical.',
  proposers: ['ukraine'],
  date: '2026-02-01',
  venue: 'Notebook',
  status: 'what-if',
  sources: ['anchorage-press-appearance-2025-08-15'],
  territory: [
    {
      region: 'donetsk',
      outcome: 'frozen-at-line',
      legalStatus: 'none',
      russianShare: { low: 0.5, high: 'baseline' },
      quantified: false,
      sources: ['anchorage-press-appearance-2025-08-15'],
    },
  ],
  terms: [
    {
      issue: 'army-size',
      position: 'no-cap',
      detail: 'No cap.',
      sources: ['anchorage-press-appearance-2025-08-15'],
    },
  ],
  stances: [
    {
      party: 'russia',
      stance: 'opposes',
      quote: { text: 'No.', kind: 'verbatim' },
      speaker: 'Someone',
      date: '2026-02-01',
      sources: ['anchorage-press-appearance-2025-08-15'],
    },
  ],
};
