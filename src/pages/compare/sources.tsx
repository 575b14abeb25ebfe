import type { Source } from '../../domain/reference.ts';
import { formatDate, humanize } from '../format.ts';

const SourceItem = ({ source }: { source: Source }) => {
  const url = source.url && /^https?:\/\//i.test(source.url) ? source.url : undefined;
  return (
    <li id={`source-${source.id}`}>
      <strong>{source.publisher}</strong>,{' '}
      {url ? (
        <a href={url} rel="noreferrer">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      , <time datetime={source.date}>{formatDate(source.date)}</time>.{' '}
      <span class="meta">
        {humanize(source.kind)}
        {source.via && <>; read via {source.via}</>}
        {source.confidence && <>; confidence {source.confidence}</>}.
      </span>
      {source.note && <span class="meta"> {source.note}</span>}
    </li>
  );
};

/** The numbered list of every source the comparison cites; the [n] links point here. */
export const Sources = ({ sources }: { sources: readonly Source[] }) => (
  <section aria-labelledby="sources">
    <h2 id="sources">Sources</h2>
    <ol class="sources">
      {sources.map((source) => (
        <SourceItem source={source} />
      ))}
    </ol>
  </section>
);
