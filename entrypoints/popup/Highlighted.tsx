// Text with its matched words marked. Built from plain parts (utils/search/snippet.ts), never
// from HTML: a title or summary text cannot inject markup here.
import type { SnippetPart } from '@/utils/search/snippet';

export function Highlighted({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
