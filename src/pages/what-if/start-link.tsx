/** "Make a what-if from this": opens the what-if form filled from a catalogue or saved scenario. */
export const WhatIfStartLink = ({ scenarioId }: { scenarioId: string }) => (
  <p>
    <a href={`/what-if/new?from=${encodeURIComponent(scenarioId)}`}>Make a what-if from this</a>
  </p>
);

/** The blank start on the catalogue page. */
export const BlankWhatIfStart = () => (
  <p>
    Think something else will happen? <a href="/what-if/new">Make your own what-if</a>, from a blank form, or
    from any scenario on a comparison page.
  </p>
);
