/** "today 14:05", "yesterday 09:12", or a date: readable in a list of notes. */
export function formatTime(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = (x: number) => new Date(x).toDateString();
  if (day(ms) === day(now)) return `today ${time}`;
  if (day(ms) === day(now - 86_400_000)) return `yesterday ${time}`;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) + ` ${time}`;
}
